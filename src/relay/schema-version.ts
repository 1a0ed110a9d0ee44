import { SCHEMA_VERSION } from '../core/ydoc/meta';
import { RelayError } from '../protocol/relay-error';

/** The oldest client schema this relay still serves; raise it when old clients would write what newer ones cannot read. */
export const MIN_CLIENT_SCHEMA = 1;
export const MAX_CLIENT_SCHEMA = SCHEMA_VERSION;

/** Null when the relay serves this client; otherwise the refusal (its message always says "update Pathbook"). */
export function checkClientSchema(raw: string | null): RelayError | null {
  const schema = raw !== null && /^\d{1,6}$/.test(raw) ? Number(raw) : null;
  if (schema === null || schema < MIN_CLIENT_SCHEMA) {
    return new RelayError(426, 'schema-too-old', `This device runs an older Pathbook than the relay serves (schema ${raw ?? 'none'}, needs ${MIN_CLIENT_SCHEMA} or newer): update Pathbook on this device to sync.`);
  }
  if (schema > MAX_CLIENT_SCHEMA) {
    return new RelayError(426, 'schema-too-new', `This device runs a newer Pathbook than the relay (schema ${schema}, relay serves up to ${MAX_CLIENT_SCHEMA}): update Pathbook on the relay to sync.`);
  }
  return null;
}
