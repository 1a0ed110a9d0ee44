import { LANGUAGES, type Language } from '../../core';
import { useI18n } from '../i18n';
import { Field } from './Field';

/** A choice of one of the languages Pathbook speaks, each named in the screen's language. */
export function LanguageField({ label, value, onChange }: { label: string; value: Language; onChange(language: Language): void }) {
  const { t } = useI18n();
  return (
    <Field label={label}>
      {({ id }) => (
        <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as Language)}>
          {LANGUAGES.map((l) => <option key={l} value={l}>{t(`lang.${l}`)}</option>)}
        </select>
      )}
    </Field>
  );
}
