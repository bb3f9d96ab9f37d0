/**
 * Turns a person's words into the text that is published: plain as a reader sees it, with
 * personal data replaced by tokens, and counts what it removed. Every published format prints
 * the returned text and nothing else of the original.
 */
export type TextRedactor = (text: string, options?: TextRedactorOptions) => { text: string; counts: Partial<Record<string, number>> };

/** How one text is redacted. */
export interface TextRedactorOptions {
  /**
   * False for an author column the analyst asked for (`--authors`): the author's own name stays,
   * while contact details in it are still redacted. Names are redacted when omitted.
   */
  names?: boolean;
}
