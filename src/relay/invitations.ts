import type { Db } from './db/open';
import { newId } from '../core/ids';
import { normalizeEmail } from './accounts';

export interface Invitation {
  id: string;
  classId: string;
  email: string;
  invitedBy: string;
  createdAt: number;
}

const COLUMNS = 'id, class_id AS classId, email, invited_by AS invitedBy, created_at AS createdAt';

/**
 * Co-teacher invitations by email. The inviting teacher learns nothing about the address (whether
 * it has an account, its name) until its owner signs in and accepts.
 */
export class Invitations {
  private readonly insert;
  private readonly forClassStmt;
  private readonly forEmailStmt;
  private readonly byIdStmt;
  private readonly removeStmt;

  constructor(db: Db) {
    this.insert = db.prepare(
      'INSERT INTO class_invitations (id, class_id, email, invited_by, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(class_id, email) DO NOTHING',
    );
    this.forClassStmt = db.prepare<[string], Invitation>(`SELECT ${COLUMNS} FROM class_invitations WHERE class_id = ? ORDER BY created_at`);
    this.forEmailStmt = db.prepare<[string], Invitation>(`SELECT ${COLUMNS} FROM class_invitations WHERE email = ? ORDER BY created_at`);
    this.byIdStmt = db.prepare<[string], Invitation>(`SELECT ${COLUMNS} FROM class_invitations WHERE id = ?`);
    this.removeStmt = db.prepare('DELETE FROM class_invitations WHERE id = ?');
  }

  invite(classId: string, email: string, invitedBy: string): void {
    this.insert.run(newId(), classId, normalizeEmail(email), invitedBy, Date.now());
  }

  forClass(classId: string): Invitation[] {
    return this.forClassStmt.all(classId);
  }

  forEmail(email: string): Invitation[] {
    return this.forEmailStmt.all(normalizeEmail(email));
  }

  get(id: string): Invitation | null {
    return this.byIdStmt.get(id) ?? null;
  }

  remove(id: string): boolean {
    return this.removeStmt.run(id).changes > 0;
  }
}
