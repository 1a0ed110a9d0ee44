/**
 * A refusal with a stable code (for programs) and a sentence (for people). The relay throws it and
 * sends it over HTTP as `{ error: code, message }` with `status`, and over the sync socket as the
 * `code: message` reason a document was refused (refusal.ts). The device rebuilds it from those
 * answers, adding two codes of its own (src/sync/relay-error.ts): `unreachable` (status 0) and
 * `bad-answer`.
 */
export class RelayError extends Error {
  override name = 'RelayError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers the relay sends with it (`Allow` on a 405). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function isRelayError(error: unknown): error is RelayError {
  return error instanceof RelayError;
}
