import { useI18n } from '../i18n';
import * as devices from '../i18n/catalogs/devices';

export type DevicesKey = keyof typeof devices.en;

/** The Connect screen's device and teacher words, in the app's language (their catalog loads with this screen). */
export function useDevicesText(): (key: DevicesKey, params?: Record<string, string | number>) => string {
  const { language } = useI18n();
  const catalog = language === 'es' ? devices.es : devices.en;
  return (key, params = {}) => catalog[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
