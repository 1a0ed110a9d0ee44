import { expect } from 'vitest';
import { docName, newId } from '../../../src/core';
import { connectDoc, newDevice, waitFor, type RelayAddress, type TestTeacher } from '../helpers';

/**
 * A well-behaved device still gets served: it opens its class document, makes an edit, the relay
 * says it stored it, and a second device downloads it. Works for an in-process or a child relay.
 */
export async function expectDeviceSyncs(relay: RelayAddress, teacher: Pick<TestTeacher, 'token'>, classId: string, timeout = 20_000): Promise<number> {
  const started = Date.now();
  const name = docName({ kind: 'class', classId });
  const writer = await connectDoc(relay, name, teacher.token);
  expect(writer.result).toMatchObject({ kind: 'authenticated' });
  await writer.whenSynced(timeout);
  const marker = newId();
  writer.doc.getMap('probe').set(marker, true);
  await writer.whenStored(timeout);
  const reader = newDevice(relay).open(name, teacher.token);
  await waitFor(() => reader.doc.getMap('probe').get(marker) === true, { timeout });
  return Date.now() - started;
}
