/**
 * A refusal with a stable code (for programs) and a sentence (for people). The HTTP API sends it
 * as `{ error: code, message }` with `status`; the sync socket sends `code: message` as the reason
 * a document was refused.
 */
export class RelayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'RelayError';
  }
}
