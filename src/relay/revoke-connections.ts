import type { Hocuspocus } from '@hocuspocus/server';
import type { SyncContext } from './access';

/** Closes the open documents of a revoked device at once, rather than when its token is next checked. */
export function closeDeviceConnections(hocuspocus: Hocuspocus, classId: string, deviceId: string): number {
  let closed = 0;
  for (const document of hocuspocus.documents.values()) {
    for (const connection of document.getConnections()) {
      const { principal } = (connection.context ?? {}) as Partial<SyncContext>;
      if (principal?.role !== 'student' || principal.deviceId !== deviceId || !principal.classIds.includes(classId)) continue;
      connection.close({ code: 4401, reason: 'device-revoked: This device was removed by a teacher.' });
      closed++;
    }
  }
  return closed;
}
