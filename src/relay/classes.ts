import { randomInt } from 'node:crypto';
import type { Db } from './db/open';
import { RelayError } from '../protocol/relay-error';

export interface ClassRecord {
  id: string;
  name: string;
  joinCode: string;
  ownerId: string;
  createdAt: number;
}

/** No I, O, 0 or 1: a code read off a board or a phone is typed right. 32^6 ≈ 10^9 codes. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** What people type: any case, spaces or dashes. */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

const COLUMNS = 'id, name, join_code AS joinCode, owner_id AS ownerId, created_at AS createdAt';

/** Classes made offline on a teacher's device and connected to this relay, and who teaches them. */
export class Classes {
  private readonly byId;
  private readonly byCodeStmt;
  private readonly forTeacherStmt;
  private readonly isTeacherStmt;
  private readonly insertClass;
  private readonly insertTeacher;
  private readonly rename;

  constructor(private readonly db: Db) {
    this.byId = db.prepare<[string], ClassRecord>(`SELECT ${COLUMNS} FROM classes WHERE id = ?`);
    this.byCodeStmt = db.prepare<[string], ClassRecord>(`SELECT ${COLUMNS} FROM classes WHERE join_code = ?`);
    this.forTeacherStmt = db.prepare<[string], ClassRecord>(
      `SELECT ${COLUMNS} FROM classes WHERE id IN (SELECT class_id FROM class_teachers WHERE teacher_id = ?) ORDER BY created_at`,
    );
    this.isTeacherStmt = db.prepare<[string, string], { one: number }>(
      'SELECT 1 AS one FROM class_teachers WHERE class_id = ? AND teacher_id = ?',
    );
    this.insertClass = db.prepare('INSERT INTO classes (id, name, join_code, owner_id, created_at) VALUES (?, ?, ?, ?, ?)');
    this.insertTeacher = db.prepare('INSERT OR IGNORE INTO class_teachers (class_id, teacher_id, added_at) VALUES (?, ?, ?)');
    this.rename = db.prepare('UPDATE classes SET name = ? WHERE id = ?');
  }

  /**
   * Records a class the device already made (its id is the device's). Idempotent: connecting the
   * same class again returns the same record and code. Someone else's class id is refused.
   */
  connect(teacherId: string, classId: string, name: string): { record: ClassRecord; created: boolean } {
    return this.db.transaction(() => {
      const existing = this.byId.get(classId);
      if (existing) {
        if (!this.isTeacher(classId, teacherId)) {
          throw new RelayError(409, 'class-taken', 'Another teacher already connected a class with this id.');
        }
        if (name !== existing.name) this.rename.run(name, classId);
        return { record: { ...existing, name }, created: false };
      }
      let code = newJoinCode();
      while (this.byCodeStmt.get(code)) code = newJoinCode();
      const now = Date.now();
      this.insertClass.run(classId, name, code, teacherId, now);
      this.insertTeacher.run(classId, teacherId, now);
      return { record: { id: classId, name, joinCode: code, ownerId: teacherId, createdAt: now }, created: true };
    })();
  }

  get(classId: string): ClassRecord | null {
    return this.byId.get(classId) ?? null;
  }

  byCode(input: string): ClassRecord | null {
    return this.byCodeStmt.get(normalizeJoinCode(input)) ?? null;
  }

  forTeacher(teacherId: string): ClassRecord[] {
    return this.forTeacherStmt.all(teacherId);
  }

  isTeacher(classId: string, teacherId: string): boolean {
    return this.isTeacherStmt.get(classId, teacherId) !== undefined;
  }

  addTeacher(classId: string, teacherId: string): void {
    this.insertTeacher.run(classId, teacherId, Date.now());
  }

  /** The class, if this teacher teaches it; otherwise 404 (not 403: do not confirm other teachers' class ids). */
  requireTaught(classId: string, teacherId: string): ClassRecord {
    const record = this.get(classId);
    if (!record || !this.isTeacher(classId, teacherId)) {
      throw new RelayError(404, 'unknown-class', 'No class with this id is connected to your account.');
    }
    return record;
  }
}
