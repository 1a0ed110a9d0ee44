import { useI18n } from '../i18n';
import * as devices from '../i18n/catalogs/devices';

export type ScreenKey = keyof typeof devices.en;

/** The Connect and Join screens' words about devices and approvals, in the app's language (their catalog loads with these screens). */
export function useScreenText(): (key: ScreenKey, params?: Record<string, string | number>) => string {
  const { language } = useI18n();
  const catalog = language === 'es' ? devices.es : devices.en;
  return (key, params = {}) => catalog[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
