import { useEffect, useRef, useState } from 'preact/hooks';
import type { Unlocked } from '../../local/profile-lock';
import type { DeviceProfile } from '../../local/types';
import { useStudentI18n as useI18n } from '../student-home/i18n';
import { ProfileFace } from './pictures';
import { useUnlock } from './use-unlock';

/** A student's lock: their 4-digit secret number, typed or tapped. Wrong tries slow it down (see profile-lock.ts). */
export function PinPad(props: { profile: DeviceProfile; onOpen(unlocked: Unlocked): void; onBack(): void }) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const lock = useUnlock(props.profile.id, props.onOpen);
  const input = useRef<HTMLInputElement>(null);
  const waiting = lock.waitSeconds > 0;
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    if (!waiting) input.current?.focus();
  }, [waiting]);

  const enter = (value: string) => {
    const next = value.replace(/\D/g, '').slice(0, 4);
    setPin(next);
    if (next.length === 4) void lock.attempt(next).then(() => setPin(''));
  };

  return (
    <section class="stack pin-pad" aria-labelledby="pin-title">
      <p class="pin-pad__who"><ProfileFace picture={props.profile.picture} displayName={props.profile.displayName} size={44} /> {props.profile.displayName}</p>
      <h1 id="pin-title">{t('pin.enter')}</h1>
      <form onSubmit={(e) => { e.preventDefault(); enter(pin); }} class="stack">
        <label class="visually-hidden" for="pin-input">{t('pin.enter')}</label>
        <input id="pin-input" ref={input} class="pin-pad__input" type="password" inputMode="numeric" autocomplete="off" maxLength={4} pattern="\d{4}"
          value={pin} disabled={waiting} onInput={(e) => enter(e.currentTarget.value)} />
        <div class="pin-pad__dots" aria-hidden="true">{[0, 1, 2, 3].map((i) => <span key={i} class={i < pin.length ? 'on' : ''} />)}</div>
        {lock.wrong && <p class="field__error" role="alert">{t('pin.wrong')}</p>}
        {waiting && <p role="status" class="pin-pad__wait">{t('pin.wait', { seconds: lock.waitSeconds })}</p>}
        <div class="pin-pad__keys">
          {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => <button key={d} type="button" class="pin-key" disabled={waiting} onClick={() => enter(pin + d)}>{d}</button>)}
          <button type="button" class="pin-key pin-key--small" onClick={() => setPin(pin.slice(0, -1))} aria-label={t('pin.erase')}><EraseIcon /></button>
          <button type="button" class="pin-key" disabled={waiting} onClick={() => enter(pin + '0')}>0</button>
          <button type="button" class="pin-key pin-key--small" onClick={props.onBack}>{t('pin.back')}</button>
        </div>
      </form>
    </section>
  );
}

/** An erase-left key drawn inline (the ⌫ character is missing from many fonts). */
function EraseIcon() {
  return (
    <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
      <path fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" d="M9 5h11v14H9l-6-7zm3 4 6 6m0-6-6 6" />
    </svg>
  );
}
