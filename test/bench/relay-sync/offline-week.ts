import type * as Y from 'yjs';
import { addDays, classDocument, coachDocument, dayNumber, planDocument, staffDocument, type Level } from '../../../src/core';
import type { Random } from '../../../scripts/seed/random';
import { NOTES, STEPS, WHYS } from '../../../scripts/seed/words';

/**
 * A school week of work done offline, through the same accessors the app uses. Each school day
 * is a new app session, so a new Yjs client id (as after every page load with y-indexeddb).
 * Every edit inserts something (new records, appended text, new field values): none is a pure
 * deletion, so a replica holding the expected state vector holds every edit.
 */

export const SCHOOL_DAYS = 5;
const DAY_MS = 86_400_000;

export interface WeekContext {
  rng: Random;
  /** The first school day of the offline week. */
  monday: string;
  /** Gives each (device, day) session its own client id. */
  session(day: number): void;
}

const at = (day: string, hour: number) => dayNumber(day) * DAY_MS + hour * 3_600_000;

/** A student's week in their own plan: progress, a reflection a day, goal notes, a finished milestone, a self-assessment. */
export function studentWeek(plan: Y.Doc, ctx: WeekContext): void {
  const p = planDocument(plan);
  const { rng } = ctx;
  const goals = p.goals.list();
  const milestones = p.milestones.list().filter((m) => m.doneAt === null);
  const targets = [...new Set(p.selfAssessments.list().map((s) => s.targetId))];
  for (let d = 0; d < SCHOOL_DAYS; d++) {
    ctx.session(d);
    const day = addDays(ctx.monday, d);
    for (let u = rng.int(1, 2); u > 0; u--) {
      const goal = rng.pick(goals);
      p.progress.add({ goalId: goal.id, at: at(day, 10 + u), value: rng.int(30, 100), note: rng.chance(0.4) ? rng.pick(NOTES) : '', by: 'student' });
    }
    p.reflections.add({ at: at(day, 14), did: rng.pick(NOTES), hard: rng.chance(0.5) ? 'Staying focused after lunch' : '', next: rng.pick(STEPS), mood: rng.pick(['great', 'good', 'okay', 'low'] as const) });
    if (d === 1 || d === 3) {
      const goal = rng.pick(goals);
      p.goals.update(goal.id, { why: `${goal.why} ${rng.pick(WHYS)}.` });
    }
    if (d === 2 && milestones.length) {
      const milestone = rng.pick(milestones);
      p.milestones.update(milestone.id, { doneAt: at(day, 13) });
      p.evidence.add({ projectId: milestone.projectId, milestoneId: milestone.id, kind: 'text', text: rng.pick(NOTES), at: at(day, 13) });
    }
    if (d === 4 && targets.length) {
      p.selfAssessments.add({ targetId: rng.pick(targets), level: rng.int(1, 4) as Level, evidence: 'I showed it in my book', at: at(day, 15) });
    }
  }
}

export interface TeacherDocs {
  classDoc: Y.Doc;
  staff: Y.Doc;
  students: { id: string; plan: Y.Doc; coach: Y.Doc }[];
}

/**
 * A teacher's week: a new target and group, check-ins with a fifth of the class each day (shared
 * note, next step, sometimes a private note), and for each of those students a progress update
 * and sometimes a note added to the same goal text the student may be editing.
 */
export function teacherWeek(docs: TeacherDocs, ctx: WeekContext): void {
  const { rng } = ctx;
  const cls = classDocument(docs.classDoc);
  const staff = staffDocument(docs.staff);
  const perDay = Math.ceil(docs.students.length / SCHOOL_DAYS);
  for (let d = 0; d < SCHOOL_DAYS; d++) {
    ctx.session(d);
    const day = addDays(ctx.monday, d);
    if (d === 0) {
      cls.targets.add({ title: 'Measure angles', subject: 'Maths', levels: ['Names angles', 'Estimates', 'Measures', 'Explains'] });
      cls.groups.add({ name: 'Fractions group', studentIds: docs.students.slice(0, 6).map((s) => s.id) });
    }
    for (const student of docs.students.slice(d * perDay, (d + 1) * perDay)) {
      const coach = coachDocument(student.coach);
      const plan = planDocument(student.plan);
      const checkinId = coach.checkins.add({
        date: day, at: at(day, 9 + rng.int(0, 5)), kind: rng.pick(['one-to-one', 'small-group', 'quick'] as const),
        engagement: rng.int(1, 4) as Level, sharedNote: rng.pick(NOTES), followUp: addDays(day, 14), teacherName: 'Ms Rivera',
      });
      coach.nextSteps.add({ checkinId, text: rng.pick(STEPS), owner: rng.chance(0.8) ? 'student' : 'teacher', due: addDays(day, 7) });
      if (rng.chance(0.3)) staff.privateNotes.add({ checkinId, studentId: student.id, text: 'Talk with family about homework time', at: at(day, 16) });
      const goal = rng.pick(plan.goals.list());
      plan.progress.add({ goalId: goal.id, at: at(day, 11), value: rng.int(20, 100), note: 'Checked together', by: 'teacher' });
      if (rng.chance(0.5)) plan.goals.update(goal.id, { why: `${goal.why} (agreed at check-in)` });
    }
  }
}
