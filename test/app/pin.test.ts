import { describe, expect, it } from 'vitest';
import { checkPin, hashPin } from '../../src/app/profiles/pin';

describe('PIN hashing', () => {
  it('accepts the right PIN, refuses others, and never stores the PIN itself', async () => {
    const stored = await hashPin('4821');
    expect(stored).toMatch(/^pbkdf2\$100000\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(stored).not.toContain('4821');
    expect(await checkPin('4821', stored)).toBe(true);
    expect(await checkPin('4822', stored)).toBe(false);
    expect(await checkPin('482', stored)).toBe(false);
    expect(await checkPin('4821', 'garbage')).toBe(false);
  });

  it('salts each hash, so two children with the same PIN have different hashes', async () => {
    expect(await hashPin('1234')).not.toBe(await hashPin('1234'));
  });

  it('refuses anything but 4 digits', async () => {
    await expect(hashPin('12a4')).rejects.toThrow();
  });
});
