import { keyIfMatches, lockFor } from '../../local/profile-lock';

/**
 * A student's 4-digit PIN, kept as a salted PBKDF2 hash (`pbkdf2$<iterations>$<salt hex>$<hash hex>`,
 * see local/profile-lock.ts), so whoever reads the device's storage does not read the PIN. Four
 * digits are easy to guess by trying: the PIN keeps classmates on a shared device out of each
 * other's work, and the lock slows down repeated wrong tries.
 */
const PIN = /^\d{4}$/;
/** A teacher's secret: a PIN or password of at least this many characters (their private notes are behind it). */
export const TEACHER_SECRET_MIN = 6;

export function isPin(value: string): boolean {
  return PIN.test(value);
}

export function isTeacherSecret(value: string): boolean {
  return value.trim().length >= TEACHER_SECRET_MIN;
}

export async function hashPin(pin: string): Promise<string> {
  if (!isPin(pin)) throw new Error('A PIN is 4 digits.');
  return (await lockFor(pin)).pinHash;
}

export async function checkPin(pin: string, stored: string): Promise<boolean> {
  return isPin(pin) && (await keyIfMatches(pin, stored)) !== null;
}
