import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { localDb } from '../../src/local/db';
import { BlobRefusedError, blobsToUpload, keepBlob, keepFetchedBlob, markBlobUploaded, MAX_BLOB_BYTES, readBlob, sha256Hex } from '../../src/local/blobs';
import { createProfile, removeProfile, unsyncedSummary } from '../../src/local/profiles';

const photo = (fill: number, size = 1000) => new Uint8Array(size).fill(fill);

async function student(name: string) {
  return createProfile({ role: 'student', displayName: name, language: 'en', classIds: ['class1'], studentId: `s${name.toLowerCase()}` });
}

afterEach(async () => {
  await localDb().blobs.clear();
  await localDb().profiles.clear();
});

describe('photos kept on the device', () => {
  it('names a photo by the sha-256 of its bytes and reads it back', async () => {
    const p = await student('Ana');
    const hash = await keepBlob(p.id, photo(7), 'image/jpeg');
    expect(hash).toBe(await sha256Hex(photo(7)));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const back = await readBlob(p.id, hash);
    expect(back?.type).toBe('image/jpeg');
    expect(new Uint8Array(await back!.arrayBuffer())).toEqual(photo(7));
  });

  it('keeps each profile\'s photos apart, even the same photo', async () => {
    const ana = await student('Ana');
    const leo = await student('Leo');
    const hash = await keepBlob(ana.id, photo(1), 'image/jpeg');
    expect(await readBlob(leo.id, hash)).toBeNull();
    await keepBlob(leo.id, photo(1), 'image/jpeg');
    await markBlobUploaded(ana.id, hash);
    expect(await blobsToUpload(ana.id)).toEqual([]);
    expect((await blobsToUpload(leo.id)).map((b) => b.hash)).toEqual([hash]);
  });

  it('refuses empty and oversized photos and keeps nothing', async () => {
    const p = await student('Ana');
    await expect(keepBlob(p.id, new Uint8Array(0), 'image/jpeg')).rejects.toBeInstanceOf(BlobRefusedError);
    await expect(keepBlob(p.id, photo(1, MAX_BLOB_BYTES + 1), 'image/jpeg')).rejects.toBeInstanceOf(BlobRefusedError);
    expect(await localDb().blobs.count()).toBe(0);
  });

  it('stores a download only when it matches its name', async () => {
    const teacher = await createProfile({ role: 'teacher', displayName: 'Ms R', language: 'en' });
    const hash = await sha256Hex(photo(3));
    await expect(keepFetchedBlob(teacher.id, hash, photo(4).buffer, 'image/jpeg')).rejects.toBeInstanceOf(BlobRefusedError);
    expect(await readBlob(teacher.id, hash)).toBeNull();
    await keepFetchedBlob(teacher.id, hash, photo(3).buffer, 'image/jpeg');
    expect(await readBlob(teacher.id, hash)).not.toBeNull();
    expect(await blobsToUpload(teacher.id)).toEqual([]);
  });

  it('a photo not yet uploaded makes removal unsafe; removing one profile keeps the other\'s photo', async () => {
    const ana = await student('Ana');
    const leo = await student('Leo');
    const hash = await keepBlob(ana.id, photo(9), 'image/jpeg');
    await keepBlob(leo.id, photo(9), 'image/jpeg');
    const before = await unsyncedSummary(ana.id);
    expect(before.unuploadedBlobs).toBe(1);
    expect(before.safeToRemove).toBe(false);
    await markBlobUploaded(ana.id, hash);
    expect((await unsyncedSummary(ana.id)).safeToRemove).toBe(true);
    await removeProfile(ana.id);
    expect(await readBlob(ana.id, hash)).toBeNull();
    expect(await readBlob(leo.id, hash)).not.toBeNull();
  });
});

describe('forgetting a photo that was never used', () => {
  it('removes it while not uploaded, keeps it once the relay has it, and never touches another profile', async () => {
    const { forgetUnusedBlob } = await import('../../src/local/blobs');
    const ana = await student('Ana');
    const leo = await student('Leo');
    const hash = await keepBlob(ana.id, photo(4), 'image/jpeg');
    await keepBlob(leo.id, photo(4), 'image/jpeg');
    await forgetUnusedBlob(ana.id, hash);
    expect(await readBlob(ana.id, hash)).toBeNull();
    expect(await readBlob(leo.id, hash)).not.toBeNull();
    await markBlobUploaded(leo.id, hash);
    await forgetUnusedBlob(leo.id, hash);
    expect(await readBlob(leo.id, hash)).not.toBeNull();
  });
});
