import { useState } from 'preact/hooks';
import { classDocument, type Language, LIMITS } from '../../core';
import { Field } from '../components/Field';
import { useYDoc } from '../hooks/useYDoc';
import { useI18n } from '../i18n';
import { href, navigate } from '../router';
import { classActions, createClass } from '../data/class';
import { useSession } from '../session/context';
import { Roster } from './Roster';
import { Targets } from './Targets';
import { Catalog } from './Catalog';
import { Groups } from './Groups';
import { TeacherLockCard } from '../profiles/TeacherLockCard';
import { LanguageField } from '../components/LanguageField';

export function ClassSetup() {
  const { classId } = useSession();
  return classId ? <EditClass classId={classId} /> : <NewClassForm />;
}

function NewClassForm() {
  const { t, language } = useI18n();
  const session = useSession();
  const [name, setName] = useState('');
  const [cadence, setCadence] = useState(14);
  const [lang, setLang] = useState<Language>(language);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (!session.store || !session.profile) return;
    if (!name.trim()) return setError(t('goal.titleRequired'));
    await createClass(session.store, session.profile, { name: name.trim(), cadenceDays: cadence, defaultLanguage: lang });
    await session.refreshProfile();
  }

  return (
    <form class="stack" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <div class="card stack">
        <Field label={t('setup.className')} hint={t('setup.classNameHint')} error={error} limit={[name, LIMITS.title]}>
          {({ id, describedBy, invalid, maxLength }) => (
            <input id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={maxLength} value={name} onInput={(e) => { setName(e.currentTarget.value); setError(null); }} />
          )}
        </Field>
        <CadenceField value={cadence} onChange={setCadence} />
        <LanguageField label={t('setup.defaultLanguage')} value={lang} onChange={setLang} />
        <button type="submit" class="button button--primary">{t('setup.create')}</button>
      </div>
      <p class="card">
        {t('setup.haveClass')} <a href={href({ name: 'connect' })}>{t('setup.signInForClass')}</a>
      </p>
    </form>
  );
}

function EditClass({ classId }: { classId: string }) {
  const { t } = useI18n();
  const { data, local, readOnly } = useYDoc({ kind: 'class', classId }, (doc) => classDocument(doc).settings.read());
  if (!data || !local) return <p>{t('app.loading')}</p>;
  const change = classActions(local.doc).changeSettings;
  return (
    <section class="stack" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <div class="card stack">
        <Field label={t('setup.className')} limit={[data.name, LIMITS.title]}>
          {({ id, describedBy, maxLength }) => <input id={id} aria-describedby={describedBy} maxLength={maxLength} value={data.name} disabled={readOnly} onInput={(e) => change({ name: e.currentTarget.value })} />}
        </Field>
        <CadenceField value={data.cadenceDays} onChange={(cadenceDays) => change({ cadenceDays })} />
        <LanguageField label={t('setup.defaultLanguage')} value={data.defaultLanguage} onChange={(defaultLanguage) => change({ defaultLanguage })} />
      </div>
      <Roster classId={classId} />
      <Targets classId={classId} />
      <Catalog classId={classId} />
      <Groups classId={classId} />
      <TeacherLockCard />
      <a class="button button--primary" href={href({ name: 'class' })} onClick={(e) => { e.preventDefault(); navigate({ name: 'class' }); }}>
        {t('setup.done')}
      </a>
    </section>
  );
}

function CadenceField({ value, onChange }: { value: number; onChange(days: number): void }) {
  const { t } = useI18n();
  return (
    <Field label={`${t('setup.cadence')} (${t('setup.cadenceDays')})`}>
      {({ id }) => (
        <input id={id} type="number" inputMode="numeric" min={1} max={90} value={value}
          onInput={(e) => { const n = Number(e.currentTarget.value); if (Number.isInteger(n) && n >= 1 && n <= 90) onChange(n); }} />
      )}
    </Field>
  );
}
