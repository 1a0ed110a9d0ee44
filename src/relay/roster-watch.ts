import type { Extension, afterStoreDocumentPayload } from '@hocuspocus/server';
import type { Hocuspocus } from '@hocuspocus/server';
import { parseDocName } from '../core/doc-names';
import type { Devices } from './devices';
import { rosterOf } from './enrolment';
import type { FamilyLinks } from './family';
import type { JoinRequests } from './join-requests';
import { closeStudentConnections } from './revoke-connections';
import type { Students } from './students';

export interface RosterDeps {
  students: Students;
  devices: Devices;
  family: FamilyLinks;
  requests: JoinRequests;
}

/**
 * A student the teacher took off the roster (archived or deleted) loses everything at once: their
 * devices are revoked (tokens stop working and cannot be renewed, open documents close), their
 * family links stop opening, and nothing of theirs stays waiting for approval. Putting them back
 * on the roster does not undo this: their device must ask again, and the teacher makes new links.
 */
export function endAccessOfRemoved(hocuspocus: Hocuspocus, deps: RosterDeps, classId: string, onRoster: ReadonlySet<string>): string[] {
  const known = new Set([...deps.students.enrolledIn(classId), ...deps.family.linkedStudents(classId)]);
  const removed = [...known].filter((id) => !onRoster.has(id));
  for (const studentId of removed) {
    deps.students.markRemoved(classId, studentId);
    deps.devices.revokeStudent(classId, studentId);
    deps.family.revokeAllFor(classId, studentId);
    deps.requests.declineAllFor(classId, studentId);
    closeStudentConnections(hocuspocus, classId, studentId);
  }
  return removed;
}

/** Runs after each write of a class document (the roster lives there). */
export function rosterWatch(deps: RosterDeps): Extension {
  return {
    extensionName: 'PathbookRosterWatch',
    async afterStoreDocument({ documentName, document, instance }: afterStoreDocumentPayload): Promise<void> {
      const ref = parseDocName(documentName);
      if (ref?.kind !== 'class') return;
      const onRoster = new Set(rosterOf(document).map((s) => s.id));
      endAccessOfRemoved(instance, deps, ref.classId, onRoster);
    },
  };
}
