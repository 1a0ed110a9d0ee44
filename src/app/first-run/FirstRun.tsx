import { useState } from 'preact/hooks';
import { createProfile } from '../../local/profiles';
import { Field } from '../components/Field';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { useI18n } from '../i18n';
import { href, navigate } from '../router';
import { useSession } from '../session/context';
import { db } from '../../local/db';
import type { DeviceProfile } from '../../local/types';
import { lazyScreen } from '../components/Lazy';

// Locks matter only once a device is shared: their screens (and crypto) load then, not on a first visit.
const TeacherLockGate = lazyScreen(() => import('../profiles/TeacherLockGate').then((m) => m.TeacherLockGate));
const NewTeacherLock = lazyScreen(() => import('../profiles/SecretForm').then((m) => m.NewTeacherLock));

/** The first screen: who is using this device. Needs no server and no account. */
export function FirstRun() {
  const { t, language } = useI18n();
  const session = useSession();
  // People already on this device open from the profile picker (behind their picture or PIN), never from here.
  const profiles = useLiveQuery<DeviceProfile[]>(() => db.profiles.toArray(), [], []);
  const [role, setRole] = useState<'teacher' | 'student' | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [newTeacher, setNewTeacher] = useState<DeviceProfile | null>(null);

  async function startTeacher(event: Event) {
    event.preventDefault();
    const displayName = name.trim();
    if (!displayName) return setError(t('start.nameRequired'));
    const profile = await createProfile({ role: 'teacher', displayName, language });
    // On a device others use, a teacher's profile gets its lock before it first opens.
    if (profiles.length > 0) return setNewTeacher(profile);
    await session.open(profile.id);
    navigate({ name: 'setup' });
  }

  if (newTeacher) {
    return <NewTeacherLock profile={newTeacher} onDone={(unlocked) => void session.open(newTeacher.id, unlocked).then(() => navigate({ name: 'setup' }))} />;
  }

  const choices = (
    <>
      <fieldset class="choice-grid">
        <legend>{profiles.length > 0 ? t('start.addPerson') : t('start.who')}</legend>
        <button type="button" class={`choice${role === 'teacher' ? ' choice--on' : ''}`} aria-pressed={role === 'teacher'} onClick={() => setRole('teacher')}>
          <span class="choice__title">{t('start.teacher')}</span>
          <span class="choice__hint">{t('start.teacherHint')}</span>
        </button>
        <button type="button" class={`choice${role === 'student' ? ' choice--on' : ''}`} aria-pressed={role === 'student'} onClick={() => setRole('student')}>
          <span class="choice__title">{t('start.student')}</span>
          <span class="choice__hint">{t('start.studentHint')}</span>
        </button>
      </fieldset>

      {role === 'teacher' && (
        <form class="card stack" onSubmit={(e) => void startTeacher(e)} noValidate>
          <Field label={t('start.yourName')} error={error}>
            {({ id, describedBy, invalid }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid} value={name} autocomplete="name"
                onInput={(e) => { setName(e.currentTarget.value); setError(null); }} />
            )}
          </Field>
          <button type="submit" class="button button--primary">{t('start.continue')}</button>
        </form>
      )}
      {role === 'student' && (
        <div class="card stack">
          <p>{t('start.studentNeedsCode')}</p>
          <a class="button button--primary" href={href({ name: 'join', code: '' })}>{t('join.title')}</a>
        </div>
      )}
    </>
  );

  return (
    <section class="stack" aria-labelledby="start-title">
      <h1 id="start-title">{t('start.title')}</h1>
      <p class="lead">{t('start.intro')}</p>
      {profiles.length > 0 ? <TeacherLockGate>{choices}</TeacherLockGate> : choices}
    </section>
  );
}
