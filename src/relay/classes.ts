import { randomInt } from 'node:crypto';
import type { Db } from './db/open';
import { RelayError } from '../protocol/relay-error';

export interface ClassRecord {
  id: string;
  name: string;
  joinCode: string;
  /** The secret in the class's QR link; null only until the relay has given one (older rows). */
  joinKey: string | null;
  ownerId: string;
  createdAt: number;
}

/**
 * No I, O, 0 or 1: a code read off a board or a phone is typed right. 32^8 ≈ 1.1·10^12 codes: with
 * fewer than 100 failed guesses an hour per relay (joinPerRelay) and 200 classes, finding any class
 * takes ~6,000 years on average. (Classes connected before this keep their 6-character codes.)
 */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 8;
/** The QR link's key: 20 characters, 100 bits, never typed; guessing it is hopeless, so it is not rate-limited. */
export const JOIN_KEY_LENGTH = 20;

function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export function newJoinCode(): string {
  return randomCode(JOIN_CODE_LENGTH);
}

/** A QR link key rather than a typed code (see JOIN_KEY_LENGTH). */
export function isJoinKey(normalized: string): boolean {
  return normalized.length === JOIN_KEY_LENGTH;
}

/** What people type: any case, spaces or dashes. */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

const COLUMNS = 'id, name, join_code AS joinCode, join_key AS joinKey, owner_id AS ownerId, created_at AS createdAt';

/** Classes made offline on a teacher's device and connected to this relay, and who teaches them. */
export class Classes {
  private readonly byId;
  private readonly byCodeStmt;
  private readonly byKeyStmt;
  private readonly ownedCount;
  private readonly teachersStmt;
  private readonly removeTeacherStmt;
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
    this.byKeyStmt = db.prepare<[string], ClassRecord>(`SELECT ${COLUMNS} FROM classes WHERE join_key = ?`);
    this.ownedCount = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM classes WHERE owner_id = ?');
    this.teachersStmt = db.prepare<[string], { id: string; name: string; addedAt: number }>(
      'SELECT t.id, t.name, ct.added_at AS addedAt FROM class_teachers ct JOIN teachers t ON t.id = ct.teacher_id WHERE ct.class_id = ? ORDER BY ct.added_at',
    );
    this.removeTeacherStmt = db.prepare('DELETE FROM class_teachers WHERE class_id = ? AND teacher_id = ?');
    this.insertClass = db.prepare('INSERT INTO classes (id, name, join_code, join_key, owner_id, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    // Classes connected before QR keys existed get one now (their links keep working: codes still do).
    const missing = db.prepare<[], { id: string }>('SELECT id FROM classes WHERE join_key IS NULL').all();
    const setKey = db.prepare('UPDATE classes SET join_key = ? WHERE id = ?');
    for (const { id } of missing) setKey.run(randomCode(JOIN_KEY_LENGTH), id);
    this.insertTeacher = db.prepare('INSERT OR IGNORE INTO class_teachers (class_id, teacher_id, added_at) VALUES (?, ?, ?)');
    this.rename = db.prepare('UPDATE classes SET name = ? WHERE id = ?');
  }

  /**
   * Records a class the device already made (its id is the device's). Idempotent: connecting the
   * same class again returns the same record and code. Someone else's class id is refused.
   */
  connect(teacherId: string, classId: string, name: string, maxOwned = Infinity): { record: ClassRecord; created: boolean } {
    return this.db.transaction(() => {
      const existing = this.byId.get(classId);
      if (existing) {
        if (!this.isTeacher(classId, teacherId)) {
          throw new RelayError(409, 'class-taken', 'Another teacher already connected a class with this id.');
        }
        if (name !== existing.name) this.rename.run(name, classId);
        return { record: { ...existing, name }, created: false };
      }
      if (this.ownedCount.get(teacherId)!.n >= maxOwned) {
        throw new RelayError(429, 'too-many-classes', `One account may connect at most ${maxOwned} classes: ask whoever runs this relay.`);
      }
      let code = newJoinCode();
      while (this.byCodeStmt.get(code)) code = newJoinCode();
      const key = randomCode(JOIN_KEY_LENGTH);
      const now = Date.now();
      this.insertClass.run(classId, name, code, key, teacherId, now);
      this.insertTeacher.run(classId, teacherId, now);
      return { record: { id: classId, name, joinCode: code, joinKey: key, ownerId: teacherId, createdAt: now }, created: true };
    })();
  }

  get(classId: string): ClassRecord | null {
    return this.byId.get(classId) ?? null;
  }

  /** By typed code, or by QR link key (see isJoinKey). */
  byCode(input: string): ClassRecord | null {
    const normalized = normalizeJoinCode(input);
    return (isJoinKey(normalized) ? this.byKeyStmt.get(normalized) : this.byCodeStmt.get(normalized)) ?? null;
  }

  teachers(classId: string): { id: string; name: string; addedAt: number }[] {
    return this.teachersStmt.all(classId);
  }

  removeTeacher(classId: string, teacherId: string): boolean {
    return this.removeTeacherStmt.run(classId, teacherId).changes > 0;
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
