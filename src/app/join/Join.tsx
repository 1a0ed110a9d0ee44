import { useEffect, useRef, useState } from 'preact/hooks';
import { createProfile, requestPersistence } from '../../local';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { useI18n, type TextKey } from '../i18n';
import { navigate } from '../router';
import { useSession } from '../session/context';
import { deviceId } from '../session/device-id';
import { useScreenText } from '../connect/screen-text';
import { joinClass, lookUpClass, relayOrigin, type ClassLookup } from '../connect/relay-calls';
import { TeacherLockGate } from '../profiles/TeacherLockGate';

const KNOWN_ERRORS = ['unreachable', 'unknown-code', 'too-many-attempts'];
/** Refusals about claiming a name, worded in the screen's own catalog. */
const CLAIM_ERRORS = ['join-declined', 'device-revoked', 'too-many-requests'] as const;
/** Typed codes: 8 characters (6 for classes connected before codes grew); QR links carry a 20-character key. */
const CODE_LENGTHS = [6, 8, 20];
/** How often a device waiting for its teacher asks again. */
const WAIT_POLL_MS = 5_000;

/** A student joins their class with the code (or the QR link), then picks their name from the roster. */
export function Join({ code: initialCode }: { code: string }) {
  const { t, language } = useI18n();
  const d = useScreenText();
  const session = useSession();
  const [code, setCode] = useState(initialCode.toUpperCase());
  const [found, setFound] = useState<ClassLookup | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [waitingFor, setWaitingFor] = useState<{ id: string; name: string } | null>(null);
  const poll = useRef<number | null>(null);
  useEffect(() => () => {
    if (poll.current !== null) clearTimeout(poll.current);
  }, []);

  const explain = (e: { code: string; message: string }) =>
    setError(
      (CLAIM_ERRORS as readonly string[]).includes(e.code) ? d(`join.error.${e.code as (typeof CLAIM_ERRORS)[number]}`)
      : KNOWN_ERRORS.includes(e.code) ? t(`join.error.${e.code}` as TextKey)
      : t('join.error.other', { message: e.message }),
    );

  async function look(event?: Event) {
    event?.preventDefault();
    const clean = code.replace(/[^0-9a-z]/gi, '').toUpperCase();
    if (!CODE_LENGTHS.includes(clean.length)) return setError(t('join.codeRequired'));
    setBusy(true);
    setError(null);
    const result = await lookUpClass(relayOrigin(), clean, deviceId());
    setBusy(false);
    if ('error' in result) explain(result.error);
    else setFound(result);
  }

  useEffect(() => {
    if (initialCode) void look();
  }, []);

  async function pick(studentId: string, displayName: string) {
    if (!found) return;
    if (poll.current !== null) clearTimeout(poll.current);
    setBusy(true);
    setError(null);
    const joined = await joinClass(relayOrigin(), found.code, studentId, deviceId());
    if ('error' in joined) {
      setBusy(false);
      setWaitingFor(null);
      return explain(joined.error);
    }
    // This name already has a device: the teacher approves this one first. Ask again until then.
    if ('waiting' in joined) {
      setWaitingFor({ id: studentId, name: displayName });
      poll.current = window.setTimeout(() => void pick(studentId, displayName), WAIT_POLL_MS);
      return;
    }
    setWaitingFor(null);
    const profile = await createProfile({
      role: 'student', displayName, language, classIds: [joined.classId], studentId, relayUrl: relayOrigin(), token: joined.token,
    });
    // Joining is the moment to ask the browser to keep this student's work (it needs a user action).
    void requestPersistence();
    await session.open(profile.id);
    navigate({ name: 'home' });
  }

  return (
    <section class="stack" aria-labelledby="join-title">
      <h1 id="join-title">{t('join.title')}</h1>
      {/* A teacher already on this device locks their profile before a student joins here. */}
      <TeacherLockGate>
      {error && <Notice kind="error">{error}</Notice>}
      {!found && (
        <form class="card stack" onSubmit={(e) => void look(e)} noValidate>
          <Field label={t('join.code')} hint={t('join.codeHint')}>
            {({ id, describedBy }) => (
              <input id={id} aria-describedby={describedBy} value={code} autocomplete="off" autocapitalize="characters" spellcheck={false}
                maxLength={24} class="code-input" onInput={(e) => setCode(e.currentTarget.value.toUpperCase())} />
            )}
          </Field>
          <button type="submit" class="button button--primary" disabled={busy}>{busy ? t('join.working') : t('join.next')}</button>
        </form>
      )}
      {found && waitingFor && (
        <div class="card stack" role="status">
          <h2>{d('join.waitingTitle')}</h2>
          <p>{d('join.waiting', { name: waitingFor.name })}</p>
          <button type="button" class="button" onClick={() => {
            if (poll.current !== null) clearTimeout(poll.current);
            setWaitingFor(null);
            setBusy(false);
          }}>{d('join.notMe')}</button>
        </div>
      )}
      {found && !waitingFor && (
        <div class="card stack">
          <p class="muted">{t('join.inClass', { name: found.className })}</p>
          <h2>{t('join.whoAreYou')}</h2>
          <ul class="name-grid">
            {found.students.map((s) => (
              <li key={s.id}>
                <button type="button" class="button button--block" disabled={busy} onClick={() => void pick(s.id, s.displayName)}>
                  {t('join.its', { name: s.displayName })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      </TeacherLockGate>
    </section>
  );
}
