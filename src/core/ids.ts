/** 32 symbols without look-alikes (no l, o, 0, 1) so ids survive being read aloud or typed. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** Random, collision-resistant ids (80 bits) for records and documents; works in Node and browsers. */
export function newId(length = 16): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

const ID_PATTERN = /^[a-z0-9]{4,40}$/;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
