import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import Database from 'better-sqlite3';
import { planDocument } from '../../src/core';
import { DocumentRows } from '../../src/relay/persistence';
import type { Db } from '../../src/relay/db/open';
import { cleanup, tempDir } from './helpers';
import { spawnRelay } from './child-relay';
import { contentOf, type SimDevice } from './devices';
import { editOffline, expectAllEdits, setUpClassroom } from './scenario';

afterEach(cleanup);

function readStored(dataDir: string): { load(name: string): Y.Doc | null; close(): void } {
  const db = new Database(join(dataDir, 'pathbook.sqlite'), { readonly: true }) as Db;
  const rows = new DocumentRows(db);
  return { load: (name) => rows.load(name), close: () => db.close() };
}

describe('a relay killed inside the save debounce', () => {
  it('loses nothing any device holds once the devices reconnect', async () => {
    const dataDir = await tempDir();
    // A wide save window (the default is 2 s) so a loaded test machine still kills inside it.
    const first = await spawnRelay(dataDir, 0, { PATHBOOK_SAVE_DEBOUNCE_MS: '5000', PATHBOOK_SAVE_MAX_DEBOUNCE_MS: '10000' });
    const room = await setUpClassroom(first);
    editOffline(room);
    const devices: SimDevice[] = [room.teacher, room.ana, room.ben];
    const started = Date.now();
    for (const device of devices) device.goOnline(first);
    await Promise.all(devices.map((d) => d.whenSynced()));
    // Every edit is acknowledged (applied in the relay's memory), and the save has not run yet.
    expect(Date.now() - started).toBeLessThan(4_000);
    first.process.kill('SIGKILL');
    expect(await first.exited).toBeNull();

    const afterCrash = readStored(dataDir);
    const lostPlan = afterCrash.load(room.names.planAna)!;
    expect(planDocument(lostPlan).reflections.get('reflecta')).toBeNull();
    afterCrash.close();

    // Same data dir, same port: the devices' providers reconnect by themselves.
    const second = await spawnRelay(dataDir, first.port);
    await Promise.all(devices.map((d) => d.whenStored(20_000)));
    for (const name of room.teacher.docs.keys()) {
      const replicas = devices.filter((d) => d.docs.has(name)).map((d) => contentOf(d.docs.get(name)!));
      expect(new Set(replicas).size).toBe(1);
    }
    second.process.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    const stored = readStored(dataDir);
    try {
      expectAllEdits(room, (name) => stored.load(name)!);
    } finally {
      stored.close();
    }
  });

  it('SIGTERM writes pending documents before exiting', async () => {
    const dataDir = await tempDir();
    const relay = await spawnRelay(dataDir, 0, { PATHBOOK_SAVE_DEBOUNCE_MS: '60000', PATHBOOK_SAVE_MAX_DEBOUNCE_MS: '120000' });
    const room = await setUpClassroom(relay);
    editOffline(room);
    for (const device of [room.teacher, room.ana, room.ben]) device.goOnline(relay);
    await Promise.all([room.teacher, room.ana, room.ben].map((d) => d.whenSynced()));
    relay.process.kill('SIGTERM');
    expect(await relay.exited).toBe(0);
    expect(relay.output()).toContain('SIGTERM: writing pending documents');
    const stored = readStored(dataDir);
    try {
      expectAllEdits(room, (name) => stored.load(name)!);
    } finally {
      stored.close();
    }
  });
});
