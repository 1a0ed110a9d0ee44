import { Notice } from '../components/Notice';
import type { PlanActions } from '../data/plan';
import { useStudentI18n as useI18n } from '../student-home/i18n';
import { GoalCard } from '../plan/GoalCard';
import type { GoalView } from '../plan/goal-view';

const STAGE_LINE = {
  proposed: { icon: '⏳', key: 'myPlan.waiting', ok: false },
  revised: { icon: '⏳', key: 'myPlan.waiting', ok: false },
  changed: { icon: '⏳', key: 'myPlan.changed', ok: false },
  claimed: { icon: '⏳', key: 'myPlan.claimed', ok: false },
  agreed: { icon: '🤝', key: 'myPlan.agreed', ok: true },
  achieved: { icon: '🎉', key: 'myPlan.achieved', ok: true },
} as const;

/**
 * One of the student's goals: the shared goal card (pace, progress with a note), what the teacher
 * said about it (agreed, or a suggested change), and "I did it!". Agreement comes only from the
 * coach document, which the student reads and never writes (src/core/rules/goal-status.ts).
 */
export function StudentGoal(props: { view: GoalView; actions: PlanActions; readOnly: boolean; onEdit(): void }) {
  const { t } = useI18n();
  const { goal, state } = props.view;
  const open = state.stage !== 'achieved' && state.stage !== 'claimed';
  const line = state.stage === 'suggested' || state.stage === 'dropped' ? null : STAGE_LINE[state.stage];
  return (
    <div class="stack student-goal">
      <GoalCard view={props.view} readOnly={props.readOnly || !open} onEdit={props.onEdit}
        onProgress={(value, note) => props.actions.recordProgress(goal.id, value, note)} />
      {state.suggestion ? (
        <Notice kind="info">
          <strong>{t('myPlan.suggested')}</strong>
          {state.suggestion.note && <> “{state.suggestion.note}”</>}
          <br />{t('myPlan.suggestedHint')}
        </Notice>
      ) : line ? (
        <p class={`student-goal__status${line.ok ? ' student-goal__status--ok' : ' muted'}`}><span aria-hidden="true">{line.icon} </span>{t(line.key)}</p>
      ) : null}
      {!props.readOnly && open && (
        <button type="button" class="button" onClick={() => props.actions.markAchieved(goal.id)}>
          <span aria-hidden="true">⭐ </span>{t('myPlan.markAchieved')}<span class="visually-hidden"> ({goal.title})</span>
        </button>
      )}
    </div>
  );
}
