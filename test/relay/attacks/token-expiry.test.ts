import { afterEach, describe, expect, it } from 'vitest';
import { docName } from '../../../src/core';
import { cleanup, newClass, newRelay, newTeacher, waitFor } from '../helpers';
import { rawSyncClient, updateFrame } from './raw-sync';
import { updateOn } from './student-plan';

afterEach(cleanup);

describe('a socket opened before its token expired', () => {
  it('cannot write after the expiry', async () => {
    // Teacher tokens live 3 s here; a second teacher with a normal token watches.
    const relay = await newRelay({ teacherTokenDays: 3 / 86_400 });
    const teacher = await newTeacher(relay);
    const { classId } = await newClass(relay, teacher);
    const name = docName({ kind: 'class', classId });
    const me = await fetch(`${relay.url}/api/me`, { headers: { authorization: `Bearer ${teacher.token}` } }).then((r) => r.json() as Promise<{ expiresAt: number }>);

    const client = await rawSyncClient(relay);
    await client.authenticate(name, teacher.token);
    const live = relay.hocuspocus.documents.get(name)!;
    client.ws.send(updateFrame(name, updateOn(live, (d) => d.getMap('probe').set('in-time', true))));
    await waitFor(() => live.getMap('probe').get('in-time') === true, { timeout: 15_000 });

    await waitFor(() => Date.now() > me.expiresAt + 100, { timeout: 15_000, interval: 100 });
    client.ws.send(updateFrame(name, updateOn(live, (d) => d.getMap('probe').set('too-late', true))));
    await waitFor(() => client.closeReasons.length > 0, { timeout: 15_000 });
    expect(client.closeReasons).toEqual(['token-expired']);
    expect(live.getMap('probe').has('too-late')).toBe(false);
    expect((await fetch(`${relay.url}/api/health`)).status).toBe(200);
  }, 30_000);
});
