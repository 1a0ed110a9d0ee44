import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Field } from '../components/Field';
import { useI18n } from '../i18n';
import { href } from '../router';

interface WelcomeProps {
  /** People are already on this device: the choice reads "Someone else" instead of "Who are you?". */
  addingPerson: boolean;
  /** Makes the teacher's profile and opens their class setup. */
  startTeacher(displayName: string): Promise<void>;
  /** Puts the choices behind something (on a shared device, a teacher's lock). */
  wrapChoices?: ((choices: ComponentChildren) => ComponentChildren) | undefined;
}

/**
 * The first screen: who is using this device. Needs no server and no account. It has no storage
 * or sync imports of its own, so the build can prerender it into the HTML (scripts/prerender.tsx)
 * and a first visit can use it before the rest of the app has downloaded.
 */
export function Welcome({ addingPerson, startTeacher, wrapChoices }: WelcomeProps) {
  const { t } = useI18n();
  const [role, setRole] = useState<'teacher' | 'student' | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const displayName = name.trim();
    if (!displayName) return setError(t('start.nameRequired'));
    if (busy) return;
    setBusy(true);
    try {
      await startTeacher(displayName);
    } finally {
      setBusy(false);
    }
  }

  const shown = (
    <>
      <fieldset class="choice-grid">
        <legend>{addingPerson ? t('start.addPerson') : t('start.who')}</legend>
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
        <form class="card stack" onSubmit={(e) => void submit(e)} noValidate>
          <Field label={t('start.yourName')} error={error}>
            {({ id, describedBy, invalid }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid} value={name} autocomplete="name"
                onInput={(e) => { setName(e.currentTarget.value); setError(null); }} />
            )}
          </Field>
          <button type="submit" class="button button--primary" aria-busy={busy}>{t('start.continue')}</button>
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
  const choices = wrapChoices ? wrapChoices(shown) : shown;

  return (
    <section class="stack" aria-labelledby="start-title">
      <h1 id="start-title">{t('start.title')}</h1>
      <p class="lead">{t('start.intro')}</p>

      {choices}
    </section>
  );
}
