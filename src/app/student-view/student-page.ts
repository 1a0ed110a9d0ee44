import type * as Y from 'yjs';
import {
  attentionFor, catalogIdsOf, classDocument, coachData, coachDocument, planData, planDocument, summarizeStudent, waitingForTeacher,
  type Attention, type WaitingItem,
} from '../../core';
import { goalViews, type GoalView } from '../plan/goal-view';
import { projectViews, type ProjectView } from '../projects/project-state';

export interface StudentPage {
  goals: GoalView[];
  projects: ProjectView[];
  /** "Waiting for your answer": the same rule as the dashboard's count (src/core/rules/waiting.ts). */
  waiting: WaitingItem[];
  /** "Needs a check-in today" and why: the same rule as the dashboard's rows (src/core/rules/needs-checkin.ts). */
  attention: Attention;
}

/** What the teacher's page about one student shows, from that student's plan and coach documents and the class document. */
export function studentPage(studentId: string, plan: Y.Doc, coach: Y.Doc, cls: Y.Doc, today: string): StudentPage {
  const c = classDocument(cls);
  const catalogIds = catalogIdsOf(c);
  const p = planData(planDocument(plan));
  const co = coachData(coachDocument(coach));
  const summary = summarizeStudent(studentId, p, co, today, catalogIds);
  return {
    goals: goalViews(plan, coach, today),
    projects: projectViews(plan, coach, cls),
    waiting: waitingForTeacher({ ...p, decisions: co.decisions, catalogIds }),
    attention: attentionFor(summary, c.settings.read().cadenceDays, today),
  };
}
