import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docName, newId, type DocRef } from '../../src/core';
import type { Access } from '../../src/relay/access-rules';
import {
  api, cleanup, enrolStudent, newClass, newDevice, newRelay, newTeacher, waitFor,
  type TestDevice, type TestRelay,
} from './helpers';

type Role = 'teacher' | 'otherTeacher' | 'student' | 'classmate' | 'family' | 'none';
/** Document columns are named from the student's point of view: "own" is theirs, "classmate" is the classmate's. */
type DocColumn = 'class' | 'plan own' | 'plan classmate' | 'coach own' | 'coach classmate' | 'staff';

const EXPECTED: Record<Role, Record<DocColumn, Access>> = {
  teacher: { class: 'write', 'plan own': 'write', 'plan classmate': 'write', 'coach own': 'write', 'coach classmate': 'write', staff: 'write' },
  otherTeacher: { class: 'none', 'plan own': 'none', 'plan classmate': 'none', 'coach own': 'none', 'coach classmate': 'none', staff: 'none' },
  student: { class: 'read', 'plan own': 'write', 'plan classmate': 'none', 'coach own': 'read', 'coach classmate': 'none', staff: 'none' },
  classmate: { class: 'read', 'plan own': 'none', 'plan classmate': 'write', 'coach own': 'none', 'coach classmate': 'read', staff: 'none' },
  family: { class: 'none', 'plan own': 'none', 'plan classmate': 'none', 'coach own': 'none', 'coach classmate': 'none', staff: 'none' },
  none: { class: 'none', 'plan own': 'none', 'plan classmate': 'none', 'coach own': 'none', 'coach classmate': 'none', staff: 'none' },
};

let relay: TestRelay;
const tokens = {} as Record<Role, string>;
const devices = {} as Record<Role, TestDevice>;
const names = {} as Record<DocColumn, string>;

beforeAll(async () => {
  relay = await newRelay();
  const teacher = await newTeacher(relay);
  const otherTeacher = await newTeacher(relay);
  const cls = await newClass(relay, teacher, ['Ana', 'Ben']);
  await newClass(relay, otherTeacher, ['Cy']);
  const [ana, ben] = cls.students;
  const student = await enrolStudent(relay, cls.joinCode, ana!.id);
  const classmate = await enrolStudent(relay, cls.joinCode, ben!.id);
  const link = await api(relay, 'POST', `/api/classes/${cls.classId}/students/${ana!.id}/family-links`, { token: teacher.token });
  Object.assign(tokens, {
    teacher: teacher.token, otherTeacher: otherTeacher.token, student: student.token, classmate: classmate.token,
    family: link.body.token, none: '',
  });
  const refs: Record<DocColumn, DocRef> = {
    class: { kind: 'class', classId: cls.classId },
    'plan own': { kind: 'plan', classId: cls.classId, studentId: ana!.id },
    'plan classmate': { kind: 'plan', classId: cls.classId, studentId: ben!.id },
    'coach own': { kind: 'coach', classId: cls.classId, studentId: ana!.id },
    'coach classmate': { kind: 'coach', classId: cls.classId, studentId: ben!.id },
    staff: { kind: 'staff', classId: cls.classId },
  };
  // The teacher puts a marker in every document, so "can read" means "received the marker".
  const seeder = newDevice(relay);
  for (const [column, ref] of Object.entries(refs) as [DocColumn, DocRef][]) {
    names[column] = docName(ref);
    const conn = seeder.open(names[column], teacher.token);
    await conn.whenSynced();
    conn.doc.getMap('seed').set('marker', names[column]);
    await conn.whenStored();
  }
  seeder.close();
  for (const role of Object.keys(EXPECTED) as Role[]) devices[role] = newDevice(relay);
});

afterAll(cleanup);

const cases = (Object.keys(EXPECTED) as Role[]).flatMap((role) =>
  (Object.keys(EXPECTED[role]) as DocColumn[]).map((column) => ({ role, column, expected: EXPECTED[role][column] })),
);

describe('who may open which document (read and write)', () => {
  it.each(cases)('$role opening $column: $expected', async ({ role, column, expected }) => {
    const name = names[column];
    const conn = devices[role].open(name, tokens[role], new Y.Doc());
    const outcome = await conn.outcome;
    if (expected === 'none') {
      expect(outcome.kind).toBe('refused');
      if (outcome.kind === 'refused') expect(outcome.reason).toMatch(/^(forbidden|token-missing|token-malformed): /);
      await new Promise((r) => setTimeout(r, 50));
      expect(conn.doc.getMap('seed').size).toBe(0);
      return;
    }
    expect(outcome).toEqual({ kind: 'authenticated', scope: expected === 'write' ? 'read-write' : 'readonly' });
    await conn.whenSynced();
    expect(conn.doc.getMap('seed').get('marker')).toBe(name);

    const key = `${role}-${newId(6)}`;
    const repliesBefore = conn.syncStatuses.length;
    conn.doc.getMap('probe').set(key, role);
    await waitFor(() => conn.syncStatuses.length > repliesBefore);
    expect(conn.syncStatuses.at(-1)).toBe(expected === 'write');
    const onRelay = relay.hocuspocus.documents.get(name)!;
    expect(onRelay.getMap('probe').get(key)).toBe(expected === 'write' ? role : undefined);
  });
});
