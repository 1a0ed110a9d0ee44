import * as v from 'valibot';
import { ErrorAnswer } from '../protocol/http-api';
import { RelayError } from '../protocol/relay-error';
import { badAnswer, unreachable } from './relay-error';

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  token?: string | null;
  /** Sent as JSON, or as it is when a Blob (a photo: its type is the Blob's). */
  body?: unknown;
  /** For tests and callers that cancel (a screen closed). */
  signal?: AbortSignal;
}

/** The relay's base URL without trailing slashes (`http(s)://host:port`). */
export function baseUrl(relayUrl: string): string {
  return relayUrl.replace(/\/+$/, '');
}

/**
 * One JSON call to the relay's API. Resolves with the answer checked against `schema`; rejects
 * with a RelayError: the relay's own `{ error, message }`, `unreachable` when nothing answered,
 * `bad-answer` when what answered is not the relay's JSON or not the expected shape.
 */
export async function relayCall<S extends v.GenericSchema>(relayUrl: string, path: string, schema: S, options: CallOptions = {}): Promise<v.InferOutput<S>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await send(relayUrl, path, headers, options);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw badAnswer(response.status, `HTTP ${response.status}, not JSON`);
  }
  if (!response.ok) throw refusal(response.status, json);
  const parsed = v.safeParse(schema, json);
  if (!parsed.success) {
    const where = parsed.issues.map((i) => `${v.getDotPath(i) ?? 'answer'}: ${i.message}`).slice(0, 3).join('; ');
    throw badAnswer(response.status, `${path.split('?')[0]}: ${where}`);
  }
  return parsed.output;
}

/** Raw bytes from the relay (a photo): the body and its type, or a RelayError as for relayCall. */
export async function relayBytes(relayUrl: string, path: string, options: Omit<CallOptions, 'body' | 'method'> = {}): Promise<{ bytes: ArrayBuffer; type: string }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await send(relayUrl, path, headers, options);
  if (!response.ok) {
    let json: unknown = null;
    try {
      json = await response.json();
    } catch {
      // Not the relay's JSON: worded as a bad answer below.
    }
    throw refusal(response.status, json);
  }
  try {
    return { bytes: await response.arrayBuffer(), type: response.headers.get('content-type') ?? 'application/octet-stream' };
  } catch (error) {
    throw unreachable(error);
  }
}

async function send(relayUrl: string, path: string, headers: Record<string, string>, options: CallOptions): Promise<Response> {
  let body: BodyInit | undefined;
  if (options.body instanceof Blob) {
    headers['content-type'] = options.body.type || 'application/octet-stream';
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  try {
    return await fetch(baseUrl(relayUrl) + path, { method: options.method ?? 'GET', headers, body, signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw unreachable(error);
  }
}

/** The relay's `{ error, message }` as a RelayError, or a bad answer when it is not that. */
function refusal(status: number, json: unknown): RelayError {
  const parsed = v.safeParse(ErrorAnswer, json);
  if (parsed.success) return new RelayError(status, parsed.output.error, parsed.output.message);
  return badAnswer(status, `HTTP ${status}`);
}
