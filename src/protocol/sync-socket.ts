/**
 * The sync socket (PROTOCOL.md, "Sync socket"): `ws(s)://<relay>/sync?schema=<SCHEMA_VERSION>`,
 * Hocuspocus's protocol on top, every document authenticated with the device's token.
 */
export const SYNC_PATH = '/sync';
/** The query parameter that carries the client's document schema version. */
export const SCHEMA_PARAM = 'schema';
