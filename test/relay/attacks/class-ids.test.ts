import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../../src/core';
import { newClassId } from '../../../src/core/class-ids';
import { api, cleanup, newRelay, newTeacher } from '../helpers';

afterEach(cleanup);

describe('attack: taking a class id before its owner connects it', () => {
  it('a class id made on a teacher\'s device can only be connected first from that device', async () => {
    const relay = await newRelay();
    const owner = await newTeacher(relay);
    const squatter = await newTeacher(relay, 'Someone else');
    const classId = await newClassId(owner.deviceId);

    const taken = await api(relay, 'POST', '/api/classes', { token: squatter.token, body: { classId, name: 'mine now' } });
    expect(taken).toMatchObject({ status: 403, body: { error: 'class-not-yours' } });
    // The same account signed in on another device cannot either: the id is bound to the device.
    const otherDevice = await api(relay, 'POST', '/api/auth/signin', { body: { email: owner.email, password: owner.password, deviceId: newId() } });
    expect((await api(relay, 'POST', '/api/classes', { token: otherDevice.body.token, body: { classId, name: '7B' } })).status).toBe(403);

    const connected = await api(relay, 'POST', '/api/classes', { token: owner.token, body: { classId, name: '7B' } });
    expect(connected).toMatchObject({ status: 201, body: { classId, created: true } });
    // Once connected, the owner's other devices reconnect it as usual; strangers still cannot.
    expect((await api(relay, 'POST', '/api/classes', { token: otherDevice.body.token, body: { classId, name: '7B' } })).status).toBe(200);
    expect((await api(relay, 'POST', '/api/classes', { token: squatter.token, body: { classId, name: 'x' } })).status).toBe(409);
  });
});
