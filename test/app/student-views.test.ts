import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { classDocument, coachDocument, planDocument } from '../../src/core';
import { projectViews } from '../../src/app/projects/project-state';
import { homeView, teacherNote } from '../../src/app/student-home/use-student';

function docs() {
  const plan = new Y.Doc();
  const coach = new Y.Doc();
  const cls = new Y.Doc();
  classDocument(cls).catalog.add({ title: 'Rain gauge' }, 'catalog1');
  return { plan, coach, cls, p: planDocument(plan), c: coachDocument(coach) };
}

describe('project status from its history', () => {
  it('a catalog project is active at once; my own idea waits for the teacher, who may suggest a change, then agree', () => {
    const { plan, coach, cls, p, c } = docs();
    const fromCatalog = p.projects.add({ title: 'Rain gauge', catalogId: 'catalog1', createdAt: 1 });
    const own = p.projects.add({ title: 'Comic', createdAt: 2 });
    const status = () => Object.fromEntries(projectViews(plan, coach, cls).map((v) => [v.project.title, v.status]));
    expect(status()).toEqual({ 'Rain gauge': 'active', Comic: 'proposed' });

    c.decisions.add({ recordId: own, recordKind: 'project', decision: 'suggested', note: 'Add a question', at: 10 });
    expect(status().Comic).toBe('suggested');
    expect(projectViews(plan, coach, cls).find((v) => v.project.id === own)?.suggestion?.note).toBe('Add a question');
    // A goal decision with the same id pattern never counts for a project.
    c.decisions.add({ recordId: own, recordKind: 'goal', decision: 'agreed', at: 11 });
    expect(status().Comic).toBe('suggested');
    c.decisions.add({ recordId: own, recordKind: 'project', decision: 'agreed', at: 12 });
    expect(status().Comic).toBe('active');
    expect(projectViews(plan, coach, cls).find((v) => v.project.id === own)?.suggestion).toBeNull();

    p.statusChanges.add({ recordId: fromCatalog, status: 'achieved', at: 20 });
    expect(status()['Rain gauge']).toBe('done');
  });

  it('counts steps done, ignoring deleted ones', () => {
    const { plan, cls, p } = docs();
    const id = p.projects.add({ title: 'Garden', catalogId: 'catalog1', createdAt: 1 });
    p.milestones.add({ projectId: id, title: 'Dig', doneAt: 5 });
    p.milestones.add({ projectId: id, title: 'Plant', doneAt: null });
    p.milestones.remove(p.milestones.add({ projectId: id, title: 'Gone', doneAt: 3 }));
    expect(projectViews(plan, null, cls)[0]?.milestones).toEqual({ total: 2, done: 1 });
  });
});

describe('the student home', () => {
  it('splits long and weekly goals, drops stopped ones, and picks the next open step by due date', () => {
    const { plan, coach, p } = docs();
    p.goals.add({ title: 'Read a chapter book', startDate: '2026-11-01', targetDate: '2026-12-20', createdAt: 1 });
    p.goals.add({ title: 'Seven times table', horizon: 'weekly', startDate: '2026-11-23', targetDate: '2026-11-30', createdAt: 2 });
    const dropped = p.goals.add({ title: 'Stopped goal', startDate: '2026-11-01', targetDate: '2026-12-01', createdAt: 3 });
    p.statusChanges.add({ recordId: dropped, status: 'dropped', at: 4 });
    const project = p.projects.add({ title: 'Rain gauge', catalogId: 'catalog1', createdAt: 1 });
    p.milestones.add({ projectId: project, title: 'Done already', due: '2026-11-01', doneAt: 5 });
    p.milestones.add({ projectId: project, title: 'Later', due: '2026-12-10', doneAt: null });
    p.milestones.add({ projectId: project, title: 'Sooner', due: '2026-11-27', doneAt: null });
    p.milestones.add({ projectId: project, title: 'Whenever', due: null, doneAt: null });

    const home = homeView(plan, coach, '2026-11-23');
    expect(home.goals.map((g) => g.goal.title)).toEqual(['Read a chapter book']);
    expect(home.weekly.map((g) => g.goal.title)).toEqual(['Seven times table']);
    expect(home.nextMilestone).toMatchObject({ title: 'Sooner', projectTitle: 'Rain gauge', due: '2026-11-27' });
  });

  it('shows the latest check-in note that was shared, and only open next steps', () => {
    const { coach, c } = docs();
    c.checkins.add({ date: '2026-11-10', at: 10, sharedNote: 'Older note' });
    c.checkins.add({ date: '2026-11-18', at: 20, sharedNote: 'Newest shared note' });
    c.checkins.add({ date: '2026-11-20', at: 30, sharedNote: '' });
    c.nextSteps.add({ checkinId: 'checkin1', text: 'Open step' });
    c.nextSteps.add({ checkinId: 'checkin1', text: 'Finished step', doneAt: 40 });
    const { latest, steps } = teacherNote(coach);
    expect(latest?.sharedNote).toBe('Newest shared note');
    expect(steps.map((s) => s.text)).toEqual(['Open step']);
  });
});
