import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db/open';
import { newId } from '../core/ids';
import type { Language } from '../core/records';

export interface FamilyLink {
  id: string;
  classId: string;
  studentId: string;
  language: Language;
  createdAt: number;
  revokedAt: number | null;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Read-only links for families. The link token (256 random bits) is shown once; only its hash is
 * kept, so a copy of the database does not open anyone's view.
 */
export class FamilyLinks {
  private readonly insert;
  private readonly byHash;
  private readonly forStudent;
  private readonly revokeStmt;
  private readonly revokeStudentStmt;
  private readonly linkedStmt;

  constructor(db: Db) {
    const columns = 'id, class_id AS classId, student_id AS studentId, language, created_at AS createdAt, revoked_at AS revokedAt';
    this.insert = db.prepare(
      'INSERT INTO family_links (id, token_hash, class_id, student_id, language, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.byHash = db.prepare<[string], FamilyLink>(`SELECT ${columns} FROM family_links WHERE token_hash = ?`);
    this.forStudent = db.prepare<[string, string], FamilyLink>(
      `SELECT ${columns} FROM family_links WHERE class_id = ? AND student_id = ? ORDER BY created_at`,
    );
    this.revokeStmt = db.prepare(
      'UPDATE family_links SET revoked_at = ? WHERE id = ? AND class_id = ? AND student_id = ? AND revoked_at IS NULL',
    );
    this.revokeStudentStmt = db.prepare('UPDATE family_links SET revoked_at = ? WHERE class_id = ? AND student_id = ? AND revoked_at IS NULL');
    this.linkedStmt = db.prepare<[string], { studentId: string }>(
      'SELECT DISTINCT student_id AS studentId FROM family_links WHERE class_id = ? AND revoked_at IS NULL',
    );
  }

  /** Every live link of a student (the student left the roster). */
  revokeAllFor(classId: string, studentId: string): number {
    return this.revokeStudentStmt.run(Date.now(), classId, studentId).changes;
  }

  /** Students of a class with at least one live link. */
  linkedStudents(classId: string): string[] {
    return this.linkedStmt.all(classId).map((r) => r.studentId);
  }

  create(input: { classId: string; studentId: string; language: Language; teacherId: string }): { link: FamilyLink; token: string } {
    const token = randomBytes(32).toString('base64url');
    const link: FamilyLink = { id: newId(), classId: input.classId, studentId: input.studentId, language: input.language, createdAt: Date.now(), revokedAt: null };
    this.insert.run(link.id, hashToken(token), link.classId, link.studentId, link.language, input.teacherId, link.createdAt);
    return { link, token };
  }

  list(classId: string, studentId: string): FamilyLink[] {
    return this.forStudent.all(classId, studentId);
  }

  revoke(classId: string, studentId: string, linkId: string): boolean {
    return this.revokeStmt.run(Date.now(), linkId, classId, studentId).changes > 0;
  }

  /** The live link for a token, or null (unknown or revoked look the same to the caller). */
  resolve(token: string): FamilyLink | null {
    const link = this.byHash.get(hashToken(token));
    return link && link.revokedAt === null ? link : null;
  }
}
