import { useState } from 'preact/hooks';
import { localDb } from '../../local/db';
import type { Unlocked } from '../../local/profile-lock';
import { listProfiles } from '../../local/profiles';
import type { DeviceProfile } from '../../local/types';
import { LockIcon } from '../components/LockIcon';
import { FirstRun } from '../first-run/FirstRun';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { useStudentI18n as useI18n } from '../student-home/i18n';
import { href, navigate } from '../router';
import { useSession } from '../session/context';
import { PasswordPad } from './PasswordPad';
import { PicturePad } from './PicturePad';
import { PinPad } from './PinPad';
import { ProfileFace } from './pictures';
import { SecretForm } from './SecretForm';
import './profiles.css';

type Asking = { kind: 'unlock' | 'set-lock'; profile: DeviceProfile };

/** Local edits each profile has not had acknowledged by its relay (a locked profile syncs only while it is open). */
async function unsentByProfile(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await localDb().docs.each((entry) => {
    if (entry.pendingChanges > 0) counts.set(entry.profileId, (counts.get(entry.profileId) ?? 0) + entry.pendingChanges);
  });
  return counts;
}

/**
 * Who is using this device? Big tiles with each person's picture, so a child who cannot read yet
 * finds their own. A profile with a lock asks for its secret before anything of theirs is opened;
 * a teacher without one on a shared device chooses one first.
 */
export function ProfilePicker() {
  const { t } = useI18n();
  const session = useSession();
  const profiles = useLiveQuery<DeviceProfile[] | null>(() => listProfiles(), [], null);
  const unsent = useLiveQuery(unsentByProfile, [], new Map<string, number>());
  const [asking, setAsking] = useState<Asking | null>(null);
  if (profiles === null) return <p class="muted">{t('app.loading')}</p>;
  if (profiles.length === 0) return <FirstRun />;

  const open = (p: DeviceProfile, unlocked?: Unlocked) =>
    void session.open(p.id, unlocked).then((opened) => (opened ? navigate({ name: 'home' }) : setAsking(null)));
  const back = () => setAsking(null);
  if (asking?.kind === 'unlock') {
    const Pad = asking.profile.role === 'teacher' ? PasswordPad : asking.profile.lockKind === 'pictures' ? PicturePad : PinPad;
    return <Pad profile={asking.profile} onOpen={(unlocked) => open(asking.profile, unlocked)} onBack={back} />;
  }
  if (asking?.kind === 'set-lock') {
    return (
      <section class="stack">
        <SecretForm profile={asking.profile} headingLevel={1} title={t('lock.setTitle', { name: asking.profile.displayName })}
          hint={t('lock.setHint', { name: asking.profile.displayName })} onDone={(unlocked) => open(asking.profile, unlocked)} />
        <button type="button" class="button" onClick={back}>{t('pin.back')}</button>
      </section>
    );
  }

  const choose = (p: DeviceProfile) => {
    if (p.pinHash) setAsking({ kind: 'unlock', profile: p });
    else if (p.role === 'teacher' && profiles.length > 1) setAsking({ kind: 'set-lock', profile: p });
    else open(p);
  };

  return (
    <section class="stack picker" aria-labelledby="picker-title">
      <h1 id="picker-title">{t('picker.title')}</h1>
      <ul class="picker__grid">
        {profiles.map((p) => {
          const waiting = p.relayUrl ? unsent.get(p.id) ?? 0 : 0;
          return (
            <li key={p.id}>
              <button type="button" class="picker__tile" onClick={() => choose(p)}>
                <ProfileFace picture={p.picture} displayName={p.displayName} />
                <span class="picker__name">{p.displayName}</span>
                {p.pinHash && <span class="picker__lock"><LockIcon />{p.role === 'teacher' ? t('picker.teacherLock') : p.lockKind === 'pictures' ? t('picker.hasPictures') : t('picker.hasPin')}</span>}
                {waiting > 0 && <span class="picker__unsent">{t('picker.unsent', { count: waiting })}</span>}
              </button>
            </li>
          );
        })}
      </ul>
      <a class="button button--block" href={href({ name: 'start' })}>{t('picker.someoneNew')}</a>
    </section>
  );
}
