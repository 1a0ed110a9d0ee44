import type * as Y from 'yjs';
import type { Students } from './students';
import type { RateLimits } from './config';
import { docName, studentDocs } from '../core/doc-names';
import { classDocument } from '../core/ydoc/documents';
import { RelayError } from '../protocol/relay-error';
import type { AttemptKey, Attempts } from './rate-limits';
import { normalizeJoinCode, type ClassRecord, type Classes } from './classes';
import type { Devices } from './devices';
import type { Documents } from './documents';
import type { IssuedToken } from '../protocol/http-api';
import type { Tokens } from './tokens';

export interface RosterEntry {
  id: string;
  displayName: string;
}

/** Students on the class document's roster (not archived or deleted), by name. */
export function rosterOf(classDoc: Y.Doc | null): RosterEntry[] {
  if (!classDoc) return [];
  return classDocument(classDoc)
    .students.list()
    .filter((s) => !s.archived)
    .map((s) => ({ id: s.id, displayName: s.displayName }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** The name the teacher gave the class on the device, else the one it was connected with. */
export function classNameOf(record: ClassRecord, classDoc: Y.Doc | null): string {
  return (classDoc ? classDocument(classDoc).settings.read().name : '') || record.name;
}

export interface Joined extends IssuedToken {
  classId: string;
  className: string;
  studentId: string;
  displayName: string;
  documents: string[];
}

/** Students joining a class with its code: pick your name from the roster, get a token for you only. */
export class Enrolment {
  constructor(
    private readonly students: Students,
    private readonly classes: Classes,
    private readonly devices: Devices,
    private readonly documents: Documents,
    private readonly tokens: Tokens,
    private readonly attempts: Attempts,
    private readonly limits: RateLimits,
  ) {}

  lookup(code: string, deviceId: string): { classId: string; className: string; students: RosterEntry[] } {
    const record = this.findClass(code, deviceId);
    const classDoc = this.documents.read(docName({ kind: 'class', classId: record.id }));
    return { classId: record.id, className: classNameOf(record, classDoc), students: rosterOf(classDoc) };
  }

  async join(input: { code: string; studentId: string; deviceId: string }): Promise<Joined> {
    const keys = this.keys(input.code, input.deviceId);
    const record = this.findClass(input.code, input.deviceId);
    const classDoc = this.documents.read(docName({ kind: 'class', classId: record.id }));
    const student = rosterOf(classDoc).find((s) => s.id === input.studentId);
    if (!student) {
      this.attempts.fail(keys);
      throw new RelayError(404, 'unknown-student', 'This name is not on the class list: ask your teacher.');
    }
    const device = { deviceId: input.deviceId, role: 'student' as const, subject: student.id, classId: record.id };
    if (this.devices.register(device) === 'revoked') {
      this.attempts.fail(keys);
      throw new RelayError(403, 'device-revoked', 'This device was removed from the class: ask your teacher.');
    }
    this.students.enrol(record.id, student.id, student.displayName);
    const refs = studentDocs(record.id, student.id);
    for (const ref of refs) await this.documents.ensureCreated(ref);
    const issued = await this.tokens.issue({ role: 'student', subject: student.id, classIds: [record.id], deviceId: input.deviceId });
    return {
      ...issued,
      classId: record.id,
      className: classNameOf(record, classDoc),
      studentId: student.id,
      displayName: student.displayName,
      documents: [docName({ kind: 'class', classId: record.id }), ...refs.map(docName)],
    };
  }

  private keys(code: string, deviceId: string): AttemptKey[] {
    return [
      { key: `join:code:${normalizeJoinCode(code)}`, limit: this.limits.joinPerCode },
      { key: `join:device:${deviceId}`, limit: this.limits.joinPerDevice },
    ];
  }

  private findClass(code: string, deviceId: string): ClassRecord {
    const keys = this.keys(code, deviceId);
    this.attempts.check(keys);
    const record = this.classes.byCode(code);
    if (!record) {
      this.attempts.fail(keys);
      throw new RelayError(404, 'unknown-code', 'No class has this code: check it with your teacher.');
    }
    return record;
  }
}
