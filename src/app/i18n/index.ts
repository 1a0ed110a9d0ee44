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

/** Picks `key_one`/`key_other` by the language's plural rules when a `count` is given. */
export function translator(language: Language): Translate {
  const catalog = catalogs[language];
  const plurals = new Intl.PluralRules(language);
  return (key, params) => {
    let message: string | undefined;
    if (params && typeof params.count === 'number') {
      const form = `${key}_${plurals.select(params.count)}` as MessageKey;
      message = catalog[form] ?? catalog[`${key}_other` as MessageKey];
    }
    message ??= catalog[key as MessageKey] ?? en[key as MessageKey] ?? key;
    return params ? message.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : message;
  };
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
