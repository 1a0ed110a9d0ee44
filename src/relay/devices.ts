import type { Db } from './db/open';
import type { StorageHealth } from './storage-health';

export type Role = 'teacher' | 'student';

/** Who a token speaks for on one device. `classId` is '' for a teacher. */
export interface DeviceKey {
  deviceId: string;
  role: Role;
  subject: string;
  classId: string;
}

export interface ClassDevice {
  deviceId: string;
  studentId: string;
  displayName: string | null;
  createdAt: number;
  lastSeenAt: number;
  revokedAt: number | null;
}

/** Only touch last_seen_at this often: a teacher opening 80 documents should not write 80 rows. */
const SEEN_RESOLUTION_MS = 60_000;

/** The devices table: every sign-in or enrolment of a person on a device, and its revocation. */
export class Devices {
  private readonly find;
  private readonly insert;
  private readonly touch;
  private readonly listClass;
  private readonly revokeClass;

  constructor(
    db: Db,
    private readonly health?: StorageHealth,
  ) {
    const where = 'device_id = ? AND role = ? AND subject = ? AND class_id = ?';
    this.find = db.prepare<[string, string, string, string], { last_seen_at: number; revoked_at: number | null }>(
      `SELECT last_seen_at, revoked_at FROM devices WHERE ${where}`,
    );
    this.insert = db.prepare(
      'INSERT INTO devices (device_id, role, subject, class_id, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.touch = db.prepare(`UPDATE devices SET last_seen_at = ? WHERE ${where}`);
    this.listClass = db.prepare<[string], ClassDevice>(`
      SELECT d.device_id AS deviceId, d.subject AS studentId, s.display_name AS displayName,
             d.created_at AS createdAt, d.last_seen_at AS lastSeenAt, d.revoked_at AS revokedAt
      FROM devices d LEFT JOIN students s ON s.class_id = d.class_id AND s.student_id = d.subject
      WHERE d.class_id = ? AND d.role = 'student' ORDER BY d.created_at`);
    this.revokeClass = db.prepare(
      "UPDATE devices SET revoked_at = ? WHERE class_id = ? AND device_id = ? AND role = 'student' AND revoked_at IS NULL",
    );
  }

  /** Records a sign-in; a revoked device stays revoked (it must not sign itself back in). */
  register(key: DeviceKey, now = Date.now()): 'ok' | 'revoked' {
    const row = this.find.get(key.deviceId, key.role, key.subject, key.classId);
    if (row?.revoked_at != null) return 'revoked';
    if (row) this.seen(key, now);
    else this.insert.run(key.deviceId, key.role, key.subject, key.classId, now, now);
    return 'ok';
  }

  /** Checked on every use of a token. */
  status(key: DeviceKey, now = Date.now()): 'ok' | 'revoked' | 'unknown' {
    const row = this.find.get(key.deviceId, key.role, key.subject, key.classId);
    if (!row) return 'unknown';
    if (row.revoked_at != null) return 'revoked';
    if (now - row.last_seen_at > SEEN_RESOLUTION_MS) this.seen(key, now);
    return 'ok';
  }

  /**
   * "Last seen" is bookkeeping for the teacher's device list: a failed write (a full disk) is
   * reported, never a refusal, or a full disk would lock every device out of reading its work.
   */
  private seen(key: DeviceKey, now: number): void {
    try {
      this.touch.run(now, key.deviceId, key.role, key.subject, key.classId);
      this.health?.succeeded();
    } catch (error) {
      if (!this.health) throw error;
      this.health.failed('last seen', error);
    }
  }

  listForClass(classId: string): ClassDevice[] {
    return this.listClass.all(classId);
  }

  /** Revokes every student profile on that device in that class (a lost shared tablet loses them all). */
  revoke(classId: string, deviceId: string, now = Date.now()): number {
    return this.revokeClass.run(now, classId, deviceId).changes;
  }
}
