import { useEffect, useState } from 'preact/hooks';
import { CHECKIN_KINDS, LIMITS, classDocument, coachDocument, localDay, type CheckInKind } from '../../core';
import { planActions } from '../data/plan';
import { Field } from '../components/Field';
import { useYDoc } from '../hooks/useYDoc';
import { goalViews } from '../plan/goal-view';
import { href, navigate } from '../router';
import { useSession } from '../session/context';
import { ensureCheckIn, privateNoteFor, updateCheckIn, writePrivateNote } from '../data/checkin';
import { GoalNotes } from './GoalNotes';
import { NextSteps } from './NextSteps';
import { LockIcon } from '../components/LockIcon';
import { useTeacherI18n } from '../dashboard/i18n';
import './checkin.css';

/** True from the first frame after `ready`: work that can wait until the screen is drawn. */
function useAfterFirstDraw(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!ready || after) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => (timer = window.setTimeout(() => setAfter(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, after]);
  return after;
}

/** One-to-one check-in: every keystroke is stored at once, on this device, with no save button to forget. */
export function CheckInForm({ studentId, checkinId }: { studentId: string; checkinId: string | null }) {
  const { t, formatDate } = useTeacherI18n();
  const { classId, profile } = useSession();
  const [id, setId] = useState<string | null>(checkinId);
  const student = useYDoc(classId ? { kind: 'class', classId } : null, (doc) => classDocument(doc).students.get(studentId));
  const coach = useYDoc(classId ? { kind: 'coach', classId, studentId } : null, (doc) => doc);
  // The notes need only the check-in document; the student's plan (a year of goals) and the class's
  // private notes open a frame after the form is on screen, so the first keystroke never waits on them.
  const later = useAfterFirstDraw(Boolean(coach.data));
  const plan = useYDoc(classId && later ? { kind: 'plan', classId, studentId } : null, (doc) => goalViews(doc, coach.local?.doc ?? null, localDay()));
  const staff = useYDoc(classId && later ? { kind: 'staff', classId } : null, (doc) => (id ? privateNoteFor(doc, id)?.text ?? '' : ''));
  if (!classId || !coach.local || !coach.data) return <p>{t('app.loading')}</p>;
  const coachDoc = coach.local.doc;
  const staffDoc = staff.data !== null ? (staff.local?.doc ?? null) : null;
  const planDoc = plan.data ? (plan.local?.doc ?? null) : null;
  const c = coachDocument(coachDoc);
  const record = id ? c.checkins.get(id) : null;
  const readOnly = coach.readOnly || staff.readOnly;

  /** Creates the check-in on first input and puts its id in the address, so a reload continues it. */
  function current(): string {
    if (id) return id;
    const created = ensureCheckIn(coachDoc, null, profile?.displayName ?? '');
    setId(created);
    history.replaceState(null, '', href({ name: 'checkin', studentId, checkinId: created }));
    return created;
  }
  const previous = c.checkins.list().filter((x) => x.id !== id).sort((a, b) => b.date.localeCompare(a.date) || b.at - a.at)[0] ?? null;
  const name = student.data?.displayName ?? '';

  return (
    <section class="stack" aria-labelledby="checkin-title">
      <div class="checkin-head">
        <h1 id="checkin-title">{t('checkin.title', { name })}</h1>
        <p class="muted">{t('checkin.autosave')} <a href={href({ name: 'student', studentId })}>{t('ci.openStudent', { name })}</a></p>
      </div>
      {previous?.sharedNote && (
        <p class="card muted"><strong>{t('ci.lastShared')} ({formatDate(previous.date)}):</strong> {previous.sharedNote}</p>
      )}
      <div class="card stack">
        <div class="two-col">
          <Field label={t('checkin.date')}>
            {({ id: fid }) => <input id={fid} type="date" disabled={readOnly} value={record?.date ?? localDay()} onInput={(e) => e.currentTarget.value && updateCheckIn(coachDoc, current(), { date: e.currentTarget.value })} />}
          </Field>
          <Field label={t('checkin.kind')}>
            {({ id: fid }) => (
              <select id={fid} disabled={readOnly} value={record?.kind ?? 'one-to-one'} onChange={(e) => updateCheckIn(coachDoc, current(), { kind: e.currentTarget.value as CheckInKind })}>
                {CHECKIN_KINDS.map((k) => <option key={k} value={k}>{t(`checkin.kind.${k}`)}</option>)}
              </select>
            )}
          </Field>
        </div>
        <fieldset class="engagement">
          <legend>{t('checkin.engagement')}</legend>
          {([1, 2, 3, 4] as const).map((level) => (
            <label key={level} class="engagement__option">
              <input type="radio" name="engagement" disabled={readOnly} checked={record?.engagement === level} onChange={() => updateCheckIn(coachDoc, current(), { engagement: level })} />
              <span class="engagement__level" aria-hidden="true">{level}</span>
              <span>{t(`checkin.engagement.${level}`)}</span>
            </label>
          ))}
        </fieldset>
      </div>
      {plan.data && planDoc ? (
        <GoalNotes goals={plan.data} notes={record?.goalNotes ?? {}} readOnly={readOnly}
          onNote={(goalId, text) => { const cid = current(); updateCheckIn(coachDoc, cid, { goalNotes: { ...(c.checkins.get(cid)?.goalNotes ?? {}), [goalId]: text } }); }}
          onProgress={(goalId, value) => { current(); planActions(planDoc, 'teacher').recordProgress(goalId, value); }} />
      ) : (
        <p class="card muted" aria-busy="true">{t('app.loading')}</p>
      )}
      <NextSteps coach={coachDoc} checkinId={id} previousId={previous?.id ?? null} readOnly={readOnly} ensure={current} />
      <div class="card stack note-shared">
        <Field label={t('checkin.sharedNote')} hint={t('checkin.sharedNoteWho')} limit={[record?.sharedNote ?? '', LIMITS.note]}>
          {({ id: fid, describedBy, maxLength }) => <textarea id={fid} rows={4} disabled={readOnly} aria-describedby={describedBy} maxLength={maxLength} value={record?.sharedNote ?? ''} onInput={(e) => updateCheckIn(coachDoc, current(), { sharedNote: e.currentTarget.value })} />}
        </Field>
      </div>
      <div class="card stack note-private">
        <Field label={t('checkin.privateNote')} icon={<LockIcon />} hint={t('checkin.privateNoteWho')} limit={[staff.data ?? '', LIMITS.note]}>
          {({ id: fid, describedBy, maxLength }) => <textarea id={fid} rows={3} disabled={readOnly || !staffDoc} aria-busy={!staffDoc} aria-describedby={describedBy} maxLength={maxLength} value={staff.data ?? ''} onInput={(e) => staffDoc && writePrivateNote(staffDoc, current(), studentId, e.currentTarget.value)} />}
        </Field>
      </div>
      <div class="card stack">
        <Field label={t('checkin.followUp')}>
          {({ id: fid }) => <input id={fid} type="date" disabled={readOnly} value={record?.followUp ?? ''} onInput={(e) => updateCheckIn(coachDoc, current(), { followUp: e.currentTarget.value || null })} />}
        </Field>
      </div>
      <button type="button" class="button button--primary" onClick={() => navigate({ name: 'class' })}>{t('checkin.done')}</button>
    </section>
  );
}
