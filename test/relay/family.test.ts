import { afterEach, describe, expect, it } from 'vitest';
import { coachDocument, docName, planDocument, staffDocument } from '../../src/core';
import { api, cleanup, enrolStudent, newClass, newDevice, newRelay, newTeacher } from './helpers';

afterEach(cleanup);

async function classWithWork() {
  const relay = await newRelay();
  const teacher = await newTeacher(relay);
  const cls = await newClass(relay, teacher, ['Ana']);
  const ana = cls.students[0]!;
  const device = newDevice(relay);
  const ref = { classId: cls.classId, studentId: ana.id };
  const plan = device.open(docName({ kind: 'plan', ...ref }), teacher.token);
  const coach = device.open(docName({ kind: 'coach', ...ref }), teacher.token);
  const staff = device.open(docName({ kind: 'staff', classId: cls.classId }), teacher.token);
  await Promise.all([plan.whenSynced(), coach.whenSynced(), staff.whenSynced()]);
  const p = planDocument(plan.doc);
  const goal = p.goals.add({ title: 'Fractions', why: 'For baking', startDate: '2026-09-01', targetDate: '2026-12-01', proposedBy: 'teacher', createdAt: 1 });
  p.progress.add({ goalId: goal, at: 5, value: 40 });
  p.reflections.add({ at: 6, did: 'a private reflection' });
  const project = p.projects.add({ title: 'Bake a cake', question: 'How much flour?', createdAt: 2 });
  p.milestones.add({ projectId: project, title: 'Recipe', doneAt: 7 });
  // Agreement only from the coach document; a goal claiming proposedBy 'teacher' without it is a proposal.
  p.goals.add({ title: 'Skateboard tricks', startDate: '2026-09-01', targetDate: '2026-12-01', proposedBy: 'teacher', createdAt: 3 });
  const c = coachDocument(coach.doc);
  c.decisions.add({ recordId: goal, recordKind: 'goal', decision: 'agreed', title: 'Fractions', targetDate: '2026-12-01', at: 4 });
  c.checkins.add({ date: '2026-10-01', at: 10, sharedNote: 'Ana explained halves well', goalNotes: { [goal]: 'teacher-only goal note' } });
  c.checkins.add({ date: '2026-10-08', at: 20, sharedNote: '' });
  c.nextSteps.add({ checkinId: 'checkin1', text: 'Practise quarters', due: '2026-10-15' });
  staffDocument(staff.doc).privateNotes.add({ checkinId: 'checkin1', studentId: ana.id, text: 'STAFF ONLY: family situation', at: 11 });
  await Promise.all([plan.whenStored(), coach.whenStored(), staff.whenStored()]);
  device.close();
  return { relay, teacher, cls, ana, goal };
}

describe('family links', () => {
  it('show goals, progress, projects, shared check-in notes and next steps, and nothing private', async () => {
    const { relay, teacher, cls, ana, goal } = await classWithWork();
    const made = await api(relay, 'POST', `/api/classes/${cls.classId}/students/${ana.id}/family-links`, { token: teacher.token, body: { language: 'es' } });
    expect(made.status).toBe(201);
    expect(made.body.url).toBe(`${relay.url}/#/family/${made.body.token}`);
    const stored = relay.db.prepare('SELECT token_hash FROM family_links').get() as { token_hash: string };
    expect(stored.token_hash).not.toContain(made.body.token);

    const view = await api(relay, 'GET', `/api/family/${made.body.token}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      student: { id: ana.id, displayName: 'Ana' },
      className: 'Year 7 Maths',
      language: 'es',
      goals: [{ id: goal, title: 'Fractions', why: 'For baking', stage: 'agreed', progress: 40 }],
      proposals: [{ title: 'Skateboard tricks' }],
      projects: [{ title: 'Bake a cake', question: 'How much flour?', proposal: true, status: 'proposed', milestones: [{ title: 'Recipe', done: true, due: null }] }],
      checkins: [{ date: '2026-10-01', note: 'Ana explained halves well' }],
      nextSteps: [{ text: 'Practise quarters', due: '2026-10-15', done: false, owner: 'student' }],
    });
    const text = JSON.stringify(view.body);
    for (const secret of ['STAFF ONLY', 'teacher-only goal note', 'a private reflection']) expect(text).not.toContain(secret);
  });

  it('can be listed and revoked; a revoked link shows nothing', async () => {
    const { relay, teacher, cls, ana } = await classWithWork();
    const path = `/api/classes/${cls.classId}/students/${ana.id}/family-links`;
    const made = await api(relay, 'POST', path, { token: teacher.token });
    expect(made.body.language).toBe('en');
    const list = await api(relay, 'GET', path, { token: teacher.token });
    expect(list.body.links).toEqual([expect.objectContaining({ id: made.body.linkId, revokedAt: null })]);
    expect(list.body.links[0]).not.toHaveProperty('token');
    expect((await api(relay, 'DELETE', `${path}/${made.body.linkId}`, { token: teacher.token })).body).toEqual({ revoked: true });
    expect(await api(relay, 'GET', `/api/family/${made.body.token}`)).toMatchObject({ status: 404, body: { error: 'unknown-link' } });
    expect((await api(relay, 'DELETE', `${path}/${made.body.linkId}`, { token: teacher.token })).status).toBe(404);
  });

  it('only the class teachers make links', async () => {
    const { relay, cls, ana } = await classWithWork();
    const path = `/api/classes/${cls.classId}/students/${ana.id}/family-links`;
    const other = await newTeacher(relay);
    expect((await api(relay, 'POST', path, { token: other.token })).status).toBe(404);
    const student = await enrolStudent(relay, cls.joinCode, ana.id);
    expect(await api(relay, 'POST', path, { token: student.token })).toMatchObject({ status: 403, body: { error: 'teachers-only' } });
    expect(await api(relay, 'GET', '/api/family/not-a-real-token')).toMatchObject({ status: 404, body: { error: 'unknown-link' } });
  });
});
