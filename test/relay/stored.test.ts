import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docName } from '../../src/core';
import { openDatabase } from '../../src/relay/db/open';
import { DocumentRows } from '../../src/relay/persistence';
import { parseStoredMessage, storedCovers, storedMessageFor, storedMessageOf } from '../../src/protocol/stored-message';
import { cleanup, connectDoc, newClass, newRelay, newTeacher, waitFor } from './helpers';
import { join } from 'node:path';

afterEach(cleanup);

function replica(from?: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  if (from) Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  return doc;
}

describe('storedCovers (pure)', () => {
  it('covers exactly the states contained in what was written, deletions included', () => {
    const device = new Y.Doc();
    const text = device.getText('note');
    text.insert(0, 'hello world');
    const written = storedMessageFor(Y.encodeStateAsUpdate(device));
    expect(storedCovers(written, device)).toBe(true);
    expect(storedCovers(written, replica(device))).toBe(true);

    device.getMap('m').set('k', 1);
    expect(storedCovers(written, device)).toBe(false);

    const afterInsert = storedMessageFor(Y.encodeStateAsUpdate(device));
    const svBefore = Y.encodeStateVector(device);
    text.delete(0, 6);
    // A pure deletion leaves the state vector where it was: only the delete set shows it.
    expect(Y.encodeStateVector(device)).toEqual(svBefore);
    expect(storedCovers(afterInsert, device)).toBe(false);
    expect(storedCovers(storedMessageFor(Y.encodeStateAsUpdate(device)), device)).toBe(true);
  });

  it('a state holding edits from elsewhere still covers a device that has only part of them', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getMap('m').set('a', 1);
    b.getMap('m').set('b', 2);
    const relay = replica(a);
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(b));
    const message = storedMessageFor(Y.encodeStateAsUpdate(relay));
    expect(storedCovers(message, a)).toBe(true);
    expect(storedCovers(message, b)).toBe(true);
    expect(storedCovers(storedMessageFor(Y.encodeStateAsUpdate(a)), b)).toBe(false);
  });

  it('from a document or from its encoded state, the message is the same', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'abcdef');
    doc.getText('t').delete(1, 2);
    doc.getMap('m').set('k', 'v');
    expect(storedMessageOf(doc)).toEqual(storedMessageFor(Y.encodeStateAsUpdate(doc)));
  });

  it('never treats garbage as covering', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('x', 1);
    expect(parseStoredMessage('not json')).toBeNull();
    expect(parseStoredMessage('{"type":"other"}')).toBeNull();
    expect(storedCovers({ type: 'stored', sv: '!!!', ds: '###' }, doc)).toBe(false);
  });
});

describe('the stored message from the relay', () => {
  it('arrives after the document is on disk and covers the client state then', async () => {
    const relay = await newRelay({ saveDebounceMs: 300, saveMaxDebounceMs: 1000 });
    const teacher = await newTeacher(relay);
    const cls = await newClass(relay, teacher);
    const name = docName({ kind: 'staff', classId: cls.classId });
    const conn = await connectDoc(relay, name, teacher.token);
    await conn.whenSynced();
    const before = conn.stored.length;
    conn.doc.getText('note').insert(0, 'Ana needs glasses checked');
    await conn.whenSynced();
    // Acknowledged but not yet saved: nothing newer than the edit is claimed.
    expect(conn.stored.slice(before).some((m) => storedCovers(m, conn.doc))).toBe(false);
    const message = await conn.whenStored();
    const onDisk = new DocumentRows(relay.db).load(name)!;
    expect(onDisk.getText('note').toString()).toBe('Ana needs glasses checked');
    expect(Y.encodeStateVector(onDisk)).toEqual(new Uint8Array(Buffer.from(message.sv, 'base64')));
  });

  it('a deletion is only "stored" once the deletion is written', async () => {
    const relay = await newRelay({ saveDebounceMs: 200 });
    const teacher = await newTeacher(relay);
    const cls = await newClass(relay, teacher);
    const conn = await connectDoc(relay, docName({ kind: 'staff', classId: cls.classId }), teacher.token);
    await conn.whenSynced();
    conn.doc.getText('note').insert(0, 'private: remove this');
    await conn.whenStored();
    const count = conn.stored.length;
    conn.doc.getText('note').delete(0, 9);
    await conn.whenSynced();
    expect(conn.stored.every((m) => !storedCovers(m, conn.doc))).toBe(true);
    await conn.whenStored();
    expect(conn.stored.length).toBeGreaterThan(count);
  });

  it('a device with nothing new learns on connecting that the relay has stored all it holds', async () => {
    const relay = await newRelay();
    const teacher = await newTeacher(relay);
    const cls = await newClass(relay, teacher);
    const name = docName({ kind: 'staff', classId: cls.classId });
    const first = await connectDoc(relay, name, teacher.token);
    first.doc.getMap('notes').set('n1', 'x');
    await first.whenStored();
    first.provider.destroy();
    await waitFor(() => !relay.hocuspocus.documents.has(name));
    // Loaded again from disk for the next device, which already holds everything.
    const again = await connectDoc(relay, name, teacher.token, replica(first.doc));
    await again.whenStored(1_000);
  });
});

describe('shutdown', () => {
  it('close() writes edits still waiting in the save debounce', async () => {
    const relay = await newRelay({ saveDebounceMs: 60_000, saveMaxDebounceMs: 120_000 });
    const teacher = await newTeacher(relay);
    const cls = await newClass(relay, teacher);
    const name = docName({ kind: 'staff', classId: cls.classId });
    const conn = await connectDoc(relay, name, teacher.token);
    await conn.whenSynced();
    conn.doc.getMap('notes').set('n1', 'written before shutdown');
    await conn.whenSynced();
    expect(relay.hocuspocus.debouncer.isDebounced(`onStoreDocument-${name}`)).toBe(true);
    await relay.close();
    const db = openDatabase(join(relay.dataDir, 'pathbook.sqlite'));
    try {
      expect(new DocumentRows(db).load(name)!.getMap('notes').get('n1')).toBe('written before shutdown');
    } finally {
      db.close();
    }
  });

  it('the last connection leaving writes the document without waiting for the debounce', async () => {
    const relay = await newRelay({ saveDebounceMs: 60_000, saveMaxDebounceMs: 120_000 });
    const teacher = await newTeacher(relay);
    const cls = await newClass(relay, teacher);
    const name = docName({ kind: 'staff', classId: cls.classId });
    const conn = await connectDoc(relay, name, teacher.token);
    await conn.whenSynced();
    conn.doc.getMap('notes').set('n1', 'leaving now');
    await conn.whenSynced();
    conn.provider.destroy();
    await waitFor(() => new DocumentRows(relay.db).load(name)?.getMap('notes').get('n1') === 'leaving now');
  });
});
