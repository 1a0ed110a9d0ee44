import type { Db } from './db/open';
import type { RateLimits } from './config';
import { newId } from '../core/ids';
import { RelayError } from '../protocol/relay-error';
import { isStorageError } from './storage-health';
import { busy, type HashQueue } from './hash-queue';
import { checkNewPassword } from './password-rules';
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

export interface AccountDeps {
  attempts: Attempts;
  limits: RateLimits;
  hashQueue: HashQueue;
  hashCost: number;
  /** Whether this device has signed in to this account before and is not revoked. */
  knownDevice(teacherId: string, deviceId: string): boolean;
}

/**
 * Attempt counting is bookkeeping: on a full disk it cannot write, and that must not refuse a
 * right password (the relay keeps serving reads). `fallback` still checks the limits (a read).
 */
function bookkeeping(write: () => void, fallback?: () => void): void {
  try {
    write();
  } catch (error) {
    if (!isStorageError(error)) throw error;
    fallback?.();
  }
}

/** Teacher accounts: sign up and sign in with email and password. */
export class Accounts {
  private readonly byEmailStmt;
  private readonly byIdStmt;
  private readonly insert;

  constructor(
    db: Db,
    private readonly deps: AccountDeps,
  ) {
    this.byEmailStmt = db.prepare<[string], TeacherAccount & { password_hash: string }>(
      'SELECT id, email, name, password_hash FROM teachers WHERE email = ?',
    );
    this.byIdStmt = db.prepare<[string], TeacherAccount>('SELECT id, email, name FROM teachers WHERE id = ?');
    this.insert = db.prepare('INSERT INTO teachers (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)');
  }

  /** Limited relay-wide (each sign-up is a hash and a new account), counted before the hash. */
  async signUp(input: { email: string; password: string; name: string }): Promise<TeacherAccount> {
    const email = normalizeEmail(input.email);
    checkNewPassword(input.password, email);
    if (this.byEmailStmt.get(email)) throw new RelayError(409, 'email-taken', 'An account with this email already exists: sign in instead.');
    const { attempts, limits, hashQueue, hashCost } = this.deps;
    const keys: AttemptKey[] = [{ key: 'signup:relay', limit: limits.signUpPerRelay }];
    attempts.take(keys);
    let hash: string;
    try {
      hash = await hashQueue.run(() => hashPassword(input.password, hashCost));
    } catch (error) {
      attempts.refund(keys);
      throw error;
    }
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

  /**
   * A device that signed in to this account before is limited only by its own wrong passwords, so a
   * stranger guessing cannot lock the teacher out of their own laptop. New devices share the
   * account's budget, the guessing device's and the relay's. Each attempt is counted before the
   * hash is run (refunded if it succeeds), so 200 concurrent guesses are not all evaluated.
   */
  async signIn(input: { email: string; password: string; deviceId: string }): Promise<TeacherAccount> {
    const { attempts, limits, hashQueue, hashCost } = this.deps;
    const email = normalizeEmail(input.email);
    const row = this.byEmailStmt.get(email);
    const known = row !== undefined && this.deps.knownDevice(row.id, input.deviceId);
    const keys: AttemptKey[] = [{ key: `password:account-device:${email}:${input.deviceId}`, limit: limits.passwordPerAccountDevice }];
    if (!known) {
      keys.push(
        { key: 'password:relay', limit: limits.passwordPerRelay },
        { key: `password:device:${input.deviceId}`, limit: limits.passwordPerDevice },
        { key: `password:account:${email}`, limit: limits.passwordPerAccount },
      );
    }
    // Refuse before counting: a full queue is the relay being busy, not a wrong password.
    if (hashQueue.full) throw busy();
    bookkeeping(() => attempts.take(keys), () => attempts.check(keys));
    let ok: boolean;
    try {
      ok = await hashQueue.run(async () => verifyPassword(input.password, row?.password_hash ?? (await dummyHash(hashCost))));
    } catch (error) {
      bookkeeping(() => attempts.refund(keys));
      throw error;
    }
    if (!row || !ok) throw new RelayError(401, 'wrong-password', 'The email or the password is wrong.');
    bookkeeping(() => {
      attempts.refund(keys);
      attempts.reset(keys[0]!.key);
    });
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
