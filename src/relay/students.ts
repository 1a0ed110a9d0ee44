import type { Db } from './db/open';

/** Students who have joined a class on this relay (the roster itself lives in the class document). */
export class Students {
  private readonly upsert;
  private readonly find;
  private readonly activeStmt;
  private readonly removeStmt;

  constructor(db: Db) {
    this.upsert = db.prepare(
      `INSERT INTO students (class_id, student_id, display_name, enrolled_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(class_id, student_id) DO UPDATE SET display_name = excluded.display_name, removed_at = NULL`,
    );
    this.find = db.prepare<[string, string], { name: string; removedAt: number | null }>(
      'SELECT display_name AS name, removed_at AS removedAt FROM students WHERE class_id = ? AND student_id = ?',
    );
    this.activeStmt = db.prepare<[string], { studentId: string }>(
      'SELECT student_id AS studentId FROM students WHERE class_id = ? AND removed_at IS NULL',
    );
    this.removeStmt = db.prepare('UPDATE students SET removed_at = ? WHERE class_id = ? AND student_id = ? AND removed_at IS NULL');
  }

  enrol(classId: string, studentId: string, displayName: string, now = Date.now()): void {
    // Joining again on another device writes nothing new: no write, so a full disk does not refuse it.
    const row = this.find.get(classId, studentId);
    if (row?.name === displayName && row.removedAt === null) return;
    this.upsert.run(classId, studentId, displayName, now);
  }

  /** Joined and still on the roster. */
  isEnrolled(classId: string, studentId: string): boolean {
    const row = this.find.get(classId, studentId);
    return row !== undefined && row.removedAt === null;
  }

  enrolledIn(classId: string): string[] {
    return this.activeStmt.all(classId).map((r) => r.studentId);
  }

  markRemoved(classId: string, studentId: string, now = Date.now()): boolean {
    return this.removeStmt.run(now, classId, studentId).changes > 0;
  }
}
