import type { Hocuspocus } from '@hocuspocus/server';
import { parseDocName } from '../core/doc-names';
import type { SyncContext } from './access';
import type { Principal } from './tokens';

/** Closes the open documents whose principal matches, at once rather than when its token is next checked. */
export function closeConnections(hocuspocus: Hocuspocus, matches: (principal: Principal, documentName: string) => boolean, reason: string): number {
  let closed = 0;
  for (const document of hocuspocus.documents.values()) {
    for (const connection of document.getConnections()) {
      const { principal } = (connection.context ?? {}) as Partial<SyncContext>;
      if (!principal || !matches(principal, document.name)) continue;
      connection.close({ code: 4401, reason });
      closed++;
    }
  }
  return closed;
}

/** A revoked student device: every profile on it in that class. */
export function closeDeviceConnections(hocuspocus: Hocuspocus, classId: string, deviceId: string): number {
  return closeConnections(
    hocuspocus,
    (p) => p.role === 'student' && p.deviceId === deviceId && p.classIds.includes(classId),
    'device-revoked: This device was removed by a teacher.',
  );
}

/** A student who left the roster, on every device. */
export function closeStudentConnections(hocuspocus: Hocuspocus, classId: string, studentId: string): number {
  return closeConnections(
    hocuspocus,
    (p) => p.role === 'student' && p.subject === studentId && p.classIds.includes(classId),
    'device-revoked: This student is no longer on the class list.',
  );
}

/** A revoked teacher device. */
export function closeTeacherDeviceConnections(hocuspocus: Hocuspocus, teacherId: string, deviceId: string): number {
  return closeConnections(
    hocuspocus,
    (p) => p.role === 'teacher' && p.subject === teacherId && p.deviceId === deviceId,
    'device-revoked: This device was removed from the account.',
  );
}

/** A teacher removed from one class: that class's documents only. */
export function closeTeacherClassConnections(hocuspocus: Hocuspocus, teacherId: string, classId: string): number {
  return closeConnections(
    hocuspocus,
    (p, name) => p.role === 'teacher' && p.subject === teacherId && parseDocName(name)?.classId === classId,
    'forbidden: You no longer teach this class.',
  );
}
