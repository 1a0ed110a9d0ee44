import type * as Y from 'yjs';
import type { Students } from './students';
import type { RateLimits } from './config';
import { docName, studentDocs } from '../core/doc-names';
import { classDocument } from '../core/ydoc/documents';
import { RelayError } from '../protocol/relay-error';
import type { AttemptKey, Attempts } from './rate-limits';
import { isJoinKey, normalizeJoinCode, type ClassRecord, type Classes } from './classes';
import type { Devices } from './devices';
import type { Documents } from './documents';
import type { IssuedToken } from '../protocol/http-api';
import type { JoinRequests } from './join-requests';
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

/** A device asking to be a student who already has one: it waits for a teacher (HTTP 202). */
export interface WaitingForTeacher {
  waiting: true;
  requestId: string;
  requestedAt: number;
  classId: string;
  className: string;
  studentId: string;
  displayName: string;
}

export interface EnrolmentDeps {
  students: Students;
  classes: Classes;
  devices: Devices;
  documents: Documents;
  tokens: Tokens;
  attempts: Attempts;
  requests: JoinRequests;
  limits: RateLimits;
  pendingJoinsPerClass: number;
}

/**
 * Students joining a class with its code: pick your name from the roster. The first device to
 * claim a name gets it; any later device for that student waits until a teacher approves it, so
 * the class code alone never opens another child's work.
 */
export class Enrolment {
  constructor(private readonly d: EnrolmentDeps) {}

  lookup(code: string, deviceId: string): { classId: string; className: string; students: RosterEntry[] } {
    const record = this.findClass(code, deviceId);
    const classDoc = this.d.documents.read(docName({ kind: 'class', classId: record.id }));
    return { classId: record.id, className: classNameOf(record, classDoc), students: rosterOf(classDoc) };
  }

  async join(input: { code: string; studentId: string; deviceId: string; deviceName?: string }): Promise<Joined | WaitingForTeacher> {
    const { devices, requests } = this.d;
    const record = this.findClass(input.code, input.deviceId);
    const classDoc = this.d.documents.read(docName({ kind: 'class', classId: record.id }));
    const className = classNameOf(record, classDoc);
    const student = rosterOf(classDoc).find((s) => s.id === input.studentId);
    const deviceKeys = [{ key: `join:device:${input.deviceId}`, limit: this.d.limits.joinPerDevice }];
    if (!student) {
      this.d.attempts.fail(deviceKeys);
      throw new RelayError(404, 'unknown-student', 'This name is not on the class list: ask your teacher.');
    }
    if (devices.revokedIn(record.id, input.deviceId)) {
      this.d.attempts.fail(deviceKeys);
      throw new RelayError(403, 'device-revoked', 'This device was removed from the class: ask your teacher.');
    }
    const device = { deviceId: input.deviceId, role: 'student' as const, subject: student.id, classId: record.id };
    // From here to register() there is no await: two devices claiming one name at once cannot both be first.
    if (!devices.isActive(device) && devices.studentClaimed(record.id, student.id)) {
      const request = requests.find(record.id, student.id, input.deviceId);
      if (request?.decision === 'declined') {
        throw new RelayError(403, 'join-declined', 'Your teacher did not let this device join as this student.');
      }
      if (request?.decision !== 'approved') {
        const waiting = request ?? this.newRequest(record.id, student.id, input.deviceId, input.deviceName ?? '');
        return { waiting: true, requestId: waiting.id, requestedAt: waiting.requestedAt, classId: record.id, className, studentId: student.id, displayName: student.displayName };
      }
    }
    if (devices.register(device, input.deviceName ?? '') === 'revoked') {
      this.d.attempts.fail(deviceKeys);
      throw new RelayError(403, 'device-revoked', 'This device was removed from the class: ask your teacher.');
    }
    this.d.students.enrol(record.id, student.id, student.displayName);
    const refs = studentDocs(record.id, student.id);
    for (const ref of refs) await this.d.documents.ensureCreated(ref);
    const issued = await this.d.tokens.issue({ role: 'student', subject: student.id, classIds: [record.id], deviceId: input.deviceId });
    return {
      ...issued,
      classId: record.id,
      className,
      studentId: student.id,
      displayName: student.displayName,
      documents: [docName({ kind: 'class', classId: record.id }), ...refs.map(docName)],
    };
  }

  private newRequest(classId: string, studentId: string, deviceId: string, deviceName: string) {
    if (this.d.requests.pendingIn(classId) >= this.d.pendingJoinsPerClass) {
      throw new RelayError(429, 'too-many-requests', 'Many devices are waiting for your teacher already: ask your teacher.', { 'Retry-After': '600' });
    }
    return this.d.requests.create({ classId, studentId, deviceId, deviceName });
  }

  /**
   * Typed codes are limited per device and, for all devices together, per relay: a guesser with a
   * fresh device id for every try still gets fewer than 100 tries an hour. Every key is checked
   * before anything is written, so a refused guess adds no row. The QR link's key is not limited
   * (100 bits: nothing to gain by guessing it), so a class can still join from the QR code while
   * someone floods typed codes.
   */
  private findClass(code: string, deviceId: string): ClassRecord {
    const normalized = normalizeJoinCode(code);
    if (isJoinKey(normalized)) {
      const record = this.d.classes.byCode(normalized);
      if (!record) throw new RelayError(404, 'unknown-code', 'No class has this code: check it with your teacher.');
      return record;
    }
    const keys: AttemptKey[] = [
      { key: 'join:relay', limit: this.d.limits.joinPerRelay },
      { key: `join:device:${deviceId}`, limit: this.d.limits.joinPerDevice },
    ];
    this.d.attempts.check(keys);
    const record = this.d.classes.byCode(normalized);
    if (!record) {
      this.d.attempts.fail(keys);
      throw new RelayError(404, 'unknown-code', 'No class has this code: check it with your teacher.');
    }
    return record;
  }
}
