/** One problem found in themes.yaml, with where it is and how to fix it. */
export interface CodebookIssue {
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
}

/** Formats an issue as `themes.yaml:3:7: message (hint)`. */
export function formatCodebookIssue(issue: CodebookIssue): string {
  return `${issue.file}:${issue.line}:${issue.col}: ${issue.message} (${issue.hint})`;
}
