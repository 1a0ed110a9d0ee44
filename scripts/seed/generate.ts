import * as Y from 'yjs';
import {
  addDays, classDocument, coachDocument, docName, initMeta, localDay, planDocument, staffDocument, dayNumber,
  type DocRef, type Level,
} from '../../src/core';
import { seededRandom, type Random } from './random';
import { FIRST_NAMES, GOAL_TITLES, LAST_NAMES, NOTES, PROJECTS, STEPS, TARGETS, WHYS } from './words';

export interface SeededClass {
  classId: string;
  className: string;
  students: { id: string; displayName: string }[];
  /** Every document of the class by name. */
  docs: Map<string, Y.Doc>;
}

export interface SeedOptions {
  seed?: number;
  students?: number;
  /** The last day of the generated school year (defaults to today, so the dashboard looks current). */
  today?: string;
  /** How many school days the year has run. */
  days?: number;
}

const DAY_MS = 86_400_000;

/** A class of students with a school year of plans, projects, reflections and check-ins, from a fixed seed. */
export function seedClass(options: SeedOptions = {}): SeededClass {
  const rng = seededRandom(options.seed ?? 2026);
  const today = options.today ?? localDay();
  const days = options.days ?? 270;
  const start = addDays(today, -days);
  const classId = rng.id();
  const docs = new Map<string, Y.Doc>();
  let clientId = 1;
  const make = (ref: DocRef) => {
    const doc = new Y.Doc();
    doc.clientID = clientId++;
    initMeta(doc, ref, moment(start, 0));
    docs.set(docName(ref), doc);
    return doc;
  };

  const cls = classDocument(make({ kind: 'class', classId }));
  const staff = staffDocument(make({ kind: 'staff', classId }));
  const className = 'Year 5 Maple';
  cls.settings.write({ name: className, cadenceDays: 14, defaultLanguage: 'en' });
  cls.teachers.add({ name: 'Ms Rivera' }, rng.id());
  const targetIds = TARGETS.map(([title, subject, levels]) => cls.targets.add({ title, subject, levels }, rng.id()));
  const catalogIds = PROJECTS.map(([title, question]) =>
    cls.catalog.add({ title, question, targetIds: [rng.pick(targetIds)], weeks: rng.int(3, 8) }, rng.id()),
  );

  const students: SeededClass['students'] = [];
  for (let s = 0; s < (options.students ?? 40); s++) {
    const studentId = rng.id();
    const displayName = `${FIRST_NAMES[s % FIRST_NAMES.length]} ${rng.pick(LAST_NAMES)}`;
    const language = rng.chance(0.35) ? 'es' : 'en';
    cls.students.add({ displayName, language }, studentId);
    students.push({ id: studentId, displayName });
    // Some students are steady, some drift: this is what makes the dashboard worth reading.
    const drive = rng.next();
    const plan = planDocument(make({ kind: 'plan', classId, studentId }));
    const coach = coachDocument(make({ kind: 'coach', classId, studentId }));
    plan.profile.write({ language });
    for (const [kind, text] of [['interest', 'football'], ['interest', 'drawing'], ['strength', 'explaining ideas'], ['support', 'a quiet corner']] as const) {
      if (rng.chance(0.8)) plan.profileItems.add({ kind, text }, rng.id());
    }
    seedGoals(rng, plan, coach, { start, today, days, drive, targetIds });
    seedProjects(rng, plan, coach, { start, today, days, drive, catalogIds });
    for (let r = 0; r < 40; r++) {
      // Steady students reflect until this week; drifting ones went quiet a while ago.
      const quiet = Math.round(24 * (1 - drive) ** 2);
      const day = Math.floor(((r + 1) / 40) * (days - quiet));
      plan.reflections.add({ at: moment(start, day), did: rng.pick(NOTES), hard: rng.chance(0.5) ? 'Staying focused' : '', next: rng.pick(STEPS), mood: rng.pick(['great', 'good', 'okay', 'low'] as const) }, rng.id());
    }
    for (const targetId of targetIds) {
      plan.selfAssessments.add({ targetId, level: rng.int(1, 4) as Level, evidence: 'I can show it in my book', at: moment(start, rng.int(0, days)) }, rng.id());
    }
    seedCheckIns(rng, coach, staff, studentId, { start, days, drive });
  }
  return { classId, className, students, docs };
}

function moment(start: string, day: number): number {
  return (dayNumber(start) + day) * DAY_MS + 10 * 3_600_000;
}

interface Span { start: string; today: string; days: number; drive: number }

