import type { Db } from './db/open';
import type { RateLimits } from './config';
import { newId } from '../core/ids';
import { RelayError } from '../protocol/relay-error';
import { isStorageError } from './storage-health';
import { dummyHash, hashPassword, verifyPassword } from './passwords';
import type { AttemptKey, Attempts } from './rate-limits';

export interface TeacherAccount {
  id: string;
  email: string;
  name: string;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Teacher accounts: sign up and sign in with email and password. */
export class Accounts {
  private readonly byEmailStmt;
  private readonly byIdStmt;
  private readonly insert;

  constructor(
    db: Db,
    private readonly attempts: Attempts,
    private readonly limits: RateLimits,
  ) {
    this.byEmailStmt = db.prepare<[string], TeacherAccount & { password_hash: string }>(
      'SELECT id, email, name, password_hash FROM teachers WHERE email = ?',
    );
    this.byIdStmt = db.prepare<[string], TeacherAccount>('SELECT id, email, name FROM teachers WHERE id = ?');
    this.insert = db.prepare('INSERT INTO teachers (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)');
  }

  async signUp(input: { email: string; password: string; name: string }): Promise<TeacherAccount> {
    const email = normalizeEmail(input.email);
    if (this.byEmailStmt.get(email)) throw new RelayError(409, 'email-taken', 'An account with this email already exists: sign in instead.');
    const hash = await hashPassword(input.password);
    const account = { id: newId(), email, name: input.name.trim() };
    try {
      this.insert.run(account.id, email, account.name, hash, Date.now());
    } catch (error) {
      // Two sign-ups with one email at once: the UNIQUE constraint decides.
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new RelayError(409, 'email-taken', 'An account with this email already exists: sign in instead.');
      }
      throw error;
    }
    return account;
  }

  /** Counts failures per account and per device (never per IP: a school shares one address). */
  async signIn(input: { email: string; password: string; deviceId: string }): Promise<TeacherAccount> {
    const email = normalizeEmail(input.email);
    const keys: AttemptKey[] = [
      { key: `password:account:${email}`, limit: this.limits.passwordPerAccount },
      { key: `password:device:${input.deviceId}`, limit: this.limits.passwordPerDevice },
    ];
    this.attempts.check(keys);
    const row = this.byEmailStmt.get(email);
    const ok = await verifyPassword(input.password, row?.password_hash ?? (await dummyHash()));
    if (!row || !ok) {
      this.attempts.fail(keys);
      throw new RelayError(401, 'wrong-password', 'The email or the password is wrong.');
    }
    // Forgetting earlier failures is bookkeeping: a disk that cannot take it must not refuse a right password.
    try {
      this.attempts.reset(keys[0]!.key);
    } catch (error) {
      if (!isStorageError(error)) throw error;
    }
    return { id: row.id, email: row.email, name: row.name };
  }

  get(id: string): TeacherAccount | null {
    return this.byIdStmt.get(id) ?? null;
  }

  byEmail(email: string): TeacherAccount | null {
    const row = this.byEmailStmt.get(normalizeEmail(email));
    return row ? { id: row.id, email: row.email, name: row.name } : null;
  }
}
