import type { IncomingMessage, ServerResponse } from 'node:http';
import { RelayError } from '../../protocol/relay-error';
import { isStorageError } from '../storage-health';
import { requireJsonType } from './request-checks';

/** Request bodies are small JSON objects; 64 KB is far above any of them. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Reads a JSON body; empty is `undefined`, too large is 413, unreadable is 400. Never a crash. */
export async function readJson(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  // A body that is there must be labelled JSON; no body at all (a bare POST) reads as empty.
  if (declared > 0 || req.headers['transfer-encoding'] !== undefined) requireJsonType(req);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new RelayError(400, 'invalid-json', 'The request body is not valid JSON.');
  }
}

function tooLarge(limit: number): RelayError {
  return new RelayError(413, 'body-too-large', `The request body is larger than ${limit} bytes.`);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** Every error leaves as `{ error, message }`; anything unexpected is logged and reported as 500. */
export function sendError(res: ServerResponse, error: unknown): void {
  if (error instanceof RelayError) {
    sendJson(res, error.status, { error: error.code, message: error.message }, error.headers);
    return;
  }
  if (isStorageError(error)) {
    // A full or failing disk is the relay's trouble, not a bug: say so, and that trying later helps.
    sendJson(res, 503, { error: 'storage-unavailable', message: 'The school server cannot save right now (its disk may be full). Try again later.' }, { 'Retry-After': '30' });
    return;
  }
  console.error('[pathbook] request failed', error);
  sendJson(res, 500, { error: 'internal', message: 'The relay could not complete this request.' });
}
