import { useState } from 'preact/hooks';
import type * as Y from 'yjs';
import { LIMITS, type WaitingItem } from '../../core';
import { Field } from '../components/Field';
import { coachActions } from '../data/coach';
import { useTeacherI18n } from '../dashboard/i18n';

const HEADING = {
  proposed: 'sv.proposedGoal',
  revised: 'sv.revisedGoal',
  changed: 'sv.changedGoal',
  claimed: 'sv.claimedGoal',
} as const;

/**
 * "Waiting for your answer": goals and projects the student proposed, revised, changed since
 * agreed or says are achieved. The answer is a Decision in the coach document (which only
 * teachers write), so agreement cannot come from the student's side.
 */
export function Approvals({ coach, items, readOnly }: { coach: Y.Doc; items: WaitingItem[]; readOnly: boolean }) {
  const { t } = useTeacherI18n();
  if (items.length === 0) return null;
  return (
    <section class="card stack approvals" aria-labelledby="approvals-title">
      <h2 id="approvals-title">{t('sv.waiting')} <span class="count">({items.length})</span></h2>
      <ul class="approval-list">
        {items.map((item) => <ApprovalItem key={item.id} coach={coach} item={item} readOnly={readOnly} />)}
      </ul>
    </section>
  );
}

function ApprovalItem({ coach, item, readOnly }: { coach: Y.Doc; item: WaitingItem; readOnly: boolean }) {
  const { t, formatDate } = useTeacherI18n();
  const [suggesting, setSuggesting] = useState(false);
  const [note, setNote] = useState('');
  const answers = coachActions(coach);
  const claimed = item.stage === 'claimed';
  const heading = item.kind === 'project' ? 'sv.proposedProject' : HEADING[item.stage as keyof typeof HEADING] ?? 'sv.proposedGoal';
  const approve = () => {
    if (item.kind === 'project') answers.approveProject(item.id);
    else if (claimed) answers.confirmAchieved(item.id);
    else answers.approveGoal({ id: item.id, title: item.title, targetDate: item.targetDate ?? '' });
  };
  const send = () => {
    answers.suggest(item.kind, item.id, note.trim());
    setSuggesting(false);
    setNote('');
  };
  const approveLabel = claimed ? t('sv.confirmAchieved') : item.stage === 'changed' ? t('sv.agreeChange') : t('sv.approve');
  const approveNamed = claimed ? t('sv.confirmNamed', { title: item.title }) : t('sv.approveNamed', { title: item.title });
  return (
    <li class="approval stack">
      <div>
        <p class="muted">{t(heading)}</p>
        <h3>{item.title}</h3>
        {item.detail && <p>{item.detail}</p>}
        {item.agreed && <p class="muted">{t('sv.changedFrom', { title: item.agreed.title ?? item.title, date: item.agreed.targetDate ? formatDate(item.agreed.targetDate) : '—' })}</p>}
      </div>
      {!readOnly && !suggesting && (
        <div class="button-row">
          <button type="button" class="button button--primary" aria-label={approveNamed} onClick={approve}>{approveLabel}</button>
          <button type="button" class="button" onClick={() => setSuggesting(true)}>{claimed ? t('sv.notYet') : t('sv.suggest')}</button>
        </div>
      )}
      {suggesting && (
        <form class="stack" onSubmit={(e) => { e.preventDefault(); if (note.trim()) send(); }}>
          <Field label={t('sv.suggestionLabel')} hint={t('sv.suggestionWho')} limit={[note, LIMITS.note]}>
            {({ id, describedBy, maxLength }) => <textarea id={id} rows={2} aria-describedby={describedBy} maxLength={maxLength} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
          </Field>
          <div class="button-row">
            <button type="submit" class="button button--primary" disabled={!note.trim()}>{t('sv.sendSuggestion')}</button>
            <button type="button" class="button" onClick={() => setSuggesting(false)}>{t('goal.cancel')}</button>
          </div>
        </form>
      )}
    </li>
  );
}
