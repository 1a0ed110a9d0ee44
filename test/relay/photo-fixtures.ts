import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Real photos as Chromium encodes a canvas (what the app sends), 64 x 48. */
export const FIXTURES = {
  jpeg: new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures/photo.jpg'))),
  png: new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures/photo.png'))),
  webp: new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures/photo.webp'))),
  webpLossless: new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures/photo-lossless.webp'))),
};

/**
 * A well-formed JPEG that differs by `variant` (and is `size` bytes long when given): the fixture
 * with comment segments after its start marker.
 */
export function photo(variant: number, size?: number): Uint8Array {
  const base = FIXTURES.jpeg;
  let padding = Math.max(size === undefined ? 8 : size - base.length, 8);
  const segments: number[] = [];
  while (padding > 0) {
    const length = Math.min(padding, 65_535 + 2);
    const body = Math.max(length - 4, 2);
    segments.push(0xff, 0xfe, ((body + 2) >> 8) & 0xff, (body + 2) & 0xff, ...new Array<number>(body).fill(variant & 0x7f));
    padding -= body + 4;
  }
  const out = new Uint8Array(base.length + segments.length);
  out.set(base.subarray(0, 2));
  out.set(segments, 2);
  out.set(base.subarray(2), 2 + segments.length);
  return out;
}
