import * as Y from 'yjs';
import { docName, planDocument } from '../../../src/core';
import { enrolStudent, newClass, newDevice, newTeacher, type TestRelay } from '../helpers';

/** A class with Ana enrolled on her own device, and one goal in her plan, stored on the relay. */
export async function studentWithPlan(relay: TestRelay) {
  const teacher = await newTeacher(relay);
  const cls = await newClass(relay, teacher, ['Ana']);
  const ana = await enrolStudent(relay, cls.joinCode, cls.students[0]!.id);
  const planName = docName({ kind: 'plan', classId: cls.classId, studentId: ana.studentId });
  const device = newDevice(relay);
  const plan = device.open(planName, ana.token);
  await plan.whenSynced();
  const goalId = planDocument(plan.doc).goals.add({ title: 'Fractions', startDate: '2026-09-01', targetDate: '2026-12-01', createdAt: 1 });
  await plan.whenStored();
  device.close();
  return { teacher, cls, ana, planName, goalId };
}

/** The update that takes a copy of `base` to what `edit` makes of it. */
export function updateOn(base: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(copy);
  copy.transact(() => edit(copy));
  return Y.encodeStateAsUpdate(copy, before);
}
