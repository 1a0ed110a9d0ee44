import { crc32 } from 'node:zlib';
import type { PhotoType } from './blobs';

/** Wider or taller than any browser draws: a "photo" claiming more is a decompression bomb for viewers. */
export const MAX_PHOTO_SIDE = 16_384;

export interface CheckedPhoto {
  type: PhotoType;
  width: number;
  height: number;
}

/**
 * The photo's type and size when its bytes are a well-formed JPEG, PNG or WebP from its first byte
 * to its last, else null. Structure only (every marker, chunk, length and PNG checksum, the
 * dimensions), never a full decode: it runs on the relay's one thread for each upload, and walks
 * the bytes once. The device re-encodes every photo before sending, so there is no trailing data.
 */
export function checkPhoto(bytes: Uint8Array): CheckedPhoto | null {
  const found = jpeg(bytes) ?? png(bytes) ?? webp(bytes);
  if (!found) return null;
  const { width, height } = found;
  return width > 0 && height > 0 && width <= MAX_PHOTO_SIDE && height <= MAX_PHOTO_SIDE ? found : null;
}

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32le = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) + ((b[i + 3]! << 24) >>> 0);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** Start-of-frame markers (baseline, progressive, ...): C0-CF except DHT (C4), JPG (C8), DAC (CC). */
const isStartOfFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function jpeg(b: Uint8Array): CheckedPhoto | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  let size: { width: number; height: number } | null = null;
  let scans = 0;
  while (i < b.length) {
    if (b[i] !== 0xff) return null;
    while (b[i] === 0xff && i < b.length) i++; // fill bytes
    const marker = b[i++];
    if (marker === undefined) return null;
    if (marker === 0xd9) return i === b.length && size && scans > 0 ? { type: 'image/jpeg', ...size } : null;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // no length
    if (marker === 0x00 || marker === 0xd8 || i + 2 > b.length) return null;
    const length = u16be(b, i);
    if (length < 2 || i + length > b.length) return null;
    if (isStartOfFrame(marker)) {
      if (length < 8 || size) return null;
      size = { height: u16be(b, i + 3), width: u16be(b, i + 5) };
    }
    i += length;
    if (marker === 0xda) {
      if (!size) return null;
      scans++;
      // Entropy-coded data runs to the next marker: 0xFF followed by neither 0x00 (a stuffed byte) nor a restart marker.
      while (i < b.length) {
        if (b[i] === 0xff && i + 1 < b.length && b[i + 1] !== 0x00 && !(b[i + 1]! >= 0xd0 && b[i + 1]! <= 0xd7)) break;
        i++;
      }
    }
  }
  return null;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Allowed bit depths per PNG colour type. */
const PNG_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

function png(b: Uint8Array): CheckedPhoto | null {
  if (b.length < 8 || PNG_SIGNATURE.some((v, k) => b[k] !== v)) return null;
  let i = 8;
  let size: { width: number; height: number } | null = null;
  let imageData = false;
  while (i + 12 <= b.length) {
    const length = u32be(b, i);
    const type = ascii(b, i + 4, i + 8);
    if (length > 0x7fffffff || i + 12 + length > b.length || !/^[A-Za-z]{4}$/.test(type)) return null;
    if (crc32(b.subarray(i + 4, i + 8 + length)) !== u32be(b, i + 8 + length)) return null;
    const data = i + 8;
    if (size === null) {
      if (type !== 'IHDR' || length !== 13) return null;
      const depth = b[data + 8]!;
      const colour = b[data + 9]!;
      if (!PNG_DEPTHS[colour]?.includes(depth) || b[data + 10] !== 0 || b[data + 11] !== 0 || b[data + 12]! > 1) return null;
      size = { width: u32be(b, data), height: u32be(b, data + 4) };
    } else if (type === 'IHDR') return null;
    if (type === 'IDAT') imageData = true;
    i += 12 + length;
    if (type === 'IEND') return length === 0 && i === b.length && imageData ? { type: 'image/png', ...size } : null;
  }
  return null;
}

function webp(b: Uint8Array): CheckedPhoto | null {
  if (b.length < 20 || ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 12) !== 'WEBP') return null;
  if (u32le(b, 4) + 8 !== b.length) return null;
  let i = 12;
  let size: { width: number; height: number } | null = null;
  let image = false;
  let first = true;
  while (i < b.length) {
    if (i + 8 > b.length) return null;
    const fourCC = ascii(b, i, i + 4);
    const length = u32le(b, i + 4);
    const data = i + 8;
    if (data + length > b.length) return null;
    if (fourCC === 'VP8 ') {
      // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height.
      if (length < 10 || b[data + 3] !== 0x9d || b[data + 4] !== 0x01 || b[data + 5] !== 0x2a) return null;
      size ??= { width: u16le(b, data + 6) & 0x3fff, height: u16le(b, data + 8) & 0x3fff };
      image = true;
    } else if (fourCC === 'VP8L') {
      if (length < 5 || b[data] !== 0x2f) return null;
      const bits = u32le(b, data + 1);
      size ??= { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
      image = true;
    } else if (fourCC === 'VP8X') {
      if (!first || length < 10) return null;
      size = { width: u24le(b, data + 4) + 1, height: u24le(b, data + 7) + 1 };
    } else if (fourCC === 'ANMF') {
      image = true;
    } else if (first) return null;
    first = false;
    i = data + length + (length % 2);
  }
  return i === b.length && image && size ? { type: 'image/webp', ...size } : null;
}
