import { useState } from 'preact/hooks';
import { createProfile } from '../../local/profiles';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { useSession } from '../session/context';
import { db } from '../../local/db';
import type { DeviceProfile } from '../../local/types';
import { lazyScreen } from '../components/Lazy';
import { Welcome } from '../welcome/Welcome';

// Locks matter only once a device is shared: their screens (and crypto) load then, not on a first visit.
const TeacherLockGate = lazyScreen(() => import('../profiles/TeacherLockGate').then((m) => m.TeacherLockGate));
const NewTeacherLock = lazyScreen(() => import('../profiles/SecretForm').then((m) => m.NewTeacherLock));

/** The first screen inside the app (adding a person, or a device whose people were all removed). */
export function FirstRun() {
  const { language } = useI18n();
  const session = useSession();
  // People already on this device open from the profile picker (behind their picture or PIN), never from here.
  const profiles = useLiveQuery<DeviceProfile[]>(() => db.profiles.toArray(), [], []);
  const [newTeacher, setNewTeacher] = useState<DeviceProfile | null>(null);

  async function startTeacher(displayName: string) {
    const profile = await createProfile({ role: 'teacher', displayName, language });
    // On a device others use, a teacher's profile gets its lock before it first opens.
    if (profiles.length > 0) return setNewTeacher(profile);
    await session.open(profile.id);
    navigate({ name: 'setup' });
  }

  if (newTeacher) {
    return <NewTeacherLock profile={newTeacher} onDone={(unlocked) => void session.open(newTeacher.id, unlocked).then(() => navigate({ name: 'setup' }))} />;
  }
  const shared = profiles.length > 0;
  return <Welcome addingPerson={shared} startTeacher={startTeacher} wrapChoices={shared ? (choices) => <TeacherLockGate>{choices}</TeacherLockGate> : undefined} />;
}
