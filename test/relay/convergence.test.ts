import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, newRelay } from './helpers';
import { waitForConvergence, type SimDevice } from './devices';
import { editOffline, expectAllEdits, setUpClassroom } from './scenario';

afterEach(cleanup);

const ORDERS = [
  ['teacher', 'ana', 'ben'],
  ['teacher', 'ben', 'ana'],
  ['ana', 'teacher', 'ben'],
  ['ana', 'ben', 'teacher'],
  ['ben', 'teacher', 'ana'],
  ['ben', 'ana', 'teacher'],
] as const;

describe('offline edits converge whatever order devices come back in', () => {
  it.each(ORDERS)('%s, then %s, then %s', async (...order) => {
    const relay = await newRelay();
    const room = await setUpClassroom(relay);
    editOffline(room);
    const devices: SimDevice[] = order.map((who) => room[who]);
    for (const device of devices) {
      device.goOnline(relay);
      await device.whenSynced();
    }
    await waitForConvergence(devices, (name) => relay.hocuspocus.documents.get(name));
    expectAllEdits(room, (name) => relay.hocuspocus.documents.get(name)!);
    expectAllEdits(room, (name) => room.teacher.docs.get(name)!);
    // Students hold only their own documents, and those have everything too.
    expect([...room.ana.docs.keys()].sort()).toEqual([room.names.class, room.names.coachAna, room.names.planAna].sort());
    await room.teacher.whenStored();
    expectAllEdits(room, (name) => relay.services.documents.read(name)!);
  });
});
