import { useMemo } from 'preact/hooks';
import { makeTranslator, useI18n, type I18n, type Params, type TextKey } from '../i18n';
import * as student from '../i18n/catalogs/student';

type StudentKey = keyof typeof student.en;
type PluralBase<K> = K extends `${infer Base}_other` ? Base : never;
export type StudentTextKey = StudentKey | PluralBase<StudentKey>;

export interface StudentI18n extends Omit<I18n, 't'> {
  t(key: StudentTextKey | TextKey, params?: Params): string;
}

/**
 * The app's i18n plus the student screens' own catalog. That catalog (~7 KB gzip for English and
 * Spanish) loads with these lazily loaded screens instead of with the first visit: registered in
 * messages.ts it would push the initial JavaScript over its 90 KB budget. Unknown keys fall back
 * to the app's catalogs, so shared words ('goal.cancel', 'app.loading') work here too.
 */
export function useStudentI18n(): StudentI18n {
  const i18n = useI18n();
  return useMemo(() => {
    const t = makeTranslator<StudentTextKey | TextKey>(i18n.language === 'es' ? student.es : student.en, i18n.language, (key, params?: Params) => i18n.t(key as TextKey, params));
    return { ...i18n, t };
  }, [i18n.language, i18n.t]);
}
