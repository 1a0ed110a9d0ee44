import type { Db } from './db/open';

/** Students who have joined a class on this relay (the roster itself lives in the class document). */
export class Students {
  private readonly upsert;
  private readonly find;

  constructor(db: Db) {
    this.upsert = db.prepare(
      `INSERT INTO students (class_id, student_id, display_name, enrolled_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(class_id, student_id) DO UPDATE SET display_name = excluded.display_name`,
    );
    this.find = db.prepare<[string, string], { name: string }>('SELECT display_name AS name FROM students WHERE class_id = ? AND student_id = ?');
  }

  enrol(classId: string, studentId: string, displayName: string, now = Date.now()): void {
    // Joining again on another device writes nothing new: no write, so a full disk does not refuse it.
    if (this.find.get(classId, studentId)?.name === displayName) return;
    this.upsert.run(classId, studentId, displayName, now);
  }

  isEnrolled(classId: string, studentId: string): boolean {
    return this.find.get(classId, studentId) !== undefined;
  }
}
