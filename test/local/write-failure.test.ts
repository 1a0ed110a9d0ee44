import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { docName, planDocument, type DocRef } from '../../src/core';
import { DocStore, UnsavedChangesError } from '../../src/local/doc-store';
import type { StorageProblem } from '../../src/local/types';
import { profileId, sleep, waitUntil } from './helpers';

const ref: DocRef = { kind: 'plan', classId: 'class1', studentId: 'stud1' };
const name = docName(ref);
const addGoal = (doc: import('yjs').Doc, title: string) =>
  planDocument(doc).goals.add({ title, startDate: '2026-09-01', targetDate: '2026-12-01', createdAt: 1 });
const titles = (doc: import('yjs').Doc) => planDocument(doc).goals.list().map((g) => g.title).sort();

afterEach(() => {
  vi.restoreAllMocks();
});

describe('write failures', () => {
  it('reports a full disk as quota, keeps the edit in memory, refuses to close, and writes it once space is back', async () => {
    const pid = profileId();
    const store = new DocStore(pid);
    const problems: StorageProblem[] = [];
    store.onStorageError((p) => problems.push(p));
    const local = store.open(ref);
    await local.whenLoaded;

    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    addGoal(local.doc, 'Written while full');
    await waitUntil(() => expect(problems.length).toBeGreaterThan(0));
    expect(problems[0]).toMatchObject({ kind: 'quota', profileId: pid, docName: name });
    expect(problems[0]!.unsavedUpdates).toBeGreaterThanOrEqual(1);
    expect(local.unsavedUpdates()).toBe(1);
    expect(titles(local.doc)).toEqual(['Written while full']);

    await expect(store.close(name)).rejects.toBeInstanceOf(UnsavedChangesError);
    expect(store.get(name)).toBe(local);

    add.mockRestore();
    expect(await store.flush()).toBe(true);
    expect(local.unsavedUpdates()).toBe(0);
    await store.closeAll();

    const again = new DocStore(pid);
    const reopened = again.open(ref);
    await reopened.whenLoaded;
    expect(titles(reopened.doc)).toEqual(['Written while full']);
    await again.closeAll();
  });

  it('retries on its own after a failed write', async () => {
    const pid = profileId();
    const store = new DocStore(pid);
    store.onStorageError(() => {});
    const local = store.open(ref);
    await local.whenLoaded;
    let failures = 0;
    const original = IDBObjectStore.prototype.add;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (failures++ === 0) throw new DOMException('full', 'QuotaExceededError');
      return original.apply(this, args);
    });
    addGoal(local.doc, 'Retried');
    await waitUntil(() => expect(local.unsavedUpdates()).toBe(0));
    expect(failures).toBeGreaterThanOrEqual(2);
    await store.closeAll();
  });

  it('works in memory when IndexedDB is unavailable and says so', async () => {
    const pid = profileId();
    const saved = globalThis.indexedDB;
    const store = new DocStore(pid);
    const problems: StorageProblem[] = [];
    store.onStorageError((p) => problems.push(p));
    // @ts-expect-error: simulating a browser mode without IndexedDB
    delete globalThis.indexedDB;
    try {
      const local = store.open(ref);
      const report = await local.whenLoaded;
      expect(report.failed).toBe('unavailable');
      addGoal(local.doc, 'In memory only');
      await sleep(10);
      expect(titles(local.doc)).toEqual(['In memory only']);
      expect(local.unsavedUpdates()).toBe(1);
      expect(problems.some((p) => p.kind === 'unavailable' && p.docName !== null)).toBe(true);
      await expect(store.close(name)).rejects.toBeInstanceOf(UnsavedChangesError);
    } finally {
      globalThis.indexedDB = saved;
      await store.discard();
    }
  });
});
