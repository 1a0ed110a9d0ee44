/**
 * Class ids bound to the device that made them, so nobody else can connect a class id to the relay
 * before its owner does (the id may be seen on a projected screen before the class is connected).
 * A bound id is 8 random characters followed by 14 characters of SHA-256(device id, those 8): the
 * relay checks the second part against the device id in the connecting teacher's token. Someone
 * who knows the id but not the device id would have to find a device id matching 70 bits.
 * Classes made before this have 16-character random ids and are connected first come, first served.
 */
// No import from ./ids: this module is loaded on its own (when a class is made), and sharing a
// module with the first visit's code would split that code into one more request.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const NONCE_LENGTH = 8;
const PROOF_LENGTH = 14;
export const BOUND_CLASS_ID_LENGTH = NONCE_LENGTH + PROOF_LENGTH;

function randomChars(length: number): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length));
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

async function proof(deviceId: string, nonce: string): Promise<string> {
  const bytes = new TextEncoder().encode(`pathbook-class:${deviceId}:${nonce}`);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  let out = '';
  for (let i = 0; i < PROOF_LENGTH; i++) out += ALPHABET[digest[i]! & 31];
  return out;
}

/** A new class id bound to this device; a plain random id where Web Crypto is missing (an insecure origin). */
export async function newClassId(deviceId: string): Promise<string> {
  if (!globalThis.crypto?.subtle) return randomChars(16);
  const nonce = randomChars(NONCE_LENGTH);
  return nonce + (await proof(deviceId, nonce));
}

export function isBoundClassId(classId: string): boolean {
  return classId.length === BOUND_CLASS_ID_LENGTH;
}

/** Whether a bound class id was made on this device. */
export async function classIdMadeOn(classId: string, deviceId: string): Promise<boolean> {
  if (!isBoundClassId(classId)) return false;
  return (await proof(deviceId, classId.slice(0, NONCE_LENGTH))) === classId.slice(NONCE_LENGTH);
}
