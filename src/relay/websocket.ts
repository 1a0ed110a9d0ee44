import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Hocuspocus } from '@hocuspocus/server';
import { SYNC_PATH } from '../protocol/sync-socket';
import { requestUrl } from './http/request-url';
import type { LimitedLog } from './log';
import { PRE_AUTH_CONTEXT_KEY, type PreAuthGate, type PreAuthTicket } from './pre-auth-gate';

/** What Hocuspocus reads of the upgrade request; throws on anything `Headers` refuses (the caller answers 400). */
function toWebRequest(req: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return new Request(url, { headers });
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

const UNCOUNTED: PreAuthTicket = { received: () => {}, authenticated: () => {}, closed: () => {} };

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The sync socket at /sync, on the app's own HTTP server, handed to Hocuspocus like its own
 * Server does (but with `ws` directly, so the message size limit and socket errors are ours).
 * A message over `maxPayload` closes that socket with 1009; nobody else is affected.
 */
export function attachSyncSocket(server: HttpServer, hocuspocus: Hocuspocus, options: { maxPayload: number; gate?: PreAuthGate; log?: LimitedLog | null }): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload, perMessageDeflate: false });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    // The host is the client's to choose; only the path and query matter to Hocuspocus.
    const url = requestUrl(req.url);
    if (!url) {
      refuseUpgrade(socket, '400 Bad Request');
      return;
    }
    if (url.pathname !== SYNC_PATH) {
      refuseUpgrade(socket, '404 Not Found');
      return;
    }
    let request: Request;
    try {
      request = toWebRequest(req, url);
    } catch {
      refuseUpgrade(socket, '400 Bad Request');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      // Until one of its documents is authenticated, everything this socket sends is counted at the
      // gate as it arrives (ws buffers a frame whole before handing it on, so counting messages
      // would be too late); a socket over its share is closed and its buffers freed.
      // (Without a gate, e.g. the bare server of the sync benchmark, nothing is counted.)
      const ticket = options.gate?.admit(() => ws.terminate()) ?? UNCOUNTED;
      const count = (chunk: Buffer) => ticket.received(chunk.length);
      socket.on('data', count);
      const context: Record<string, PreAuthTicket> = {
        [PRE_AUTH_CONTEXT_KEY]: {
          received: ticket.received,
          authenticated: () => {
            socket.off('data', count);
            ticket.authenticated();
          },
          closed: ticket.closed,
        },
      };
      const client = hocuspocus.handleConnection(ws, request, context);
      ws.on('message', (data, isBinary) => {
        if (!isBinary) {
          ws.close(1003, 'binary messages only');
          return;
        }
        client.handleMessage(toBytes(data));
      });
      ws.on('close', (code, reason) => {
        ticket.closed();
        client.handleClose({ code, reason: reason.toString() });
      });
      // ws reports oversized and invalid frames here and then closes the socket; without a listener it would throw.
      ws.on('error', (error) => {
        if (!('code' in error) || error.code !== 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') options.log?.warn('socket error', error.message);
      });
    });
  });
  return wss;
}
