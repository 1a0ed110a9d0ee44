import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { parseRefusal } from '../../../src/protocol/refusal';
import { onCleanup, waitFor } from '../helpers';

/** Hocuspocus message types this file writes or reads. */
export const MSG = { sync: 0, awareness: 1, auth: 2, close: 7, syncStatus: 8 } as const;

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

export const authFrame = (name: string, token: string) =>
  frame((e) => {
    encoding.writeVarString(e, name);
    encoding.writeVarUint(e, MSG.auth);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, token);
  });

export const updateFrame = (name: string, update: Uint8Array) =>
  frame((e) => {
    encoding.writeVarString(e, name);
    encoding.writeVarUint(e, MSG.sync);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
  });

export const awarenessFrame = (name: string, awarenessUpdate: Uint8Array) =>
  frame((e) => {
    encoding.writeVarString(e, name);
    encoding.writeVarUint(e, MSG.awareness);
    encoding.writeVarUint8Array(e, awarenessUpdate);
  });

/** A bare sync socket that records the type of every frame it gets, and the refusal code of each Close message. */
export async function rawSyncClient(relay: { wsUrl: string }) {
  const ws = new WebSocket(relay.wsUrl);
  const types: number[] = [];
  const closeReasons: string[] = [];
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    types.push(type);
    // The relay's reason is `code: sentence`; tests compare the code.
    if (type === MSG.close) closeReasons.push(parseRefusal(decoding.readVarString(d)).code);
  });
  ws.on('error', () => {});
  onCleanup(() => ws.terminate());
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return {
    ws,
    types,
    closeReasons,
    /** Authenticates one document and waits for the relay's answer. */
    async authenticate(name: string, token: string) {
      const before = types.length;
      ws.send(authFrame(name, token));
      await waitFor(() => types.length > before, { timeout: 15_000 });
    },
  };
}
