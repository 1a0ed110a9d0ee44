import { dictionary } from '@zxcvbn-ts/language-common';
import { RelayError } from '../protocol/relay-error';

/** NIST SP 800-63B: at least 8 characters, allow long ones (a passphrase), no composition rules. */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * The 49,000 most common passwords from @zxcvbn-ts/language-common (maintained with zxcvbn-ts,
 * ~2M downloads a week), lower-cased: the ones any online guesser tries first.
 */
const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

function refuse(message: string): never {
  throw new RelayError(400, 'weak-password', message);
}

/** Refuses a password a guesser would try early (SP 800-63B "blocklist"); says why in plain words. */
export function checkNewPassword(password: string, email: string): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) refuse(`The password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (length > MAX_PASSWORD_LENGTH) refuse(`The password may be at most ${MAX_PASSWORD_LENGTH} characters.`);
  if (password.trim() === '') refuse('The password cannot be only spaces.');
  const folded = password.normalize('NFC').toLowerCase();
  if (new Set(folded.replace(/\s/g, '')).size <= 2) refuse('The password needs more than one or two different characters.');
  const mail = email.trim().toLowerCase();
  const local = mail.split('@')[0] ?? '';
  if (folded.trim() === mail || (local.length >= 4 && folded.replace(/\s/g, '') === local)) refuse('The password cannot be your email address.');
  if (COMMON.has(folded) || COMMON.has(folded.trim())) refuse('This password is one of the most common ones: choose another (a few words together work well).');
}
