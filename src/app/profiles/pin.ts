/**
 * A 4-digit PIN kept as a salted PBKDF2 hash (`pbkdf2$<iterations>$<salt hex>$<hash hex>`), so
 * whoever reads the device's storage does not read the PIN. Four digits are easy to guess by
 * trying: the PIN only keeps classmates on a shared device out of each other's work, and the
 * picker slows down repeated wrong tries.
 */
const ITERATIONS = 100_000;
const PIN = /^\d{4}$/;

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const unhex = (text: string) => new Uint8Array((text.match(/../g) ?? []).map((h) => parseInt(h, 16)));

export function isPin(value: string): boolean {
  return PIN.test(value);
}

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return hex(new Uint8Array(bits));
}

export async function hashPin(pin: string): Promise<string> {
  if (!isPin(pin)) throw new Error('A PIN is 4 digits.');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `pbkdf2$${ITERATIONS}$${hex(salt)}$${await derive(pin, salt, ITERATIONS)}`;
}

export async function checkPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, iterations, salt, hash] = stored.split('$');
  if (scheme !== 'pbkdf2' || !iterations || !salt || !hash || !isPin(pin)) return false;
  const derived = await derive(pin, unhex(salt), Number(iterations));
  // Same length always; compare every character so timing says nothing.
  let diff = derived.length ^ hash.length;
  for (let i = 0; i < derived.length; i++) diff |= derived.charCodeAt(i) ^ (hash.charCodeAt(i) || 0);
  return diff === 0;
}
