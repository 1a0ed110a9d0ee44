import * as Y from 'yjs';
import * as v from 'valibot';
import * as R from '../records';
import { Collection } from './collection';
import { plainValue } from './plain';
import { issueReporterOf, type IssueReporter } from './issues';
import { LOCAL_EDIT } from './origin';

/** A root-level map of plain settings (fixed keys, plain values: safe to set from any device). */
export class Settings<S extends v.ObjectSchema<v.ObjectEntries, undefined>> {
  readonly root: Y.Map<unknown>;
  constructor(
    readonly doc: Y.Doc,
    readonly name: string,
    readonly schema: S,
    private readonly report: IssueReporter,
  ) {
    this.root = doc.getMap(name);
  }
  read(): v.InferOutput<S> {
    const raw = plainValue(this.root) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    // Field by field, so one bad value falls back to its default without hiding the others.
    for (const [key, entry] of Object.entries(this.schema.entries)) {
      const parsed = v.safeParse(entry as v.GenericSchema, raw[key]);
      if (parsed.success) out[key] = parsed.output;
      else {
        this.report({ collection: this.name, id: key, problem: 'invalid value' });
        out[key] = v.parse(entry as v.GenericSchema, undefined);
      }
    }
    return out as v.InferOutput<S>;
  }
  write(patch: Partial<v.InferInput<S>>): void {
    this.doc.transact(() => {
      for (const [key, value] of Object.entries(patch)) if (value !== undefined) this.root.set(key, value);
    }, LOCAL_EDIT);
  }
}

export function classDocument(doc: Y.Doc, report: IssueReporter = issueReporterOf(doc)) {
  return {
    doc,
    settings: new Settings(doc, 'settings', R.ClassSettings, report),
    teachers: new Collection(doc, 'teachers', R.Teacher, [], report),
    students: new Collection(doc, 'students', R.RosterStudent, [], report),
    targets: new Collection(doc, 'targets', R.LearningTarget, [], report),
    catalog: new Collection(doc, 'catalog', R.CatalogProject, [], report),
    groups: new Collection(doc, 'groups', R.Group, [], report),
  };
}

export function planDocument(doc: Y.Doc, report: IssueReporter = issueReporterOf(doc)) {
  return {
    doc,
    profile: new Settings(doc, 'profile', R.PlanProfile, report),
    profileItems: new Collection(doc, 'profileItems', R.ProfileItem, [], report),
    goals: new Collection(doc, 'goals', R.Goal, ['why', 'pathNote'], report),
    progress: new Collection(doc, 'progress', R.ProgressUpdate, [], report),
    statusChanges: new Collection(doc, 'statusChanges', R.StatusChange, [], report),
    projects: new Collection(doc, 'projects', R.Project, ['question'], report),
    milestones: new Collection(doc, 'milestones', R.Milestone, [], report),
    evidence: new Collection(doc, 'evidence', R.Evidence, ['text'], report),
    reflections: new Collection(doc, 'reflections', R.Reflection, ['did', 'hard', 'next'], report),
    selfAssessments: new Collection(doc, 'selfAssessments', R.SelfAssessment, [], report),
  };
}

export function coachDocument(doc: Y.Doc, report: IssueReporter = issueReporterOf(doc)) {
  return {
    doc,
    checkins: new Collection(doc, 'checkins', R.CheckIn, ['sharedNote'], report),
    nextSteps: new Collection(doc, 'nextSteps', R.NextStep, [], report),
    decisions: new Collection(doc, 'decisions', R.Decision, ['note'], report),
  };
}

export function staffDocument(doc: Y.Doc, report: IssueReporter = issueReporterOf(doc)) {
  return {
    doc,
    privateNotes: new Collection(doc, 'privateNotes', R.PrivateNote, ['text'], report),
  };
}

/**
 * The root types of a document view (every Collection and Settings in it), in the order the view
 * defines them: what an undo manager or an observer covers, so a collection added to a document's
 * definition is covered without a second list to keep up to date.
 */
export function rootsOf(view: Record<string, unknown>): Y.Map<unknown>[] {
  return Object.values(view).flatMap((part) => (part instanceof Collection || part instanceof Settings ? [part.root as Y.Map<unknown>] : []));
}

export type ClassDocument = ReturnType<typeof classDocument>;
export type PlanDocument = ReturnType<typeof planDocument>;
export type CoachDocument = ReturnType<typeof coachDocument>;
export type StaffDocument = ReturnType<typeof staffDocument>;