function seedGoals(rng: Random, plan: ReturnType<typeof planDocument>, coach: ReturnType<typeof coachDocument>, span: Span & { targetIds: string[] }) {
  for (let g = 0; g < 10; g++) {
    const begin = Math.floor((g / 10) * span.days * 0.8);
    // The last goals of the year are the ones being worked on now: their target dates lie ahead.
    const length = g >= 7 ? span.days - begin + rng.int(7, 45) : rng.int(21, 90);
    const goalId = plan.goals.add({
      title: GOAL_TITLES[(g + rng.int(0, 3)) % GOAL_TITLES.length]!, why: rng.pick(WHYS), horizon: length < 30 ? 'weekly' : 'long',
      targetIds: [rng.pick(span.targetIds)], startDate: addDays(span.start, begin), targetDate: addDays(span.start, begin + length),
      path: rng.pick(['project', 'practice', 'reading', 'group', 'own'] as const), pathNote: '', proposedBy: rng.chance(0.6) ? 'student' : 'teacher',
      createdAt: moment(span.start, begin),
    }, rng.id());
    const agreed = plan.goals.get(goalId)!;
    const agreement = { recordId: goalId, recordKind: 'goal', decision: 'agreed', title: agreed.title, targetDate: agreed.targetDate, note: '' } as const;
    if (agreed.proposedBy === 'student' && (g < 8 || rng.chance(0.6))) {
      coach.decisions.add({ ...agreement, at: moment(span.start, begin + 2) }, rng.id());
    } else if (agreed.proposedBy === 'teacher') {
      // The teacher's own goals are agreed as they are written (agreement lives in the coach document only).
      // Ids derived from the goal's keep the random stream, and so the rest of the seeded class, as it was.
      coach.decisions.add({ ...agreement, at: agreed.createdAt }, `${goalId}agr`);
    }
    let value = 0;
    for (let u = 0; u < 20; u++) {
      const day = begin + Math.floor(((u + 1) / 20) * Math.min(length, span.days - begin));
      if (day > span.days) break;
      value = Math.min(100, value + rng.int(0, Math.round(10 * (0.4 + span.drive) * Math.min(1, (span.days - begin) / length))));
      plan.progress.add({ goalId, at: moment(span.start, day), value, note: u % 5 === 0 ? rng.pick(NOTES) : '', by: rng.chance(0.7) ? 'student' : 'teacher' }, rng.id());
    }
    // Most goals whose date has passed were reached (steady students more often); the rest stay
    // overdue, which is what the dashboard is there to catch.
    const ended = begin + length <= span.days;
    if (ended && value < 100 && rng.chance(0.7 + 0.3 * span.drive)) {
      value = 100;
      plan.progress.add({ goalId, at: moment(span.start, begin + length), value, note: 'Finished!', by: 'student' }, rng.id());
    } else if (ended && value < 100 && begin + length < span.days - 30 && rng.chance(0.6)) {
      plan.statusChanges.add({ recordId: goalId, status: 'dropped', at: moment(span.start, begin + length + 3), by: 'student' }, rng.id());
    }
    if (value >= 100) {
      const day = Math.min(span.days, begin + length);
      plan.statusChanges.add({ recordId: goalId, status: 'achieved', at: moment(span.start, day), by: 'student' }, rng.id());
      // The teacher confirms within a few days; the latest claims still wait for them.
      if (day + 3 <= span.days) coach.decisions.add({ recordId: goalId, recordKind: 'goal', decision: 'achieved', note: '', at: moment(span.start, day + 2) }, `${goalId}ach`);
    }
  }
}

function seedProjects(rng: Random, plan: ReturnType<typeof planDocument>, coach: ReturnType<typeof coachDocument>, span: Span & { catalogIds: string[] }) {
  const offset = rng.int(0, PROJECTS.length - 1);
  for (let p = 0; p < 5; p++) {
    const begin = Math.floor((p / 5) * span.days);
    const fromCatalog = rng.chance(0.7);
    const [title, question] = PROJECTS[(offset + p) % PROJECTS.length]!;
    const projectId = plan.projects.add({ title, question, catalogId: fromCatalog ? rng.pick(span.catalogIds) : null, proposedBy: 'student', createdAt: moment(span.start, begin) }, rng.id());
    coach.decisions.add({ recordId: projectId, recordKind: 'project', decision: 'agreed', note: '', at: moment(span.start, begin + 1) }, rng.id());
    for (let m = 0; m < 4; m++) {
      const due = begin + (p === 4 ? 14 : 7) * (m + 1);
      // Steps of long-finished projects were mostly done; recent ones depend on the student.
      const done = due < span.days && rng.chance(due < span.days - 21 ? 0.9 + 0.1 * span.drive : 0.6 + 0.4 * span.drive);
      const milestoneId = plan.milestones.add({ projectId, title: `Step ${m + 1}`, due: addDays(span.start, due), doneAt: done ? moment(span.start, due - 1) : null }, rng.id());
      if (done) plan.evidence.add({ projectId, milestoneId, kind: 'text', text: rng.pick(NOTES), at: moment(span.start, due - 1) }, rng.id());
    }
  }
}

function seedCheckIns(rng: Random, coach: ReturnType<typeof coachDocument>, staff: ReturnType<typeof staffDocument>, studentId: string, span: Omit<Span, 'today'>) {
  const count = 30;
  const lastDay = span.days - rng.int(0, Math.round(25 * (1 - span.drive)));
  for (let c = 0; c < count; c++) {
    const day = Math.floor((c / (count - 1)) * lastDay);
    const falling = span.drive < 0.2 && c >= count - 3;
    const engagement = (falling ? 4 - (c - (count - 3)) : Math.max(1, Math.min(4, Math.round(1 + 3 * span.drive + rng.next() - 0.5)))) as Level;
    const date = addDays(span.start, day);
    const checkinId = coach.checkins.add({ date, at: moment(span.start, day), kind: rng.pick(['one-to-one', 'one-to-one', 'small-group', 'quick'] as const), engagement, sharedNote: rng.pick(NOTES), followUp: c === count - 1 ? addDays(date, 14) : null, teacherName: 'Ms Rivera' }, rng.id());
    coach.nextSteps.add({ checkinId, text: rng.pick(STEPS), owner: rng.chance(0.8) ? 'student' : 'teacher', due: addDays(date, 7), doneAt: c < count - 1 ? moment(span.start, day + 5) : null }, rng.id());
    if (rng.chance(0.3)) staff.privateNotes.add({ checkinId, studentId, text: 'Private: talk with family about homework time', at: moment(span.start, day) }, rng.id());
  }
}
