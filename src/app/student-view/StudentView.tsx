import { useState } from 'preact/hooks';
import { classDocument, coachDocument, localDay, planDocument, staffDocument } from '../../core';
import { ReasonList } from '../class-list/ReasonList';
import { Notice } from '../components/Notice';
import { teacherPlanActions } from '../data/coach';
import type { GoalFields } from '../data/plan';
import { planActions } from '../data/plan';
import { useTeacherI18n } from '../dashboard/i18n';
import { useYDoc } from '../hooks/useYDoc';
import { GoalCard } from '../plan/GoalCard';
import { GoalForm } from '../plan/GoalForm';
import { ProfileEditor } from '../plan/ProfileEditor';
import { href } from '../router';
import { useSession } from '../session/context';
import { Approvals } from './Approvals';
import { studentPage } from './student-page';
import { ProjectsSummary, ReflectionsSummary } from './PlanWork';
import { ProgressChart } from './ProgressChart';
import { Timeline } from './Timeline';
import './student-view.css';

/** The teacher's view of one student: what to answer, the plan with its history, and every check-in. */
export function StudentView({ studentId }: { studentId: string }) {
  const { t } = useTeacherI18n();
  const { classId } = useSession();
  const cls = useYDoc(classId ? { kind: 'class', classId } : null, (doc) => doc);
  const coach = useYDoc(classId ? { kind: 'coach', classId, studentId } : null, (doc) => coachDocument(doc));
  const plan = useYDoc(classId ? { kind: 'plan', classId, studentId } : null, (doc) => doc);
  const staff = useYDoc(classId ? { kind: 'staff', classId } : null, (doc) => staffDocument(doc).privateNotes.list().filter((n) => n.studentId === studentId));
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  if (!classId || !plan.data || !coach.data || !coach.local || !cls.data) return <p class="muted">{t('app.loading')}</p>;
  const p = planDocument(plan.data);
  const { goals, projects, waiting, attention } = studentPage(studentId, plan.data, coach.local.doc, cls.data, localDay());
  const name = classDocument(cls.data).students.get(studentId)?.displayName ?? '';
  const open = goals.filter((g) => g.pace !== 'achieved' && g.pace !== 'closed');
  const finished = goals.filter((g) => g.pace === 'achieved' || g.pace === 'closed');
  const teacherWrites = teacherPlanActions(plan.data, coach.local.doc);
  const actions = planActions(plan.data, 'teacher');

  function save(fields: GoalFields) {
    if (editing === 'new') teacherWrites.addGoal(fields);
    else if (editing) teacherWrites.editGoal(editing, fields, goals.find((g) => g.goal.id === editing)?.state.agreed ?? false);
    setEditing(null);
  }
  const goalBlock = (view: (typeof goals)[number]) =>
    editing === view.goal.id ? (
      <GoalForm key={view.goal.id} initial={view.goal} onSave={save} onCancel={() => setEditing(null)} />
    ) : (
      <div key={view.goal.id} class="sv-goal">
        <GoalCard view={view} readOnly={plan.readOnly} onEdit={() => setEditing(view.goal.id)}
          onProgress={(value, note) => actions.recordProgress(view.goal.id, value, note)} />
        <ProgressChart startDate={view.goal.startDate} targetDate={view.goal.targetDate} history={view.history} />
      </div>
    );

  return (
    <section class="stack student-view" aria-labelledby="plan-title">
      <div class="title-row">
        <h1 id="plan-title">{name}</h1>
        <div class="button-row">
          <a class="button button--primary" href={href({ name: 'checkin', studentId, checkinId: null })}>{t('plan.checkIn')}</a>
          <a class="button" href={`#/report/${encodeURIComponent(studentId)}`}>{t('sv.familyReport')}</a>
        </div>
      </div>
      {plan.readOnly && <Notice kind="warning">{t('app.readOnlyNewer')}</Notice>}
      {attention.needsCheckIn ? (
        <section class="card stack" aria-labelledby="needs-title">
          <h2 id="needs-title">{t('sv.needsToday')}</h2>
          <ReasonList reasons={attention.reasons} />
        </section>
      ) : attention.daysSinceCheckIn === 0 ? <p class="muted">{t('sv.seenToday')}</p> : null}
      <Approvals coach={coach.local.doc} items={waiting} readOnly={coach.readOnly} />
      <section class="stack" aria-labelledby="goals-title">
        <div class="title-row">
          <h2 id="goals-title">{t('plan.goals')} <span class="count">({open.length})</span></h2>
          {!plan.readOnly && editing === null && <button type="button" class="button" onClick={() => setEditing('new')}>{t('plan.addGoal')}</button>}
        </div>
        {editing === 'new' && <GoalForm onSave={save} onCancel={() => setEditing(null)} />}
        {goals.length === 0 && editing === null && <p class="muted">{t('plan.noGoals')}</p>}
        <div class="sv-goals">{open.map(goalBlock)}</div>
        {finished.length > 0 && (
          <details class="card">
            <summary>{t('sv.finishedGoals', { count: finished.length })}</summary>
            <div class="sv-goals">{finished.map(goalBlock)}</div>
          </details>
        )}
      </section>
      <ProjectsSummary studentId={studentId} projects={projects} milestones={p.milestones.list()} evidence={p.evidence.list()} />
      <ReflectionsSummary reflections={p.reflections.list()} />
      <ProfileEditor actions={actions} items={p.profileItems.list()} readOnly={plan.readOnly} />
      <Timeline checkins={coach.data.checkins.list()} steps={coach.data.nextSteps.list()} privateNotes={staff.data ?? []}
        goalTitles={new Map(goals.map((g) => [g.goal.id, g.goal.title]))} />
    </section>
  );
}
