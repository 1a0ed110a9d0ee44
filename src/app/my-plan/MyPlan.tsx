import { useState } from 'preact/hooks';
import { localDay, planDocument } from '../../core';
import { planActions } from '../data/plan';
import { Notice } from '../components/Notice';
import { useStudentI18n as useI18n } from '../student-home/i18n';
import type { GoalFields } from '../data/plan';
import { GoalForm } from '../plan/GoalForm';
import { goalViews } from '../plan/goal-view';
import { ProfileEditor } from '../plan/ProfileEditor';
import { StudentNav } from '../student-home/StudentNav';
import { useStudentDocs } from '../student-home/use-student';
import { UndoButton } from '../undo/UndoButton';
import { StudentGoal } from './StudentGoal';

/** The student's plan: about me, goals they propose and keep up to date, and this week's goals. */
export function MyPlan() {
  const { t } = useI18n();
  const docs = useStudentDocs((plan, coach) => ({
    items: planDocument(plan).profileItems.list(),
    goals: goalViews(plan, coach, localDay()).filter((v) => v.state.stage !== 'dropped'),
  }));
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  if (!docs?.plan.data || !docs.plan.local) return <p class="muted">{t('app.loading')}</p>;
  const { data, readOnly } = docs.plan;
  const doc = docs.plan.local.doc;
  const actions = planActions(doc, 'student');

  function save(fields: GoalFields) {
    if (editing === 'new') actions.proposeGoal(fields);
    else if (editing) actions.editGoal(editing, fields, data.goals.find((g) => g.goal.id === editing)?.state ?? null);
    setEditing(null);
  }

  const sections = [
    { key: 'long', title: t('myPlan.longGoals'), icon: '🎯', goals: data.goals.filter((g) => g.goal.horizon === 'long') },
    { key: 'weekly', title: t('myPlan.weeklyGoals'), icon: '📅', goals: data.goals.filter((g) => g.goal.horizon === 'weekly') },
  ];

  return (
    <section class="stack student" aria-labelledby="my-plan-title">
      <StudentNav />
      <div class="title-row">
        <h1 id="my-plan-title">{t('myPlan.title')}</h1>
        <UndoButton doc={doc} disabled={readOnly} />
      </div>
      {readOnly && <Notice kind="warning">{t('app.readOnlyNewer')}</Notice>}
      {!readOnly && editing === null && (
        <button type="button" class="button button--primary button--block" onClick={() => setEditing('new')}>
          <span aria-hidden="true">+</span>{t('myPlan.propose')}
        </button>
      )}
      {editing === 'new' && (
        <section class="stack" aria-labelledby="propose-title">
          <h2 id="propose-title">{t('myPlan.propose')}</h2>
          <p class="muted">{t('myPlan.proposeHint')}</p>
          <GoalForm onSave={save} onCancel={() => setEditing(null)} />
        </section>
      )}
      {sections.map((s) => (
        <section key={s.key} class="stack" aria-labelledby={`goals-${s.key}`}>
          <h2 id={`goals-${s.key}`}><span aria-hidden="true">{s.icon} </span>{s.title}</h2>
          {s.goals.length === 0 && <p class="muted">{s.key === 'long' ? t('myPlan.noGoals') : t('myPlan.noWeekly')}</p>}
          {s.goals.map((view) =>
            editing === view.goal.id ? (
              <GoalForm key={view.goal.id} initial={view.goal} onSave={save} onCancel={() => setEditing(null)} />
            ) : (
              <StudentGoal key={view.goal.id} view={view} actions={actions} readOnly={readOnly} onEdit={() => setEditing(view.goal.id)} />
            ),
          )}
        </section>
      ))}
      <ProfileEditor actions={actions} items={data.items} readOnly={readOnly} />
    </section>
  );
}
