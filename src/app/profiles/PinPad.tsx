import { useEffect, useRef, useState } from 'preact/hooks';
import type { DeviceProfile } from '../../local/types';
import { useStudentI18n as useI18n } from '../student-home/i18n';
import { checkPin } from './pin';
import { pictureOf } from './pictures';

/** After this many wrong tries in a row, the pad waits before the next one (slows guessing on a shared device). */
const FREE_TRIES = 3;
const wrongTries = new Map<string, number>();

export function PinPad(props: { profile: DeviceProfile; onOpen(): void; onBack(): void }) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(Date.now());
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    if (waitUntil <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [waitUntil, now]);
  const waiting = Math.max(0, Math.ceil((waitUntil - now) / 1000));

  async function submit(value: string) {
    if (waiting > 0 || value.length !== 4 || !props.profile.pinHash) return;
    if (await checkPin(value, props.profile.pinHash)) {
      wrongTries.delete(props.profile.id);
      return props.onOpen();
    }
    const tries = (wrongTries.get(props.profile.id) ?? 0) + 1;
    wrongTries.set(props.profile.id, tries);
    setPin('');
    setError(t('pin.wrong'));
    if (tries >= FREE_TRIES) {
      setWaitUntil(Date.now() + 10_000 * (tries - FREE_TRIES + 1));
      setNow(Date.now());
    }
  }

  const press = (digit: string) => {
    const next = (pin + digit).slice(0, 4);
    setPin(next);
    setError(null);
    if (next.length === 4) void submit(next);
  };

  return (
    <section class="stack pin-pad" aria-labelledby="pin-title">
      <p class="pin-pad__who"><span aria-hidden="true" class="picker__picture">{pictureOf(props.profile.picture) ?? '🙂'}</span> {props.profile.displayName}</p>
      <h1 id="pin-title">{t('pin.enter')}</h1>
      <form onSubmit={(e) => { e.preventDefault(); void submit(pin); }} class="stack">
        <label class="visually-hidden" for="pin-input">{t('pin.enter')}</label>
        <input id="pin-input" ref={input} class="pin-pad__input" type="password" inputMode="numeric" autocomplete="off" maxLength={4} pattern="\d{4}"
          value={pin} disabled={waiting > 0}
          onInput={(e) => { const v = e.currentTarget.value.replace(/\D/g, '').slice(0, 4); setPin(v); setError(null); if (v.length === 4) void submit(v); }} />
        <div class="pin-pad__dots" aria-hidden="true">{[0, 1, 2, 3].map((i) => <span key={i} class={i < pin.length ? 'on' : ''} />)}</div>
        {error && <p class="field__error" role="alert">{error}</p>}
        {waiting > 0 && <p role="status">{t('pin.wait', { seconds: waiting })}</p>}
        <div class="pin-pad__keys">
          {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => <button key={d} type="button" class="pin-key" disabled={waiting > 0} onClick={() => press(d)}>{d}</button>)}
          <button type="button" class="pin-key pin-key--small" onClick={() => { setPin(pin.slice(0, -1)); }} aria-label={t('pin.erase')}>⌫</button>
          <button type="button" class="pin-key" disabled={waiting > 0} onClick={() => press('0')}>0</button>
          <button type="button" class="pin-key pin-key--small" onClick={props.onBack}>{t('pin.back')}</button>
        </div>
      </form>
    </section>
  );
}
