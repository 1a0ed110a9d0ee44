import WebSocket, { type RawData } from 'ws';

/** WebSocket payload bytes the devices sent and received (frames' contents, not TCP overhead). */
export interface ByteCounter {
  up: number;
  down: number;
  /** Sockets opened; more than one per device means a device had to reconnect. */
  sockets: number;
}

const sizeOf = (data: RawData | ArrayBufferView | ArrayBuffer | string): number => {
  if (typeof data === 'string') return Buffer.byteLength(data);
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.byteLength, 0);
  return data.byteLength;
};

/** A `ws` WebSocket class for HocuspocusProviderWebsocket's WebSocketPolyfill that counts into `counter`. */
export function countingWebSocket(counter: ByteCounter): new (address: string | URL) => WebSocket {
  return class CountingWebSocket extends WebSocket {
    constructor(address: string | URL) {
      super(address);
      counter.sockets++;
      this.on('message', (data: RawData) => (counter.down += sizeOf(data)));
      // Wrapped rather than overridden: `send` is overloaded, and only its first argument matters here.
      const send = this.send.bind(this) as (...args: unknown[]) => void;
      this.send = ((data: ArrayBufferView, ...rest: unknown[]) => {
        counter.up += sizeOf(data);
        send(data, ...rest);
      }) as WebSocket['send'];
    }
  };
}
