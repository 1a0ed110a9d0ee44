import { useEffect, useRef, useState } from 'preact/hooks';
import type { Unlocked } from '../../local/profile-lock';
import type { DeviceProfile } from '../../local/types';
import { useStudentI18n as useI18n } from '../student-home/i18n';
import { ProfileFace } from './pictures';
import { useUnlock } from './use-unlock';

/** A teacher's lock: their PIN or password. Wrong tries slow it down like a student's. */
export function PasswordPad(props: { profile: DeviceProfile; onOpen(unlocked: Unlocked): void; onBack(): void }) {
  const { t } = useI18n();
  const [secret, setSecret] = useState('');
  const lock = useUnlock(props.profile.id, props.onOpen);
  const input = useRef<HTMLInputElement>(null);
  const waiting = lock.waitSeconds > 0;
  useEffect(() => {
    if (!waiting) input.current?.focus();
  }, [waiting]);

  return (
    <section class="stack pin-pad" aria-labelledby="lock-title">
      <p class="pin-pad__who"><ProfileFace picture={props.profile.picture} displayName={props.profile.displayName} size={44} /> {props.profile.displayName}</p>
      <h1 id="lock-title">{t('lock.enterTeacher')}</h1>
      <form class="stack" onSubmit={(e) => { e.preventDefault(); if (secret) void lock.attempt(secret).then(() => setSecret('')); }}>
        <label for="lock-input">{t('lock.secret')}</label>
        <input id="lock-input" ref={input} type="password" autocomplete="current-password" value={secret} disabled={waiting}
          onInput={(e) => setSecret(e.currentTarget.value)} />
        {lock.wrong && <p class="field__error" role="alert">{t('lock.wrong')}</p>}
        {waiting && <p role="status" class="pin-pad__wait">{t('pin.wait', { seconds: lock.waitSeconds })}</p>}
        <div class="button-row">
          <button type="submit" class="button button--primary" disabled={waiting || lock.busy}>{t('lock.open')}</button>
          <button type="button" class="button" onClick={props.onBack}>{t('pin.back')}</button>
        </div>
      </form>
    </section>
  );
}
