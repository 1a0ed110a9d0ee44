import { useEffect, useState } from 'preact/hooks';
import { classDocument } from '../../core';
import { updateProfile } from '../../local';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { useYDoc } from '../hooks/useYDoc';
import { useI18n, type TextKey } from '../i18n';
import { useSession } from '../session/context';
import { deviceId } from '../session/device-id';
import { connectClass, fetchJoinCode, relayOrigin, signIn, type CallError } from './relay-calls';
import type { JoinCodeInfo as JoinCode } from '../../sync/relay-api';
import { ClassDevices } from './ClassDevices';
import { useScreenText } from './screen-text';
import { Staff } from './Staff';
import './connect.css';

const KNOWN_ERRORS = ['unreachable', 'wrong-password', 'email-taken', 'too-many-attempts'];

/** A teacher connects the class made on this device to the school's relay, then shows the join code. */
export function Connect() {
  const { t } = useI18n();
  const d = useScreenText();
  const { profile, classId, refreshProfile, saveToken } = useSession();
  const { data: className } = useYDoc(classId ? { kind: 'class', classId } : null, (doc) => classDocument(doc).settings.read().name);
  const [mode, setMode] = useState<'signup' | 'signin'>('signup');
  const [fields, setFields] = useState({ name: profile?.displayName ?? '', email: '', password: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<JoinCode | null>(null);
  const connected = Boolean(profile?.token && profile.relayUrl);

  const explain = (e: CallError) =>
    setError(
      e.code === 'weak-password' ? d('connect.error.weak-password', { message: e.message })
      : e.code === 'busy' ? d('connect.error.busy')
      : KNOWN_ERRORS.includes(e.code) ? t(`connect.error.${e.code}` as TextKey)
      : t('connect.error.other', { message: e.message }),
    );

  useEffect(() => {
    if (!connected || !profile?.token || !classId) return;
    void fetchJoinCode(relayOrigin(), profile.token, classId).then((r) => ('error' in r ? explain(r.error) : setCode(r)));
  }, [connected, classId]);

  async function submit(event: Event) {
    event.preventDefault();
    if (!profile) return;
    setBusy(true);
    setError(null);
    const signed = await signIn(relayOrigin(), mode, { ...fields, deviceId: deviceId() });
    if ('error' in signed) {
      setBusy(false);
      return explain(signed.error);
    }
    // A class made offline on this device: the relay learns its id, then sync uploads it.
    for (const id of profile.classIds) {
      const name = id === classId ? className ?? '' : '';
      const result = await connectClass(relayOrigin(), signed.token, id, name || 'Class');
      if ('error' in result) {
        setBusy(false);
        return explain(result.error);
      }
    }
    // Classes this teacher already has on the relay (a new or replaced device) come down by sync.
    const classIds = [...new Set([...profile.classIds, ...signed.classes.map((c) => c.classId)])];
    await updateProfile(profile.id, { relayUrl: relayOrigin(), classIds });
    // Sealed on disk when this profile has a lock.
    await saveToken(signed.token);
    await refreshProfile();
    setBusy(false);
  }

  const set = (key: keyof typeof fields) => (e: Event) => setFields((f) => ({ ...f, [key]: (e.currentTarget as HTMLInputElement).value }));

  return (
    <section class="stack" aria-labelledby="connect-title">
      <h1 id="connect-title">{t('connect.title')}</h1>
      {error && <Notice kind="error">{error}</Notice>}
      {connected ? (
        <div class="card stack">
          <p>{t('connect.connected', { name: profile?.displayName ?? '' })} · <span class="muted">{profile?.relayUrl}</span></p>
          {code && (
            <div class="join-code stack">
              <h2>{t('connect.codeTitle')}</h2>
              <p class="join-code__code" aria-label={code.code.split('').join(' ')}>{code.code}</p>
              <p class="muted">{t('connect.codeHelp')}</p>
              {/* The SVG is made by our own relay with the qrcode library from the join URL alone. */}
              <div class="join-code__qr" role="img" aria-label={t('connect.qrAlt', { name: className ?? '' })} dangerouslySetInnerHTML={{ __html: code.qrSvg }} />
              <p class="muted join-code__url">{code.joinUrl}</p>
            </div>
          )}
          {code?.trustUrl && code.trustQrSvg && (
            <div class="join-code stack">
              <h2>{t('connect.trustTitle')}</h2>
              <p class="muted">{t('connect.trustHelp')}</p>
              {/* Made by our own relay with the qrcode library from its /trust address alone. */}
              <div class="join-code__qr" role="img" aria-label={t('connect.trustQrAlt')} dangerouslySetInnerHTML={{ __html: code.trustQrSvg }} />
              <p class="muted join-code__url">{code.trustUrl}</p>
            </div>
          )}
        </div>
      ) : null}
      {connected && profile?.token && classId ? <ClassDevices token={profile.token} classId={classId} /> : null}
      {connected && profile?.token && classId ? <Staff token={profile.token} classId={classId} /> : null}
      {connected ? null : (
        <form class="card stack" onSubmit={(e) => void submit(e)} noValidate>
          <p>{t('connect.intro')}</p>
          <fieldset class="segmented">
            <legend class="visually-hidden">{t('connect.title')}</legend>
            <label><input type="radio" name="mode" checked={mode === 'signup'} onChange={() => setMode('signup')} />{t('connect.newAccount')}</label>
            <label><input type="radio" name="mode" checked={mode === 'signin'} onChange={() => setMode('signin')} />{t('connect.haveAccount')}</label>
          </fieldset>
          {mode === 'signup' && (
            <Field label={t('connect.name')} limit={[fields.name, 80]}>{({ id, describedBy, maxLength }) => <input id={id} aria-describedby={describedBy} maxLength={maxLength} value={fields.name} autocomplete="name" onInput={set('name')} />}</Field>
          )}
          <Field label={t('connect.email')}>{({ id }) => <input id={id} type="email" value={fields.email} autocomplete="email" onInput={set('email')} />}</Field>
          <Field label={t('connect.password')} hint={mode === 'signup' ? `${t('connect.passwordHint')} ${d('connect.passwordAdvice')}` : t('connect.passwordHint')}>
            {({ id, describedBy }) => (
              <input id={id} type="password" aria-describedby={describedBy} value={fields.password}
                autocomplete={mode === 'signup' ? 'new-password' : 'current-password'} onInput={set('password')} />
            )}
          </Field>
          <button type="submit" class="button button--primary" disabled={busy}>
            {busy ? t('connect.working') : mode === 'signup' ? t('connect.signUp') : t('connect.signIn')}
          </button>
        </form>
      )}
    </section>
  );
}
