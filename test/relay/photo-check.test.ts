import { describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { checkPhoto } from '../../src/relay/photo-check';
import { FIXTURES, photo } from './photo-fixtures';

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('checking a photo by its structure', () => {
  it.each([
    ['JPEG', FIXTURES.jpeg, 'image/jpeg'],
    ['PNG', FIXTURES.png, 'image/png'],
    ['WebP', FIXTURES.webp, 'image/webp'],
    ['lossless WebP', FIXTURES.webpLossless, 'image/webp'],
    ['JPEG with comments', photo(3, 50_000), 'image/jpeg'],
  ])('accepts a real %s, with its size', (_label, bytes, type) => {
    expect(checkPhoto(bytes)).toEqual({ type, width: 64, height: 48 });
  });

  it('refuses any bytes after a JPEG header (the attack in issue 8)', () => {
    const fake = new Uint8Array(2000).fill(7);
    fake.set([0xff, 0xd8, 0xff, 0xe0]);
    expect(checkPhoto(fake)).toBeNull();
    expect(checkPhoto(new TextEncoder().encode('\x89PNG<script>alert(1)</script>'))).toBeNull();
    expect(checkPhoto(new TextEncoder().encode('RIFF\x10\x00\x00\x00WEBPVP8 '))).toBeNull();
  });

  it.each(Object.entries(FIXTURES))('refuses %s cut short anywhere, or with bytes after its end', (_label, bytes) => {
    for (let cut = 0; cut < bytes.length; cut += 7) expect(checkPhoto(bytes.subarray(0, cut))).toBeNull();
    expect(checkPhoto(bytes.subarray(0, bytes.length - 1))).toBeNull();
    expect(checkPhoto(concat(bytes, new Uint8Array([0, 1, 2, 3])))).toBeNull();
  });

  it('refuses a PNG with a damaged chunk (checksum)', () => {
    const damaged = FIXTURES.png.slice();
    damaged[40]! ^= 0xff;
    expect(checkPhoto(damaged)).toBeNull();
  });

  it('refuses dimensions no browser draws (a decompression bomb for viewers)', () => {
    const png = FIXTURES.png.slice();
    new DataView(png.buffer).setUint32(16, 100_000); // IHDR width
    new DataView(png.buffer).setUint32(29, crc32(png.subarray(12, 29)));
    expect(checkPhoto(png)).toBeNull();
    const jpeg = FIXTURES.jpeg.slice();
    const sof = jpeg.findIndex((b, i) => b === 0xff && jpeg[i + 1] === 0xc0);
    new DataView(jpeg.buffer).setUint16(sof + 5, 0); // height 0
    expect(checkPhoto(jpeg)).toBeNull();
  });
});
