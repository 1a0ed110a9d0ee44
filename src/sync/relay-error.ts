import { RelayError } from '../protocol/relay-error';

/**
 * The device's own failure codes for a relay call, beside the relay's (src/protocol/refusal.ts):
 * `unreachable` (no answer at all: offline, wrong address, relay down; status 0) and `bad-answer`
 * (an answer that is not the relay's JSON, e.g. a captive portal's page; the status is kept).
 */
export function unreachable(cause: unknown): RelayError {
  const error = new RelayError(0, 'unreachable', 'The school server could not be reached.');
  (error as { cause?: unknown }).cause = cause;
  return error;
}

export function badAnswer(status: number, detail: string): RelayError {
  return new RelayError(status, 'bad-answer', `The school server gave an answer Pathbook does not understand (${detail}).`);
}
