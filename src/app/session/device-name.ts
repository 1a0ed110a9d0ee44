/**
 * What a teacher sees for this device when it asks to join or in the device list: the browser and
 * the system ("Chrome on Android"), from the user agent. Not a secret and not an identifier.
 */
export function deviceName(userAgent: string = typeof navigator === 'undefined' ? '' : navigator.userAgent): string {
  const browser =
    /Edg\//.test(userAgent) ? 'Edge'
    : /Firefox\//.test(userAgent) ? 'Firefox'
    : /Chrom(e|ium)\//.test(userAgent) ? 'Chrome'
    : /Safari\//.test(userAgent) ? 'Safari'
    : 'Browser';
  const system =
    /Android/.test(userAgent) ? 'Android'
    : /iPad|iPhone|iPod/.test(userAgent) ? 'iOS'
    : /CrOS/.test(userAgent) ? 'ChromeOS'
    : /Windows/.test(userAgent) ? 'Windows'
    : /Mac OS X/.test(userAgent) ? 'macOS'
    : /Linux/.test(userAgent) ? 'Linux'
    : '';
  return system ? `${browser} · ${system}` : browser;
}
