import { useState } from 'preact/hooks';
import { setProfileSecret, type Unlocked } from '../../local/profile-lock';
import type { DeviceProfile } from '../../local/types';
import { Field } from '../components/Field';
import { useSession } from '../session/context';
import { useStudentI18n as useI18n } from '../student-home/i18n';
import { isTeacherSecret } from './pin';

/**
 * A teacher chooses the PIN or password that locks their profile on this device. Their relay token
 * is sealed with it at once. For the open profile the session does it (it holds the token and key).
 */
export function SecretForm(props: { profile: DeviceProfile; title: string; hint: string; headingLevel?: 1 | 2; onDone(unlocked: Unlocked): void }) {
  const { t } = useI18n();
  const session = useSession();
  const [secret, setSecret] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const Heading = props.headingLevel === 1 ? 'h1' : 'h2';
  const titleId = `secret-title-${props.profile.id}`;

  async function save(event: Event) {
    event.preventDefault();
    if (!isTeacherSecret(secret)) return setError(t('lock.tooShort'));
    if (secret !== again) return setError(t('lock.mismatch'));
    setBusy(true);
    try {
      if (session.profile?.id === props.profile.id) {
        await session.setSecret(secret, 'password');
        props.onDone({ key: null, token: null });
      } else {
        props.onDone(await setProfileSecret(props.profile.id, secret, null, 'password'));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card stack" aria-labelledby={titleId} onSubmit={(e) => void save(e)} noValidate>
      <Heading id={titleId}>{props.title}</Heading>
      <p>{props.hint}</p>
      <Field label={t('lock.new')}>
        {({ id }) => <input id={id} type="password" autocomplete="new-password" value={secret} onInput={(e) => { setSecret(e.currentTarget.value); setError(null); }} />}
      </Field>
      <Field label={t('lock.again')} error={error}>
        {({ id, describedBy, invalid }) => (
          <input id={id} type="password" autocomplete="new-password" aria-describedby={describedBy} aria-invalid={invalid} value={again}
            onInput={(e) => { setAgain(e.currentTarget.value); setError(null); }} />
        )}
      </Field>
      <button type="submit" class="button button--primary" disabled={busy}>{busy ? t('lock.working') : t('lock.save')}</button>
    </form>
  );
}

/** A teacher made on a device others already use locks their profile before it first opens. */
export function NewTeacherLock(props: { profile: DeviceProfile; onDone(unlocked: Unlocked): void }) {
  const { t } = useI18n();
  const name = props.profile.displayName;
  return <SecretForm profile={props.profile} headingLevel={1} title={t('lock.newTeacherTitle', { name })} hint={t('lock.newTeacherHint')} onDone={props.onDone} />;
}
