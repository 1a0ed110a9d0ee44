import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Language } from '../../core';
import { en, es, type MessageKey } from './messages';

export type { MessageKey };
/** `status.pending` for the pair `status.pending_one` / `status.pending_other`. */
type PluralBase<K> = K extends `${infer Base}_other` ? Base : never;
export type TextKey = MessageKey | PluralBase<MessageKey>;
export type Params = Record<string, string | number>;
export type Translate = (key: TextKey, params?: Params) => string;

const catalogs: Record<Language, Record<MessageKey, string>> = { en, es };

/** The languages the interface speaks (core's LANGUAGES, without pulling core into the first screen's script). */
export const INTERFACE_LANGUAGES = Object.keys(catalogs) as Language[];

/** One per language: an Intl.PluralRules costs a noticeable fraction of a millisecond on a slow phone. */
const pluralRules = new Map<string, Intl.PluralRules>();
function pluralsFor(language: string): Intl.PluralRules {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  return rules;
}

/**
 * The one translator factory, for the app's catalogs and for those that load with lazily loaded
 * screens (the teacher's and the student's): picks `key_one`/`key_other` by the language's plural
 * rules when a `count` is given, fills `{name}` from params, and hands keys the catalog lacks to
 * `fallback`.
 */
export function makeTranslator<K extends string>(
  catalog: Readonly<Record<string, string>>,
  language: Language,
  fallback: (key: K, params?: Params) => string,
): (key: K, params?: Params) => string {
  const plurals = pluralsFor(language);
  return (key, params) => {
    let message: string | undefined;
    if (params && typeof params.count === 'number') message = catalog[`${key}_${plurals.select(params.count)}`] ?? catalog[`${key}_other`];
    message ??= catalog[key];
    if (message === undefined) return fallback(key, params);
    return params ? message.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : message;
  };
}

/** The app's own catalogs; a key missing in one language falls back to English, then to the key. */
export function translator(language: Language): Translate {
  const english = language === 'en' ? (key: TextKey) => key : makeTranslator<TextKey>(en, 'en', (key) => key);
  return makeTranslator<TextKey>(catalogs[language], language, english);
}

export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'es' || base === 'en') return base;
  }
  return 'en';
}

export interface I18n {
  language: Language;
  t: Translate;
  setLanguage(language: Language): void;
  formatDate(isoDay: string): string;
}

export function makeI18n(language: Language, setLanguage: (l: Language) => void): I18n {
  const fmt = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return {
    language,
    t: translator(language),
    setLanguage,
    formatDate: (isoDay) => {
      const d = new Date(`${isoDay}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? isoDay : fmt.format(d);
    },
  };
}

export const I18nContext = createContext<I18n>(makeI18n('en', () => {}));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
