/**
 * A failed relay call, as the app can word it: `code` is the relay's stable code (`wrong-password`,
 * `class-taken`, `token-expired`...) or one of ours: `unreachable` (no answer at all: offline, wrong
 * address, relay down; status 0) and `bad-answer` (an answer that is not the relay's JSON, e.g. a
 * captive portal's page; the status is kept).
 */
export class RelayError extends Error {
  override name = 'RelayError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function isRelayError(error: unknown): error is RelayError {
  return error instanceof RelayError;
}

export function unreachable(cause: unknown): RelayError {
  const error = new RelayError(0, 'unreachable', 'The school server could not be reached.');
  (error as { cause?: unknown }).cause = cause;
  return error;
}

export function badAnswer(status: number, detail: string): RelayError {
  return new RelayError(status, 'bad-answer', `The school server gave an answer Pathbook does not understand (${detail}).`);
}
