import * as Y from 'yjs';
import { addDays, docName } from '../../../src/core';
import { seedClass } from '../../../scripts/seed/generate';
import { seededRandom } from '../../../scripts/seed/random';
import { contentHash } from './digest';
import { studentWeek, teacherWeek, type WeekContext } from './offline-week';

/**
 * The benchmark's school: seeded classes mid-year (the state every device and the relay last
 * agreed on), and one device per teacher and per student with a week of offline work on it.
 */

export const BASELINE_DAY = '2026-03-06';
const OFFLINE_MONDAY = addDays(BASELINE_DAY, 3);

export interface SchoolClass {
  classId: string;
  className: string;
  students: { id: string; displayName: string }[];
}

export interface Replica {
  name: string;
  /** This device's offline edits to the document (an update relative to the baseline), if any. */
  edits: Uint8Array | null;
}

export interface DeviceSpec {
  /** `c0-teacher`, `c0-s12`: also the key of its token. */
  label: string;
  role: 'teacher' | 'student';
  classIndex: number;
  studentId: string | null;
  replicas: Replica[];
}

export interface Expected {
  sv: Map<number, number>;
  /** contentHash of the merged document. */
  content: string;
}

export interface School {
  classes: SchoolClass[];
  /** Every document's starting state (what the relay holds before the devices come back). */
  baseline: Map<string, Uint8Array>;
  devices: DeviceSpec[];
  /** Per document: the state vector and content every replica must reach. */
  expected: Map<string, Expected>;
}

const docFrom = (...updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
};

export function classDocNames(cls: SchoolClass) {
  const c = cls.classId;
  return {
    class: docName({ kind: 'class', classId: c }),
    staff: docName({ kind: 'staff', classId: c }),
    plan: (studentId: string) => docName({ kind: 'plan', classId: c, studentId }),
    coach: (studentId: string) => docName({ kind: 'coach', classId: c, studentId }),
  };
}

/** `classes` seeded classes of `studentsPerClass` students; every student and teacher has one device. */
export function buildSchool(classes: number, studentsPerClass: number): School {
  const school: School = { classes: [], baseline: new Map(), devices: [], expected: new Map() };
  let nextClient = 1_000_000;
  for (let k = 0; k < classes; k++) {
    const seeded = seedClass({ seed: 2026 + k, students: studentsPerClass, today: BASELINE_DAY, days: 130 });
    const cls: SchoolClass = { classId: seeded.classId, className: seeded.className, students: seeded.students };
    school.classes.push(cls);
    for (const [name, doc] of seeded.docs) school.baseline.set(name, Y.encodeStateAsUpdate(doc));
    const names = classDocNames(cls);
    const base = (name: string) => school.baseline.get(name)!;
    const rng = seededRandom(7_000 + k);

    // Each device edits its own copies of the baseline; what it made offline is the diff.
    const offline = (docs: Map<string, Y.Doc>, work: (ctx: WeekContext) => void): Replica[] => {
      const before = new Map([...docs].map(([n, d]) => [n, Y.encodeStateVector(d)]));
      const sessionBase = (nextClient += 10);
      work({ rng, monday: OFFLINE_MONDAY, session: (day) => docs.forEach((d) => (d.clientID = sessionBase + day)) });
      return [...docs].map(([name, doc]) => ({ name, edits: Y.encodeStateAsUpdate(doc, before.get(name)) }));
    };

    const teacherDocs = new Map<string, Y.Doc>([names.class, names.staff].map((n) => [n, docFrom(base(n))]));
    for (const s of cls.students) for (const n of [names.plan(s.id), names.coach(s.id)]) teacherDocs.set(n, docFrom(base(n)));
    const teacherReplicas = offline(teacherDocs, (ctx) =>
      teacherWeek(
        {
          classDoc: teacherDocs.get(names.class)!,
          staff: teacherDocs.get(names.staff)!,
          students: cls.students.map((s) => ({ id: s.id, plan: teacherDocs.get(names.plan(s.id))!, coach: teacherDocs.get(names.coach(s.id))! })),
        },
        ctx,
      ),
    );
    school.devices.push({ label: `c${k}-teacher`, role: 'teacher', classIndex: k, studentId: null, replicas: teacherReplicas });

    cls.students.forEach((s, i) => {
      const plan = new Map([[names.plan(s.id), docFrom(base(names.plan(s.id)))]]);
      const [planReplica] = offline(plan, (ctx) => studentWeek(plan.get(names.plan(s.id))!, ctx));
      school.devices.push({
        label: `c${k}-s${i}`,
        role: 'student',
        classIndex: k,
        studentId: s.id,
        replicas: [{ name: names.class, edits: null }, planReplica!, { name: names.coach(s.id), edits: null }],
      });
    });
  }

  // What every replica of a document must end up with: the baseline plus everyone's edits.
  const edits = new Map<string, Uint8Array[]>();
  for (const device of school.devices) for (const r of device.replicas) if (r.edits) edits.set(r.name, [...(edits.get(r.name) ?? []), r.edits]);
  for (const [name, state] of school.baseline) {
    const doc = docFrom(state, ...(edits.get(name) ?? []));
    school.expected.set(name, { sv: Y.decodeStateVector(Y.encodeStateVector(doc)), content: contentHash(doc) });
    doc.destroy();
  }
  return school;
}

export interface WorkloadFigures {
  documents: number;
  replicas: number;
  baselineBytes: number;
  /** Bytes of offline edits per device (Yjs updates as the devices encoded them). */
  studentEdits: number[];
  teacherEdits: number[];
  /** The least a relay could move: every edit up once, and down once to each other replica. */
  idealUpBytes: number;
  idealDownBytes: number;
}

export function workloadFigures(school: School): WorkloadFigures {
  const editSize = (d: DeviceSpec) => d.replicas.reduce((sum, r) => sum + (r.edits?.byteLength ?? 0), 0);
  const perDoc = new Map<string, { holders: number; editBytes: number }>();
  for (const d of school.devices) {
    for (const r of d.replicas) {
      const entry = perDoc.get(r.name) ?? { holders: 0, editBytes: 0 };
      entry.holders++;
      entry.editBytes += r.edits?.byteLength ?? 0;
      perDoc.set(r.name, entry);
    }
  }
  let idealDown = 0;
  for (const d of school.devices) for (const r of d.replicas) idealDown += perDoc.get(r.name)!.editBytes - (r.edits?.byteLength ?? 0);
  return {
    documents: school.baseline.size,
    replicas: school.devices.reduce((n, d) => n + d.replicas.length, 0),
    baselineBytes: [...school.baseline.values()].reduce((n, s) => n + s.byteLength, 0),
    studentEdits: school.devices.filter((d) => d.role === 'student').map(editSize),
    teacherEdits: school.devices.filter((d) => d.role === 'teacher').map(editSize),
    idealUpBytes: school.devices.reduce((n, d) => n + editSize(d), 0),
    idealDownBytes: idealDown,
  };
}
