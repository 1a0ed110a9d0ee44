import type * as Y from 'yjs';
import { catalogIdsOf, classDocument, coachData, coachDocument, localDay, planData, planDocument, summarizeStudent, type RosterStudent } from '../core';
import { localDb } from './db';
import type { DocStore } from './doc-store';
import { onDocChange } from './origins';
import type { SummaryRow } from './types';

export interface ProjectionOptions {
  /** Quiet time after a change before the student's row is recomputed. */
  debounceMs?: number;
  /** The day summaries are computed for (tests pin it). */
  today?: () => string;
  now?: () => number;
  onError?: (error: unknown) => void;
}

type RosterFields = Pick<RosterStudent, 'displayName' | 'archived'>;

/** The dashboard row of one student, computed from their plan and coach documents. */
export function summaryRow(
  profileId: string,
  classId: string,
  studentId: string,
  roster: RosterFields,
  plan: Y.Doc,
  coach: Y.Doc,
  catalogIds: ReadonlySet<string>,
  today: string,
  now: number,
): SummaryRow {
  const summary = summarizeStudent(studentId, planData(planDocument(plan)), coachData(coachDocument(coach)), today, catalogIds);
  return { ...summary, profileId, classId, displayName: roster.displayName, archived: roster.archived, updatedAt: now };
}

/**
 * Recomputes one student's row from their documents (opened through the store and loaded) and
 * writes it. Without `roster`, the name and archived flag are read from the class document.
 * Resolves null when the student is not (or no longer) on the roster; their row is then removed.
 */
export async function refreshStudentSummary(
  store: DocStore,
  classId: string,
  studentId: string,
  roster?: RosterFields,
  { today = () => localDay(), now = () => Date.now() }: ProjectionOptions = {},
): Promise<SummaryRow | null> {
  const profileId = store.profileId;
  const cls = store.open({ kind: 'class', classId });
  await cls.whenLoaded;
  const fields = roster ?? classDocument(cls.doc).students.list().find((s) => s.id === studentId);
  if (!fields) {
    await localDb().summaries.delete([profileId, classId, studentId]);
    return null;
  }
  const plan = store.open({ kind: 'plan', classId, studentId });
  const coach = store.open({ kind: 'coach', classId, studentId });
  await Promise.all([plan.whenLoaded, coach.whenLoaded]);
  const row = summaryRow(profileId, classId, studentId, fields, plan.doc, coach.doc, catalogIdsOf(classDocument(cls.doc)), today(), now());
  await localDb().summaries.put(row);
  return row;
}

/** The class's dashboard rows as last computed, by display name. */
export async function readClassSummaries(profileId: string, classId: string): Promise<SummaryRow[]> {
  const rows = await localDb().summaries.where('[profileId+classId]').equals([profileId, classId]).toArray();
  return rows.sort((a, b) => a.displayName.localeCompare(b.displayName) || (a.studentId < b.studentId ? -1 : 1));
}

interface Watched {
  roster: RosterFields;
  timer: ReturnType<typeof setTimeout> | null;
  detach: () => void;
}

/**
 * Keeps the class's rows up to date while it runs: follows the roster in the class document and
 * each student's plan and coach documents (opened through the store, left open when it stops:
 * the store owns them), recomputes a student's row after their documents change, and every row
 * when the day changes. Returns a function that stops it.
 */
export function watchClassProjection(store: DocStore, profileId: string, classId: string, options: ProjectionOptions = {}): () => void {
  if (store.profileId !== profileId) throw new Error(`the store belongs to profile ${store.profileId}, not ${profileId}`);
  const { debounceMs = 200, today = () => localDay(), onError = (e: unknown) => console.warn('pathbook projection', e) } = options;
  const watched = new Map<string, Watched>();
  const classDoc = store.open({ kind: 'class', classId });
  let stopped = false;
  let rosterTimer: ReturnType<typeof setTimeout> | null = null;
  let stopClass = () => {};
  let day = today();

  const refresh = (studentId: string) => {
    const w = watched.get(studentId);
    if (stopped || !w) return;
    refreshStudentSummary(store, classId, studentId, w.roster, options).catch(onError);
  };
  const schedule = (studentId: string) => {
    const w = watched.get(studentId);
    if (stopped || !w) return;
    if (w.timer) clearTimeout(w.timer);
    w.timer = setTimeout(() => {
      w.timer = null;
      refresh(studentId);
    }, debounceMs);
  };

  const follow = (student: RosterStudent) => {
    const plan = store.open({ kind: 'plan', classId, studentId: student.id });
    const coach = store.open({ kind: 'coach', classId, studentId: student.id });
    const onChange = () => schedule(student.id);
    const stops = [onDocChange(plan.doc, onChange), onDocChange(coach.doc, onChange)];
    watched.set(student.id, {
      roster: { displayName: student.displayName, archived: student.archived },
      timer: null,
      detach: () => stops.forEach((stop) => stop()),
    });
  };

  let catalogKey = '';
  const syncRoster = async (loadFailed: boolean) => {
    if (stopped) return;
    const cls = classDocument(classDoc.doc);
    const roster = cls.students.list();
    const ids = new Set(roster.map((s) => s.id));
    // Whether a chosen project waits for the teacher depends on the catalog: a change reaches every row.
    const nextCatalogKey = [...catalogIdsOf(cls)].sort().join(',');
    const catalogChanged = nextCatalogKey !== catalogKey;
    catalogKey = nextCatalogKey;
    for (const student of roster) {
      const w = watched.get(student.id);
      if (!w) follow(student);
      else if (!catalogChanged && w.roster.displayName === student.displayName && w.roster.archived === student.archived) continue;
      else w.roster = { displayName: student.displayName, archived: student.archived };
      schedule(student.id);
    }
    for (const [id, w] of watched) {
      if (ids.has(id)) continue;
      if (w.timer) clearTimeout(w.timer);
      w.detach();
      watched.delete(id);
    }
    // Rows are derived data, so dropping those of students who left the roster loses nothing;
    // but a class document that could not be read says nothing about who left.
    if (!loadFailed) {
      await localDb()
        .summaries.where('[profileId+classId]')
        .equals([profileId, classId])
        .filter((row) => !ids.has(row.studentId))
        .delete();
    }
  };

  const onClassUpdate = () => {
    if (rosterTimer) clearTimeout(rosterTimer);
    rosterTimer = setTimeout(() => {
      rosterTimer = null;
      syncRoster(false).catch(onError);
    }, debounceMs);
  };

  classDoc.whenLoaded
    .then((report) => {
      if (stopped) return;
      stopClass = onDocChange(classDoc.doc, onClassUpdate);
      return syncRoster(report.failed !== null);
    })
    .catch(onError);

  // Paces and overdue counts depend on the date: recompute every row when the day turns.
  const dayTimer = setInterval(() => {
    const next = today();
    if (next === day) return;
    day = next;
    for (const id of watched.keys()) schedule(id);
  }, 60_000);

  return () => {
    stopped = true;
    clearInterval(dayTimer);
    if (rosterTimer) clearTimeout(rosterTimer);
    stopClass();
    for (const w of watched.values()) {
      if (w.timer) clearTimeout(w.timer);
      w.detach();
    }
    watched.clear();
  };
}
