import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { SCHEMA_VERSION } from '../core';
import { SCHEMA_PARAM, SYNC_PATH } from '../protocol/sync-socket';
import { baseUrl } from './relay-http';

/** The sync socket's URL for a relay's base URL: `ws(s)://host:port/sync?schema=N`. */
export function syncSocketUrl(relayUrl: string): string {
  const url = new URL(`${baseUrl(relayUrl)}${SYNC_PATH}`);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  url.searchParams.set(SCHEMA_PARAM, String(SCHEMA_VERSION));
  return url.toString();
}

export interface SocketOptions {
  relayUrl: string;
  /** A WebSocket class where there is no global one (Node: `ws`). */
  WebSocketPolyfill?: unknown;
  /** Reconnect backoff: first delay and ceiling in ms (default 1 s doubling up to 30 s, with jitter). */
  retry?: { delay?: number; maxDelay?: number };
  /** Close and reopen a socket that has received nothing for this long (default 30 s; the relay's own limit is 60 s). */
  silenceTimeoutMs?: number;
}

export interface SocketEvents {
  open(): void;
  /** The socket closed, or an attempt to open it failed. */
  down(): void;
  connecting(): void;
  received(): void;
}

/** The session's one socket, created without connecting (the session connects when online). */
export function createSessionSocket(options: SocketOptions, events: SocketEvents): HocuspocusProviderWebsocket {
  const delay = options.retry?.delay ?? 1_000;
  const socket = new HocuspocusProviderWebsocket({
    url: syncSocketUrl(options.relayUrl),
    WebSocketPolyfill: options.WebSocketPolyfill,
    autoConnect: false,
    delay,
    minDelay: delay,
    maxDelay: options.retry?.maxDelay ?? 30_000,
    factor: 2,
    jitter: true,
    messageReconnectTimeout: options.silenceTimeoutMs ?? 30_000,
  });
  socket.on('open', () => events.open());
  socket.on('disconnect', () => {
    dropQueuedMessages(socket);
    events.down();
  });
  socket.on('status', ({ status }: { status: string }) => {
    if (status === 'connecting') events.connecting();
  });
  socket.on('message', () => events.received());
  return socket;
}

/**
 * Messages sent while the socket was not open wait in its queue and go out after the next
 * connect, before the documents are authenticated again: the relay would count each as a new
 * document waiting for authentication. Everything in it is redone by the next sync anyway.
 * (`messageQueue` is private in the provider's types; checked before use.)
 */
function dropQueuedMessages(socket: HocuspocusProviderWebsocket): void {
  const queue = (socket as unknown as { messageQueue?: unknown }).messageQueue;
  if (Array.isArray(queue)) queue.length = 0;
}
