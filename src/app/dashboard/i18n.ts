import { useMemo } from 'preact/hooks';
import { makeTranslator, useI18n, type I18n, type Params, type TextKey } from '../i18n';
import * as teacher from '../i18n/catalogs/teacher';

type TeacherKey = keyof typeof teacher.en;
type PluralBase<K> = K extends `${infer Base}_other` ? Base : never;
export type TeacherTextKey = TeacherKey | PluralBase<TeacherKey>;

export interface TeacherI18n extends Omit<I18n, 't'> {
  t(key: TeacherTextKey | TextKey, params?: Params): string;
}

/** Plain translation over a catalog, for code outside components (the family report, CSV headers). */
export function teacherTranslator(language: I18n['language'], fallback: I18n['t']): TeacherI18n['t'] {
  return makeTranslator<TeacherTextKey | TextKey>(language === 'es' ? teacher.es : teacher.en, language, (key, params) => fallback(key as TextKey, params));
}

/**
 * The app's i18n plus the teacher screens' own catalog, which loads with these lazily loaded
 * screens rather than with the first visit (registered in messages.ts it would count against the
 * 90 KB initial budget). Unknown keys fall back to the app's catalogs.
 */
export function useTeacherI18n(): TeacherI18n {
  const i18n = useI18n();
  return useMemo(() => ({ ...i18n, t: teacherTranslator(i18n.language, i18n.t) }), [i18n.language, i18n.t]);
}
