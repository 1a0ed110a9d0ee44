/**
 * Browser-side sync (loaded lazily by the app: never import this from src/local or src/core).
 */
export { SyncSession, type SyncSessionOptions } from './sync-session';
export type { SyncStatus } from './status';
export type { NetworkEvents } from './network';
export type { Refusal } from '../protocol/refusal';
export { readTokenClaims, type TokenClaims } from '../protocol/token-claims';
export { RelayError, isRelayError } from '../protocol/relay-error';
export * as relayApi from './relay-api';
export type * from './relay-api';
