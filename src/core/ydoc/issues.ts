/** A record that could not be read as valid; it is skipped and reported, never a crash. */
export interface ReadIssue {
  collection: string;
  id: string;
  problem: string;
}

export type IssueReporter = (issue: ReadIssue) => void;

export const ignoreIssues: IssueReporter = () => {};
