/**
 * "The relay could not store this document", as a stateless message to the document's
 * connections when a write to its database fails (a full disk), and to each device that connects
 * while it is still unsaved:
 *
 *   {"type":"store-failed"}
 *
 * The relay keeps the document in memory and retries; the next "stored" message (stored-message.ts)
 * ends the trouble for that document. Pure and browser-safe: the relay sends it, src/sync reads it.
 */
export const STORE_FAILED_MESSAGE = '{"type":"store-failed"}';

export function isStoreFailedMessage(payload: string): boolean {
  if (payload === STORE_FAILED_MESSAGE) return true;
  try {
    const value: unknown = JSON.parse(payload);
    return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'store-failed';
  } catch {
    return false;
  }
}
