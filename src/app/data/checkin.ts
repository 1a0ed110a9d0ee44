import type * as Y from 'yjs';
import { coachDocument, localDay, staffDocument, type CheckIn, type NextStep, type PrivateNote } from '../../core';

/** The check-in being written: created on the first thing typed, so opening the form leaves no empty record. */
export function ensureCheckIn(coach: Y.Doc, existingId: string | null, teacherName: string): string {
  const checkins = coachDocument(coach).checkins;
  if (existingId && checkins.get(existingId)) return existingId;
  return checkins.add({ date: localDay(), at: Date.now(), kind: 'one-to-one', teacherName }, existingId ?? undefined);
}

export function updateCheckIn(coach: Y.Doc, id: string, patch: Partial<Omit<CheckIn, 'id'>>): void {
  coachDocument(coach).checkins.update(id, patch);
}

/** The private note of a check-in lives in the teachers-only staff document, keyed by the check-in. */
export function privateNoteFor(staff: Y.Doc, checkinId: string): PrivateNote | null {
  return staffDocument(staff).privateNotes.list().find((n) => n.checkinId === checkinId) ?? null;
}

/** This check-in's next steps (the step rows write them as the teacher types). */
export function nextStepActions(coach: Y.Doc) {
  const steps = coachDocument(coach).nextSteps;
  return {
    add(checkinId: string, text: string, id?: string): string {
      return steps.add({ checkinId, text, owner: 'student', due: null }, id);
    },
    change(id: string, patch: Partial<Omit<NextStep, 'id'>>): void {
      steps.update(id, patch);
    },
    setDone(id: string, done: boolean): void {
      steps.update(id, { doneAt: done ? Date.now() : null });
    },
    remove(id: string): void {
      steps.remove(id);
    },
  };
}

export function writePrivateNote(staff: Y.Doc, checkinId: string, studentId: string, text: string): void {
  const notes = staffDocument(staff).privateNotes;
  const existing = privateNoteFor(staff, checkinId);
  if (existing) notes.update(existing.id, { text });
  else notes.add({ checkinId, studentId, text, at: Date.now() });
}
