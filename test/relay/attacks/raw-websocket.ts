import { connect, type Socket } from 'node:net';
import * as encoding from 'lib0/encoding';

/**
 * WebSocket clients made by hand on raw TCP, so a test can push many megabytes from hundreds of
 * sockets without allocating them per socket: every socket writes the same frame buffer.
 */

/** One masked binary frame (mask key 0, so the payload is sent as is) holding `payload`. */
export function binaryFrame(payload: Uint8Array): Buffer {
  const head = Buffer.alloc(14);
  head[0] = 0x82; // FIN, binary
  let length: number;
  if (payload.length < 126) {
    head[1] = 0x80 | payload.length;
    length = 2;
  } else if (payload.length < 65536) {
    head[1] = 0x80 | 126;
    head.writeUInt16BE(payload.length, 2);
    length = 4;
  } else {
    head[1] = 0x80 | 127;
    head.writeBigUInt64BE(BigInt(payload.length), 2);
    length = 10;
  }
  // Then a 4-byte mask key of zeros.
  return Buffer.concat([head.subarray(0, length + 4), payload]);
}

/** A Hocuspocus sync-update message for `documentName`, `size` bytes long in all (the update is zeros). */
export function syncUpdateMessage(documentName: string, size: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, documentName);
  encoding.writeVarUint(e, 0); // sync
  encoding.writeVarUint(e, 2); // update
  const head = encoding.toUint8Array(e);
  const lengthBytes = 5;
  const updateLength = size - head.length - lengthBytes;
  const message = new Uint8Array(size);
  message.set(head);
  // varUint padded to 5 bytes, so the message is exactly `size` bytes.
  let n = updateLength;
  for (let i = 0; i < lengthBytes; i++) {
    message[head.length + i] = (n & 0x7f) | (i < lengthBytes - 1 ? 0x80 : 0);
    n = Math.floor(n / 128);
  }
  return message;
}

export interface RawSocket {
  socket: Socket;
  /** Resolves when the relay (or an error) closes the connection. */
  closed: Promise<void>;
  isClosed(): boolean;
}

/** Opens /sync and resolves once the relay answered 101, or rejects with what it answered. */
export function openRawSocket(port: number, path = '/sync?schema=1', timeout = 30_000): Promise<RawSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let closedFlag = false;
    const closed = new Promise<void>((r) => socket.once('close', () => { closedFlag = true; r(); }));
    socket.on('error', () => {});
    const timer = setTimeout(() => { socket.destroy(); reject(new Error('no upgrade answer')); }, timeout);
    let head = '';
    const onData = (d: Buffer) => {
      head += d.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      clearTimeout(timer);
      if (head.startsWith('HTTP/1.1 101')) resolve({ socket, closed, isClosed: () => closedFlag });
      else { socket.destroy(); reject(new Error(head.split('\r\n')[0])); }
    };
    socket.on('data', onData);
    void closed.then(() => { clearTimeout(timer); reject(new Error('closed before the upgrade')); });
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: relay\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    );
  });
}

/** Writes `frame` `times` times; resolves when written or when the relay closed the socket. */
export function writeFrames(raw: RawSocket, frame: Buffer, times: number): Promise<void> {
  return new Promise((resolve) => {
    let left = times;
    const next = () => {
      if (raw.isClosed() || left === 0) return resolve();
      left--;
      raw.socket.write(frame, () => next());
    };
    void raw.closed.then(() => resolve());
    next();
  });
}
