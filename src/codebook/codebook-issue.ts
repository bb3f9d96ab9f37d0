/** One problem found in themes.yaml, with where it is and how to fix it. */
export interface CodebookIssue {
  /** An error stops the codebook from loading; a warning is printed and the run goes on. */
  severity: 'error' | 'warning';
  /** The codebook file, as given. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  col: number;
  /** What is wrong, in one sentence. */
  message: string;
  /** How to fix it. */
  hint: string;
  /**
   * A stable code where the caller may act on the kind of problem: `CODEBOOK_UNREADABLE` (the file
   * could not be read), `CODEBOOK_NOT_TEXT` (it was read, but its bytes are no text tlap decodes).
   */
  code?: 'CODEBOOK_UNREADABLE' | 'CODEBOOK_NOT_TEXT';
}

/** Formats an issue as `themes.yaml:3:7: message (hint)`. */
export function formatCodebookIssue(issue: CodebookIssue): string {
  return `${issue.file}:${issue.line}:${issue.col}: ${issue.message} (${issue.hint})`;
}

/** Issues in file order: by line, then column. */
export function sortIssues(issues: readonly CodebookIssue[]): CodebookIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.col - b.col);
}
