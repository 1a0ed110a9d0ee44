import type { Hocuspocus } from '@hocuspocus/server';
import type { RelayConfig } from './config';
import type { Accounts } from './accounts';
import type { Classes } from './classes';
import type { Devices } from './devices';
import type { Documents } from './documents';
import type { Enrolment } from './enrolment';
import type { FamilyLinks } from './family';
import type { Tokens } from './tokens';
import type { StorageHealth } from './storage-health';
import type { JoinRequests } from './join-requests';
import type { Invitations } from './invitations';
import type { Students } from './students';

/** Everything the HTTP routes and the sync extensions use, built once in relay.ts. */
export interface RelayServices {
  config: RelayConfig;
  hocuspocus: Hocuspocus;
  tokens: Tokens;
  accounts: Accounts;
  classes: Classes;
  devices: Devices;
  documents: Documents;
  enrolment: Enrolment;
  family: FamilyLinks;
  /** Whether the relay can write to its disk (health endpoint, sync status). */
  storage: StorageHealth;
  requests: JoinRequests;
  invitations: Invitations;
  students: Students;
}
