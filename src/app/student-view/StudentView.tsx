import { useState } from 'preact/hooks';
import { classDocument, coachDocument, localDay, planDocument, staffDocument } from '../../core';
import { Notice } from '../components/Notice';
import { useTeacherI18n } from '../dashboard/i18n';
import { useYDoc } from '../hooks/useYDoc';
import { GoalCard } from '../plan/GoalCard';
import { GoalForm, type GoalFields } from '../plan/GoalForm';
import { goalViews } from '../plan/goal-view';
import { ProfileEditor } from '../plan/ProfileEditor';
import { projectViews } from '../projects/project-state';
import { href } from '../router';
import { useSession } from '../session/context';
import { Approvals, type WaitingItem } from './Approvals';
import { ProjectsSummary, ReflectionsSummary } from './PlanWork';
import { ProgressChart } from './ProgressChart';
import { Timeline } from './Timeline';
import './student-view.css';

/** The teacher's view of one student: what to answer, the plan with its history, and every check-in. */
export function StudentView({ studentId }: { studentId: string }) {
  const { t } = useTeacherI18n();
  const { classId } = useSession();
  const student = useYDoc(classId ? { kind: 'class', classId } : null, (doc) => classDocument(doc).students.get(studentId));
  const coach = useYDoc(classId ? { kind: 'coach', classId, studentId } : null, (doc) => coachDocument(doc));
  const plan = useYDoc(classId ? { kind: 'plan', classId, studentId } : null, (doc) => doc);
  const staff = useYDoc(classId ? { kind: 'staff', classId } : null, (doc) => staffDocument(doc).privateNotes.list().filter((n) => n.studentId === studentId));
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  if (!classId || !plan.data || !coach.data || !coach.local) return <p class="muted">{t('app.loading')}</p>;
  const p = planDocument(plan.data);
  const goals = goalViews(plan.data, coach.local.doc, localDay());
  const projects = projectViews(plan.data, coach.local.doc);
  const name = student.data?.displayName ?? '';
  const waiting: WaitingItem[] = [
    ...goals
      .filter((g) => g.state.status === 'proposed' || g.state.status === 'revised')
      .map((g) => ({ id: g.goal.id, kind: 'goal' as const, title: g.goal.title, detail: g.goal.why, suggestion: g.state.suggestion })),
    ...projects
      .filter((v) => v.status === 'proposed')
      .map((v) => ({ id: v.project.id, kind: 'project' as const, title: v.project.title, detail: v.project.question, suggestion: v.suggestion })),
  ];
  const open = goals.filter((g) => g.pace !== 'achieved' && g.pace !== 'closed');
  const finished = goals.filter((g) => g.pace === 'achieved' || g.pace === 'closed');

  function save(fields: GoalFields) {
    if (editing === 'new') p.goals.add({ ...fields, proposedBy: 'teacher', createdAt: Date.now() });
    else if (editing) p.goals.update(editing, fields);
    setEditing(null);
  }
  const goalBlock = (view: (typeof goals)[number]) =>
    editing === view.goal.id ? (
      <GoalForm key={view.goal.id} initial={view.goal} onSave={save} onCancel={() => setEditing(null)} />
    ) : (
      <div key={view.goal.id} class="sv-goal">
        <GoalCard view={view} readOnly={plan.readOnly} onEdit={() => setEditing(view.goal.id)}
          onProgress={(value, note) => p.progress.add({ goalId: view.goal.id, value, note, at: Date.now(), by: 'teacher' })} />
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
      <ProfileEditor doc={plan.data} items={p.profileItems.list()} readOnly={plan.readOnly} />
      <Timeline checkins={coach.data.checkins.list()} steps={coach.data.nextSteps.list()} privateNotes={staff.data ?? []}
        goalTitles={new Map(goals.map((g) => [g.goal.id, g.goal.title]))} />
    </section>
  );
}
