import { useState } from 'preact/hooks';
import type * as Y from 'yjs';
import { coachDocument, type Decision } from '../../core';
import { Field } from '../components/Field';
import { useTeacherI18n } from '../dashboard/i18n';

export interface WaitingItem {
  id: string;
  kind: 'goal' | 'project';
  title: string;
  detail: string;
  suggestion: Decision | null;
}

/**
 * Goals and projects a student proposed, waiting for the teacher. The answer is a Decision in the
 * coach document (which only teachers write), so agreement cannot come from the student's side.
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
  const { t } = useTeacherI18n();
  const [suggesting, setSuggesting] = useState(false);
  const [note, setNote] = useState('');
  const decide = (decision: Decision['decision'], text: string) => {
    coachDocument(coach).decisions.add({ recordId: item.id, recordKind: item.kind, decision, note: text, at: Date.now() });
    setSuggesting(false);
    setNote('');
  };
  return (
    <li class="approval stack">
      <div>
        <p class="muted">{t(item.kind === 'goal' ? 'sv.proposedGoal' : 'sv.proposedProject')}</p>
        <h3>{item.title}</h3>
        {item.detail && <p>{item.detail}</p>}
        {item.suggestion && <p class="muted">{t('sv.suggestionSent', { note: item.suggestion.note || '—' })}</p>}
      </div>
      {!readOnly && !suggesting && (
        <div class="button-row">
          <button type="button" class="button button--primary" aria-label={t('sv.approveNamed', { title: item.title })} onClick={() => decide('agreed', '')}>{t('sv.approve')}</button>
          <button type="button" class="button" onClick={() => setSuggesting(true)}>{t('sv.suggest')}</button>
        </div>
      )}
      {suggesting && (
        <form class="stack" onSubmit={(e) => { e.preventDefault(); if (note.trim()) decide('suggested', note.trim()); }}>
          <Field label={t('sv.suggestionLabel')} hint={t('sv.suggestionWho')}>
            {({ id, describedBy }) => <textarea id={id} rows={2} aria-describedby={describedBy} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
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
