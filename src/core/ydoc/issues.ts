import type * as Y from 'yjs';

/** A record that could not be read as valid; it is skipped and reported, never a crash, and never removed from the document. */
export interface ReadIssue {
  collection: string;
  id: string;
  problem: string;
}

export type IssueReporter = (issue: ReadIssue) => void;

export const ignoreIssues: IssueReporter = () => {};

const reporters = new WeakMap<Y.Doc, IssueReporter>();

/**
 * Sends the read issues of every view over `doc` (planDocument(doc), ...) to `reporter`: the
 * device's storage registers one for each document it opens, so a record another device wrote in
 * a shape this one cannot read is said out loud instead of silently left out.
 */
export function reportIssuesOf(doc: Y.Doc, reporter: IssueReporter): () => void {
  reporters.set(doc, reporter);
  return () => {
    if (reporters.get(doc) === reporter) reporters.delete(doc);
  };
}

/** The reporter registered for `doc`, or one that ignores. */
export function issueReporterOf(doc: Y.Doc): IssueReporter {
  return reporters.get(doc) ?? ignoreIssues;
}

/** A write refused because the record would not read back (too long, wrong shape): nothing was written. */
export class RecordRefused extends Error {
  override name = 'RecordRefused';

  constructor(
    readonly collection: string,
    readonly id: string,
    /** Which fields are wrong, as `path: message`. */
    readonly problems: { path: string; message: string }[],
  ) {
    super(`${collection} ${id} was not saved: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
}

export function isRecordRefused(error: unknown): error is RecordRefused {
  return error instanceof RecordRefused;
}
