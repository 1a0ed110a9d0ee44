import { useState } from 'preact/hooks';
import { classDocument, localDay, planDocument } from '../../core';
import { Notice } from '../components/Notice';
import { useYDoc } from '../hooks/useYDoc';
import { useI18n } from '../i18n';
import { href } from '../router';
import { useSession } from '../session/context';
import { GoalCard } from './GoalCard';
import { GoalForm, type GoalFields } from './GoalForm';
import { goalViews } from './goal-view';
import { ProfileEditor } from './ProfileEditor';

export function StudentPlan({ studentId }: { studentId: string }) {
  const { t } = useI18n();
  const { classId, profile } = useSession();
  const cls = useYDoc(classId ? { kind: 'class', classId } : null, (doc) => classDocument(doc).students.get(studentId));
  const coach = useYDoc(classId ? { kind: 'coach', classId, studentId } : null, (doc) => doc);
  const plan = useYDoc(classId ? { kind: 'plan', classId, studentId } : null, (doc) => ({
    items: planDocument(doc).profileItems.list(),
    goals: goalViews(doc, coach.data, localDay()),
  }));
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  if (!classId || !plan.data || !plan.local) return <p>{t('app.loading')}</p>;
  const doc = planDocument(plan.local.doc);
  const by = profile?.role === 'student' ? 'student' : 'teacher';
  const name = cls.data?.displayName ?? '';

  function save(fields: GoalFields) {
    if (editing === 'new') doc.goals.add({ ...fields, proposedBy: by, createdAt: Date.now() });
    else if (editing) doc.goals.update(editing, fields);
    setEditing(null);
  }

  return (
    <section class="stack" aria-labelledby="plan-title">
      <div class="title-row">
        <h1 id="plan-title">{t('plan.title', { name })}</h1>
        {profile?.role === 'teacher' && (
          <a class="button button--primary" href={href({ name: 'checkin', studentId, checkinId: null })}>{t('plan.checkIn')}</a>
        )}
      </div>
      {plan.readOnly && <Notice kind="warning">{t('app.readOnlyNewer')}</Notice>}
      <ProfileEditor doc={plan.local.doc} items={plan.data.items} readOnly={plan.readOnly} />
      <section class="stack" aria-labelledby="goals-title">
        <div class="title-row">
          <h2 id="goals-title">{t('plan.goals')}</h2>
          {!plan.readOnly && editing === null && (
            <button type="button" class="button" onClick={() => setEditing('new')}>{t('plan.addGoal')}</button>
          )}
        </div>
        {editing === 'new' && <GoalForm onSave={save} onCancel={() => setEditing(null)} />}
        {plan.data.goals.length === 0 && editing === null && <p class="muted">{t('plan.noGoals')}</p>}
        {plan.data.goals.map((view) =>
          editing === view.goal.id ? (
            <GoalForm key={view.goal.id} initial={view.goal} onSave={save} onCancel={() => setEditing(null)} />
          ) : (
            <GoalCard key={view.goal.id} view={view} readOnly={plan.readOnly} onEdit={() => setEditing(view.goal.id)}
              onProgress={(value, note) => doc.progress.add({ goalId: view.goal.id, value, note, at: Date.now(), by })} />
          ),
        )}
      </section>
    </section>
  );
}
