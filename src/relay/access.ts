import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { parseDocName } from '../core/doc-names';
import { RelayError } from '../protocol/relay-error';
import { formatRefusal } from '../protocol/refusal';
import { decideAccess, type Access } from './access-rules';
import { SCHEMA_PARAM } from '../protocol/sync-socket';
import { checkClientSchema } from './schema-version';
import type { Classes } from './classes';
import type { Students } from './students';
import type { Principal, Tokens } from './tokens';

/** Added to each connection's Hocuspocus context once it is authenticated. */
export interface SyncContext {
  principal: Principal;
  access: Access;
}

/**
 * The reason a refused document reaches the client as: `code: sentence`. Hocuspocus sends
 * `error.reason` in its permission-denied message; a plain object (not an Error) keeps it from
 * also printing every refusal, so the relay logs them once, its own way.
 */
function refusal(error: unknown): { reason: string } {
  if (error instanceof RelayError) return { reason: formatRefusal(error) };
  console.error('[pathbook] access check failed', error);
  return { reason: 'internal: the relay could not check access; try again later.' };
}

/** Per-document access for the sync socket, denied by default (runs before any document is loaded). */
export function accessControl(deps: { tokens: Tokens; classes: Classes; students: Students; quiet: boolean }): Extension {
  return {
    extensionName: 'PathbookAccess',
    priority: 1000,
    async onAuthenticate(data: onAuthenticatePayload): Promise<SyncContext> {
      try {
        const schemaProblem = checkClientSchema(data.requestParameters.get(SCHEMA_PARAM));
        if (schemaProblem) throw schemaProblem;
        const ref = parseDocName(data.documentName);
        if (!ref) throw new RelayError(404, 'unknown-document', `"${data.documentName.slice(0, 100)}" is not a Pathbook document name.`);
        const principal = await deps.tokens.verify(data.token);
        const access = decideAccess(ref, principal, {
          teachesClass: principal.role === 'teacher' && deps.classes.isTeacher(ref.classId, principal.subject),
          enrolledInClass: principal.role === 'student' && deps.students.isEnrolled(ref.classId, principal.subject),
        });
        if (access === 'none') throw new RelayError(403, 'forbidden', `This account may not open ${data.documentName}.`);
        data.connectionConfig.readOnly = access === 'read';
        return { principal, access };
      } catch (error) {
        const refused = refusal(error);
        if (!deps.quiet) console.warn(`[pathbook] refused ${data.documentName.slice(0, 100)}: ${refused.reason}`);
        // Hocuspocus reads `.reason` from whatever is thrown (see refusal()).
        throw refused;
      }
    },
  };
}
