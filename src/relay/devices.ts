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
  deviceName: string;
  createdAt: number;
  lastSeenAt: number;
  revokedAt: number | null;
}

export interface TeacherDevice {
  deviceId: string;
  deviceName: string;
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
  private readonly listTeacher;
  private readonly revokeClass;
  private readonly revokeTeacherStmt;
  private readonly revokeStudentStmt;
  private readonly anyForStudent;
  private readonly revokedInClass;
  private readonly activeAnywhere;

  constructor(
    db: Db,
    private readonly health?: StorageHealth,
  ) {
    const where = 'device_id = ? AND role = ? AND subject = ? AND class_id = ?';
    this.find = db.prepare<[string, string, string, string], { last_seen_at: number; revoked_at: number | null }>(
      `SELECT last_seen_at, revoked_at FROM devices WHERE ${where}`,
    );
    this.insert = db.prepare(
      'INSERT INTO devices (device_id, role, subject, class_id, created_at, last_seen_at, device_name) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.touch = db.prepare(`UPDATE devices SET last_seen_at = ? WHERE ${where}`);
    this.listClass = db.prepare<[string], ClassDevice>(`
      SELECT d.device_id AS deviceId, d.subject AS studentId, s.display_name AS displayName, d.device_name AS deviceName,
             d.created_at AS createdAt, d.last_seen_at AS lastSeenAt, d.revoked_at AS revokedAt
      FROM devices d LEFT JOIN students s ON s.class_id = d.class_id AND s.student_id = d.subject
      WHERE d.class_id = ? AND d.role = 'student' ORDER BY d.created_at`);
    this.listTeacher = db.prepare<[string], TeacherDevice>(`
      SELECT device_id AS deviceId, device_name AS deviceName, created_at AS createdAt, last_seen_at AS lastSeenAt, revoked_at AS revokedAt
      FROM devices WHERE role = 'teacher' AND subject = ? AND class_id = '' ORDER BY created_at`);
    this.revokeClass = db.prepare(
      "UPDATE devices SET revoked_at = ?, revoke_reason = 'device' WHERE class_id = ? AND device_id = ? AND role = 'student' AND revoked_at IS NULL",
    );
    this.revokeTeacherStmt = db.prepare(
      "UPDATE devices SET revoked_at = ?, revoke_reason = 'device' WHERE role = 'teacher' AND subject = ? AND class_id = '' AND device_id = ? AND revoked_at IS NULL",
    );
    this.revokeStudentStmt = db.prepare(
      "UPDATE devices SET revoked_at = ?, revoke_reason = 'removed' WHERE role = 'student' AND subject = ? AND class_id = ? AND revoked_at IS NULL",
    );
    this.anyForStudent = db.prepare<[string, string], { one: number }>(
      "SELECT 1 AS one FROM devices WHERE role = 'student' AND subject = ? AND class_id = ? LIMIT 1",
    );
    this.revokedInClass = db.prepare<[string, string], { one: number }>(
      "SELECT 1 AS one FROM devices WHERE device_id = ? AND class_id = ? AND role = 'student' AND revoked_at IS NOT NULL AND coalesce(revoke_reason, 'device') = 'device' LIMIT 1",
    );
    this.activeAnywhere = db.prepare<[string], { one: number }>(
      'SELECT 1 AS one FROM devices WHERE device_id = ? AND revoked_at IS NULL LIMIT 1',
    );
  }

  /** Records a sign-in; a revoked device stays revoked (it must not sign itself back in). */
  register(key: DeviceKey, deviceName = '', now = Date.now()): 'ok' | 'revoked' {
    const row = this.find.get(key.deviceId, key.role, key.subject, key.classId);
    if (row?.revoked_at != null) return 'revoked';
    if (row) this.seen(key, now);
    else this.insert.run(key.deviceId, key.role, key.subject, key.classId, now, now, deviceName.slice(0, 80));
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

  /** Signed in as this person before and not revoked (read only: no last-seen update). */
  isActive(key: DeviceKey): boolean {
    const row = this.find.get(key.deviceId, key.role, key.subject, key.classId);
    return row !== undefined && row.revoked_at === null;
  }

  /** Some person on this device is signed in on this relay and not revoked: not a stranger's fresh id. */
  isKnownAnywhere(deviceId: string): boolean {
    return this.activeAnywhere.get(deviceId) !== undefined;
  }

  /** Whether any device (revoked or not) ever held this student: then a new device needs the teacher. */
  studentClaimed(classId: string, studentId: string): boolean {
    return this.anyForStudent.get(studentId, classId) !== undefined;
  }

  /** A device a teacher revoked in a class may not join it again, under any name (a student leaving the roster does not count). */
  revokedIn(classId: string, deviceId: string): boolean {
    return this.revokedInClass.get(deviceId, classId) !== undefined;
  }

  listForClass(classId: string): ClassDevice[] {
    return this.listClass.all(classId);
  }

  listForTeacher(teacherId: string): TeacherDevice[] {
    return this.listTeacher.all(teacherId);
  }

  /** Revokes every student profile on that device in that class (a lost shared tablet loses them all). */
  revoke(classId: string, deviceId: string, now = Date.now()): number {
    return this.revokeClass.run(now, classId, deviceId).changes;
  }

  revokeTeacher(teacherId: string, deviceId: string, now = Date.now()): number {
    return this.revokeTeacherStmt.run(now, teacherId, deviceId).changes;
  }

  /** Every device of a student in a class (the student left the roster). */
  revokeStudent(classId: string, studentId: string, now = Date.now()): number {
    return this.revokeStudentStmt.run(now, studentId, classId).changes;
  }
}
