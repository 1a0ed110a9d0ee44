import type { PlanDocument } from '../../core';
import { Notice } from '../components/Notice';
import { useStudentI18n as useI18n } from '../student-home/i18n';
import { GoalCard } from '../plan/GoalCard';
import type { GoalView } from '../plan/goal-view';

/**
 * One of the student's goals: the shared goal card (pace, progress with a note), what the teacher
 * said about it (agreed, or a suggested change), and "I did it!". Agreement comes only from the
 * coach document, which the student reads and never writes.
 */
export function StudentGoal(props: { view: GoalView; plan: PlanDocument; readOnly: boolean; onEdit(): void }) {
  const { t } = useI18n();
  const { goal, state } = props.view;
  const open = state.status !== 'achieved';
  return (
    <div class="stack student-goal">
      <GoalCard view={props.view} readOnly={props.readOnly || !open} onEdit={props.onEdit}
        onProgress={(value, note) => props.plan.progress.add({ goalId: goal.id, value, note, at: Date.now(), by: 'student' })} />
      {state.suggestion ? (
        <Notice kind="info">
          <strong>{t('myPlan.suggested')}</strong>
          {state.suggestion.note && <> “{state.suggestion.note}”</>}
          <br />{t('myPlan.suggestedHint')}
        </Notice>
      ) : state.status === 'proposed' ? (
        <p class="muted student-goal__status"><span aria-hidden="true">⏳ </span>{t('myPlan.waiting')}</p>
      ) : state.status === 'agreed' ? (
        <p class="student-goal__status student-goal__status--ok"><span aria-hidden="true">🤝 </span>{t('myPlan.agreed')}</p>
      ) : state.status === 'achieved' ? (
        <p class="student-goal__status student-goal__status--ok"><span aria-hidden="true">🎉 </span>{t('myPlan.achieved')}</p>
      ) : null}
      {!props.readOnly && open && (
        <button type="button" class="button" onClick={() => props.plan.statusChanges.add({ recordId: goal.id, status: 'achieved', at: Date.now(), by: 'student' })}>
          <span aria-hidden="true">⭐ </span>{t('myPlan.markAchieved')}<span class="visually-hidden"> ({goal.title})</span>
        </button>
      )}
    </div>
  );
}
