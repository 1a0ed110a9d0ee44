import { useState } from 'preact/hooks';
import { classDocument, type Language, LIMITS } from '../../core';
import { Field } from '../components/Field';
import { useYDoc } from '../hooks/useYDoc';
import { useI18n } from '../i18n';
import { addStudent, classActions } from '../data/class';
import { useSession } from '../session/context';
import { useTeacherI18n } from '../dashboard/i18n';
import { RosterImport } from './RosterImport';
import { RosterEntry } from './RosterEntry';
import './setup.css';
import { LanguageField } from '../components/LanguageField';

export function Roster({ classId }: { classId: string }) {
  const { t, language } = useI18n();
  const { store } = useSession();
  const tt = useTeacherI18n().t;
  const { data: all, local, readOnly } = useYDoc({ kind: 'class', classId }, (doc) =>
    classDocument(doc).students.list().sort((a, b) => a.displayName.localeCompare(b.displayName)),
  );
  const students = all?.filter((s) => !s.archived) ?? null;
  const archived = all?.filter((s) => s.archived) ?? [];
  const defaultLanguage = local ? classDocument(local.doc).settings.read().defaultLanguage : language;
  const [name, setName] = useState('');
  const [lang, setLang] = useState<Language>(language);
  const [error, setError] = useState<string | null>(null);

  function submit(event: Event) {
    event.preventDefault();
    if (!store) return;
    const displayName = name.trim();
    if (!displayName) return setError(t('start.nameRequired'));
    addStudent(store, classId, displayName, lang);
    setName('');
    (event.currentTarget as HTMLFormElement).querySelector('input')?.focus();
  }

  return (
    <section class="card stack" aria-labelledby="roster-title">
      <h2 id="roster-title">{t('setup.roster')} {students && <span class="count">({students.length})</span>}</h2>
      {students && students.length === 0 && <p class="muted">{t('setup.rosterEmpty')}</p>}
      {students && students.length > 0 && (
        <ul class="roster">
          {students.map((s) => <RosterEntry key={s.id} student={s} readOnly={readOnly} onChange={(patch) => local && classActions(local.doc).changeStudent(s.id, patch)} />)}
        </ul>
      )}
      {archived.length > 0 && (
        <details>
          <summary>{tt('setup.archived', { count: archived.length })}</summary>
          <ul class="roster">
            {archived.map((s) => <RosterEntry key={s.id} student={s} readOnly={readOnly} onChange={(patch) => local && classActions(local.doc).changeStudent(s.id, patch)} />)}
          </ul>
        </details>
      )}
      {!readOnly && (
        <form class="inline-form" onSubmit={submit} noValidate>
          <Field label={t('setup.studentName')} error={error} limit={[name, LIMITS.name]}>
            {({ id, describedBy, invalid, maxLength }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={maxLength} value={name} autocomplete="off"
                onInput={(e) => { setName(e.currentTarget.value); setError(null); }} />
            )}
          </Field>
          <LanguageField label={t('setup.studentLanguage')} value={lang} onChange={setLang} />
          <button type="submit" class="button">{t('setup.addStudent')}</button>
        </form>
      )}
      {!readOnly && <RosterImport classId={classId} defaultLanguage={defaultLanguage} />}
    </section>
  );
}
