import * as Y from 'yjs';
import { expect } from 'vitest';
import { classDocument, coachDocument, docName, planDocument, staffDocument } from '../../src/core';
import { SimDevice } from './devices';
import { enrolStudent, newClass, newTeacher, type RelayAddress } from './helpers';

/** A teacher and two students, with the documents each device holds for their class. */
export interface Classroom {
  teacher: SimDevice;
  ana: SimDevice;
  ben: SimDevice;
  names: { class: string; staff: string; planAna: string; planBen: string; coachAna: string; coachBen: string };
  goalAna: string;
  goalBen: string;
}

export async function setUpClassroom(relay: RelayAddress): Promise<Classroom> {
  const t = await newTeacher(relay);
  const cls = await newClass(relay, t, ['Ana', 'Ben']);
  const [anaEntry, benEntry] = cls.students;
  const ana = await enrolStudent(relay, cls.joinCode, anaEntry!.id);
  const ben = await enrolStudent(relay, cls.joinCode, benEntry!.id);
  const c = cls.classId;
  const names = {
    class: docName({ kind: 'class', classId: c }),
    staff: docName({ kind: 'staff', classId: c }),
    planAna: docName({ kind: 'plan', classId: c, studentId: ana.studentId }),
    planBen: docName({ kind: 'plan', classId: c, studentId: ben.studentId }),
    coachAna: docName({ kind: 'coach', classId: c, studentId: ana.studentId }),
    coachBen: docName({ kind: 'coach', classId: c, studentId: ben.studentId }),
  };
  const teacher = new SimDevice('teacher', t.token);
  teacher.docs.set(names.class, cls.classDoc);
  for (const name of [names.staff, names.planAna, names.planBen, names.coachAna, names.coachBen]) teacher.doc(name);
  const anaDevice = new SimDevice('ana', ana.token);
  for (const name of [names.class, names.planAna, names.coachAna]) anaDevice.doc(name);
  const benDevice = new SimDevice('ben', ben.token);
  for (const name of [names.class, names.planBen, names.coachBen]) benDevice.doc(name);

  // Online once: the teacher proposes a goal to each student, everyone receives it.
  const goal = (studentDoc: Y.Doc, title: string) =>
    planDocument(studentDoc).goals.add({
      title, why: 'Because it matters', startDate: '2026-09-01', targetDate: '2026-12-01', proposedBy: 'teacher', createdAt: 1,
    });
  const goalAna = goal(teacher.doc(names.planAna), 'Fractions');
  const goalBen = goal(teacher.doc(names.planBen), 'Reading');
  for (const device of [teacher, anaDevice, benDevice]) {
    device.goOnline(relay);
    await device.whenSynced();
  }
  await teacher.whenSynced();
  for (const device of [teacher, anaDevice, benDevice]) device.goOffline();
  expect(planDocument(anaDevice.doc(names.planAna)).goals.get(goalAna)?.title).toBe('Fractions');
  return { teacher, ana: anaDevice, ben: benDevice, names, goalAna, goalBen };
}

/** Offline edits on all three devices, including both people editing the same goal's text. */
export function editOffline(room: Classroom): void {
  const { teacher, ana, ben, names } = room;
  classDocument(teacher.doc(names.class)).targets.add({ title: 'Add fractions', subject: 'Maths' }, 'target1');
  staffDocument(teacher.doc(names.staff)).privateNotes.add({ checkinId: 'checkin1', studentId: 'anyone', text: 'private', at: 5 }, 'private1');
  const teacherPlanAna = planDocument(teacher.doc(names.planAna));
  teacherPlanAna.goals.update(room.goalAna, { why: 'T: Because it matters' });
  teacherPlanAna.progress.add({ goalId: room.goalAna, at: 10, value: 20, by: 'teacher' }, 'progresst');
  coachDocument(teacher.doc(names.coachAna)).checkins.add({ date: '2026-10-01', at: 11, sharedNote: 'Great start' }, 'checkin1');
  planDocument(teacher.doc(names.planBen)).goals.add(
    { title: 'Spelling', startDate: '2026-09-01', targetDate: '2026-11-01', proposedBy: 'teacher', createdAt: 12 }, 'goalt2');
  coachDocument(teacher.doc(names.coachBen)).nextSteps.add({ checkinId: 'checkin2', text: 'Read 10 pages' }, 'step1');

  const anaPlan = planDocument(ana.doc(names.planAna));
  anaPlan.goals.update(room.goalAna, { why: 'Because it matters (Ana)' });
  anaPlan.reflections.add({ at: 20, did: 'Worked on halves', mood: 'good' }, 'reflecta');
  anaPlan.progress.add({ goalId: room.goalAna, at: 21, value: 35 }, 'progressa');

  const benPlan = planDocument(ben.doc(names.planBen));
  benPlan.goals.update(room.goalBen, { why: 'Because it matters to Ben' });
  benPlan.projects.add({ title: 'Comic book', createdAt: 30 }, 'projectb');
}

/** Every edit made in editOffline is present in this replica set (the relay's or a device's). */
export function expectAllEdits(room: Classroom, read: (name: string) => Y.Doc): void {
  const { names } = room;
  expect(classDocument(read(names.class)).targets.get('target1')?.title).toBe('Add fractions');
  expect(staffDocument(read(names.staff)).privateNotes.get('private1')?.text).toBe('private');
  const planAna = planDocument(read(names.planAna));
  expect(planAna.goals.get(room.goalAna)?.why).toBe('T: Because it matters (Ana)');
  expect(planAna.progress.get('progresst')?.value).toBe(20);
  expect(planAna.progress.get('progressa')?.value).toBe(35);
  expect(planAna.reflections.get('reflecta')?.did).toBe('Worked on halves');
  expect(coachDocument(read(names.coachAna)).checkins.get('checkin1')?.sharedNote).toBe('Great start');
  const planBen = planDocument(read(names.planBen));
  expect(planBen.goals.get('goalt2')?.title).toBe('Spelling');
  expect(planBen.goals.get(room.goalBen)?.why).toBe('Because it matters to Ben');
  expect(planBen.projects.get('projectb')?.title).toBe('Comic book');
  expect(coachDocument(read(names.coachBen)).nextSteps.get('step1')?.text).toBe('Read 10 pages');
}
