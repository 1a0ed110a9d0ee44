import { newId } from '../../core';

const KEY = 'pathbook:device-id';

/**
 * A random id for this browser on this device. The relay counts sign-in and join attempts per
 * device (never per school address) and lets a teacher remove one lost device.
 */
export function deviceId(): string {
  try {
    const existing = localStorage.getItem(KEY);
    if (existing && /^[a-z0-9]{4,40}$/.test(existing)) return existing;
    const created = newId();
    localStorage.setItem(KEY, created);
    return created;
  } catch {
    return (memoryId ??= newId());
  }
}

let memoryId: string | undefined;
