import type { Db } from './db/open';
import { newId } from '../core/ids';

export interface JoinRequest {
  id: string;
  classId: string;
  studentId: string;
  deviceId: string;
  deviceName: string;
  requestedAt: number;
  decision: 'approved' | 'declined' | null;
  decidedAt: number | null;
}

const COLUMNS = `id, class_id AS classId, student_id AS studentId, device_id AS deviceId, device_name AS deviceName,
  requested_at AS requestedAt, decision, decided_at AS decidedAt`;

/**
 * A device asking to be a student who already has a device: it waits until a teacher of the class
 * approves or declines. One row per (class, student, device), so asking again is the same request.
 */
export class JoinRequests {
  private readonly findStmt;
  private readonly byIdStmt;
  private readonly insert;
  private readonly decide;
  private readonly pendingStmt;
  private readonly pendingCount;
  private readonly removeStudentStmt;

  constructor(db: Db) {
    this.findStmt = db.prepare<[string, string, string], JoinRequest>(
      `SELECT ${COLUMNS} FROM join_requests WHERE class_id = ? AND student_id = ? AND device_id = ?`,
    );
    this.byIdStmt = db.prepare<[string, string], JoinRequest>(`SELECT ${COLUMNS} FROM join_requests WHERE id = ? AND class_id = ?`);
    this.insert = db.prepare(
      'INSERT INTO join_requests (id, class_id, student_id, device_id, device_name, requested_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.decide = db.prepare(
      'UPDATE join_requests SET decision = ?, decided_at = ?, decided_by = ? WHERE id = ? AND class_id = ? AND decision IS NULL',
    );
    this.pendingStmt = db.prepare<[string], JoinRequest>(
      `SELECT ${COLUMNS} FROM join_requests WHERE class_id = ? AND decision IS NULL ORDER BY requested_at`,
    );
    this.pendingCount = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM join_requests WHERE class_id = ? AND decision IS NULL');
    this.removeStudentStmt = db.prepare("UPDATE join_requests SET decision = 'declined', decided_at = ? WHERE class_id = ? AND student_id = ? AND decision IS NULL");
  }

  find(classId: string, studentId: string, deviceId: string): JoinRequest | null {
    return this.findStmt.get(classId, studentId, deviceId) ?? null;
  }

  get(classId: string, id: string): JoinRequest | null {
    return this.byIdStmt.get(id, classId) ?? null;
  }

  pendingIn(classId: string): number {
    return this.pendingCount.get(classId)!.n;
  }

  create(input: { classId: string; studentId: string; deviceId: string; deviceName: string }, now = Date.now()): JoinRequest {
    const request: JoinRequest = { id: newId(), ...input, deviceName: input.deviceName.slice(0, 80), requestedAt: now, decision: null, decidedAt: null };
    this.insert.run(request.id, request.classId, request.studentId, request.deviceId, request.deviceName, now);
    return request;
  }

  pending(classId: string): JoinRequest[] {
    return this.pendingStmt.all(classId);
  }

  /** True if it was still waiting (a request is decided once). */
  settle(classId: string, id: string, decision: 'approved' | 'declined', teacherId: string, now = Date.now()): boolean {
    return this.decide.run(decision, now, teacherId, id, classId).changes > 0;
  }

  /** A student who left the roster: nothing of theirs stays waiting. */
  declineAllFor(classId: string, studentId: string, now = Date.now()): void {
    this.removeStudentStmt.run(now, classId, studentId);
  }
}
