import type * as Y from 'yjs';
import { classDocument, coachDocument, localDay, planDocument, type DocRef } from '../../core';
import { useYDoc, type DocView } from '../hooks/useYDoc';
import { useSession } from '../session/context';
import { goalViews, type GoalView } from '../plan/goal-view';

export interface StudentDocs<T> {
  classId: string;
  studentId: string;
  plan: DocView<T>;
  /** The coach document (teachers write it; the student only reads it). */
  coach: DocView<Y.Doc>;
  /** The class document (read-only for students): targets and the project catalog. */
  cls: DocView<Y.Doc>;
}

/** The current student's three documents: their plan (writable), their coach and class documents (read only). */
export function useStudentDocs<T>(view: (plan: Y.Doc, coach: Y.Doc | null, cls: Y.Doc | null) => T): StudentDocs<T> | null {
  const { classId, profile } = useSession();
  const studentId = profile?.studentId ?? null;
  const ref = (kind: 'plan' | 'coach'): DocRef | null => (classId && studentId ? { kind, classId, studentId } : null);
  const cls = useYDoc(classId ? { kind: 'class', classId } : null, (doc) => doc);
  const coach = useYDoc(ref('coach'), (doc) => doc);
  const plan = useYDoc(ref('plan'), (doc) => view(doc, coach.data, cls.data));
  if (!classId || !studentId) return null;
  return { classId, studentId, plan, coach, cls };
}

export interface HomeView {
  goals: GoalView[];
  weekly: GoalView[];
  nextMilestone: { title: string; due: string | null; projectTitle: string; projectId: string } | null;
}

/** What the student's home shows, from the plan (and the coach document for agreements). */
export function homeView(plan: Y.Doc, coach: Y.Doc | null, today = localDay()): HomeView {
  const views = goalViews(plan, coach, today);
  const open = views.filter((v) => v.state.stage !== 'dropped');
  const p = planDocument(plan);
  const projects = new Map(p.projects.list().map((pr) => [pr.id, pr]));
  const milestone = p.milestones
    .list()
    .filter((m) => m.doneAt === null && projects.has(m.projectId))
    .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'))[0];
  return {
    goals: open.filter((v) => v.goal.horizon === 'long'),
    weekly: open.filter((v) => v.goal.horizon === 'weekly'),
    nextMilestone: milestone
      ? { title: milestone.title, due: milestone.due, projectTitle: projects.get(milestone.projectId)?.title ?? '', projectId: milestone.projectId }
      : null,
  };
}

/** The teacher's latest shared note and the open next steps, from the coach document. */
export function teacherNote(coach: Y.Doc) {
  const c = coachDocument(coach);
  const latest = c.checkins
    .list()
    .filter((ci) => ci.sharedNote.trim() !== '')
    .sort((a, b) => b.at - a.at)[0] ?? null;
  const steps = c.nextSteps.list().filter((s) => s.doneAt === null);
  return { latest, steps };
}

export function classInfo(cls: Y.Doc, studentId: string) {
  const c = classDocument(cls);
  return {
    name: c.students.get(studentId)?.displayName ?? '',
    targets: c.targets.list(),
    catalog: c.catalog.list(),
  };
}
