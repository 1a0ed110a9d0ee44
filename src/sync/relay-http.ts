import * as v from 'valibot';
import { ErrorAnswer } from '../protocol/http-api';
import { RelayError } from '../protocol/relay-error';
import { badAnswer, unreachable } from './relay-error';

export interface CallOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  token?: string | null;
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
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(baseUrl(relayUrl) + path, { method: options.method ?? 'GET', headers, body, signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw unreachable(error);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw badAnswer(response.status, `HTTP ${response.status}, not JSON`);
  }
  if (!response.ok) {
    const parsed = v.safeParse(ErrorAnswer, json);
    if (parsed.success) throw new RelayError(response.status, parsed.output.error, parsed.output.message);
    throw badAnswer(response.status, `HTTP ${response.status}`);
  }
  const parsed = v.safeParse(schema, json);
  if (!parsed.success) {
    const where = parsed.issues.map((i) => `${v.getDotPath(i) ?? 'answer'}: ${i.message}`).slice(0, 3).join('; ');
    throw badAnswer(response.status, `${path.split('?')[0]}: ${where}`);
  }
  return parsed.output;
}
