import { useEffect, useState } from 'preact/hooks';
import { updateProfile } from '../../local';
import type { ClassTeachers, Invitation, TeacherDevice } from '../../sync/relay-api';
import { Field } from '../components/Field';
import { CardList } from '../components/CardList';
import { Notice } from '../components/Notice';
import { useI18n } from '../i18n';
import { useScreenText } from './screen-text';
import { useSession } from '../session/context';
import {
  answerInvitation, classTeachers, inviteTeacher, listInvitations, listMyDevices, relayOrigin, removeTeacher, revokeMyDevice, type CallError,
} from './relay-calls';

function when(language: string, at: number): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}

/**
 * A connected teacher's people and devices: who teaches this class (invite by email, remove a
 * co-teacher), invitations waiting for them, and their own devices (sign one out for good).
 */
export function Staff({ token, classId }: { token: string; classId: string }) {
  const { t, language } = useI18n();
  const d = useScreenText();
  const { profile, refreshProfile } = useSession();
  const [teachers, setTeachers] = useState<ClassTeachers | null>(null);
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const [devices, setDevices] = useState<TeacherDevice[]>([]);
  const [email, setEmail] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);

  async function refresh() {
    const [c, i, d] = await Promise.all([classTeachers(relayOrigin(), token, classId), listInvitations(relayOrigin(), token), listMyDevices(relayOrigin(), token)]);
    for (const r of [c, i, d]) if ('error' in r) return setError(r.error);
    setError(null);
    if (!('error' in c)) setTeachers(c);
    if (!('error' in i)) setInvitations(i);
    if (!('error' in d)) setDevices(d);
  }

  useEffect(() => {
    void refresh();
  }, [token, classId]);

  async function run(call: Promise<unknown>) {
    const result = await call;
    if (result && typeof result === 'object' && 'error' in result) setError(result.error as CallError);
    await refresh();
  }

  async function invite(event: Event) {
    event.preventDefault();
    if (!email.trim()) return;
    await run(inviteTeacher(relayOrigin(), token, classId, email.trim()));
    setNotice(d('staff.invited', { email: email.trim() }));
    setEmail('');
  }

  async function answer(id: string, choice: 'accept' | 'decline') {
    const result = await answerInvitation(relayOrigin(), token, id, choice);
    if ('error' in result) return setError(result.error);
    // An accepted class comes down by sync like the teacher's other classes.
    if (result.accepted && profile && !profile.classIds.includes(result.classId)) {
      await updateProfile(profile.id, { classIds: [...profile.classIds, result.classId] });
      await refreshProfile();
    }
    await refresh();
  }

  const iAmOwner = teachers?.teachers.some((x) => x.owner && x.id === teachers.you) ?? false;
  return (
    <div class="stack">
      {error && <Notice kind="error">{t('connect.error.other', { message: error.message })}</Notice>}
      {invitations.length > 0 && (
        <CardList id="invitations-title" title={d('staff.invitations')}>
            {invitations.map((i) => (
              <li key={i.id} class="device-list__row">
                <span>{d('staff.invitation', { name: i.invitedBy, className: i.className })}</span>
                <span class="device-list__actions">
                  <button type="button" class="button button--primary" onClick={() => void answer(i.id, 'accept')}>{d('staff.accept')}</button>
                  <button type="button" class="button" onClick={() => void answer(i.id, 'decline')}>{d('connect.decline')}</button>
                </span>
              </li>
            ))}
        </CardList>
      )}
      {teachers && (
        <section class="card stack" aria-labelledby="teachers-title">
          <h2 id="teachers-title">{d('staff.teachers')}</h2>
          <ul class="stack device-list">
            {teachers.teachers.map((x) => (
              <li key={x.id} class="device-list__row">
                <span>{x.owner ? d('staff.owner', { name: x.name }) : x.name}</span>
                {!x.owner && iAmOwner && (
                  <button type="button" class="button" onClick={() => void run(removeTeacher(relayOrigin(), token, classId, x.id))}>{d('staff.remove', { name: x.name })}</button>
                )}
              </li>
            ))}
            {teachers.invitations.map((i) => (
              <li key={i.id} class="device-list__row muted">{d('staff.pending', { email: i.email })}</li>
            ))}
          </ul>
          {notice && <Notice kind="info">{notice}</Notice>}
          <form class="stack" onSubmit={(e) => void invite(e)} noValidate>
            <Field label={d('staff.inviteEmail')} hint={d('staff.inviteHint')}>
              {({ id, describedBy }) => <input id={id} type="email" aria-describedby={describedBy} value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
            </Field>
            <button type="submit" class="button">{d('staff.invite')}</button>
          </form>
        </section>
      )}
      {devices.length > 0 && (
        <CardList id="my-devices-title" title={d('staff.myDevices')}>
            {devices.map((dev) => (
              <li key={dev.deviceId} class="device-list__row">
                <span>{d('staff.myDevice', { device: dev.deviceName || '?', time: when(language, dev.lastSeenAt) })}{dev.current ? ` · ${d('staff.thisDevice')}` : ''}</span>
                {dev.revokedAt !== null ? (
                  <span class="muted">{d('connect.revoked')}</span>
                ) : dev.current ? null : (
                  <button type="button" class="button" onClick={() => void run(revokeMyDevice(relayOrigin(), token, dev.deviceId))}>{d('staff.signOut', { device: dev.deviceName || '?' })}</button>
                )}
              </li>
            ))}
        </CardList>
      )}
    </div>
  );
}
