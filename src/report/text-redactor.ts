/**
 * Turns a person's words into the text that is published: plain as a reader sees it, with
 * personal data replaced by tokens, and counts what it removed. Every published format prints
 * the returned text and nothing else of the original.
 */
export type TextRedactor = (text: string) => { text: string; counts: Partial<Record<string, number>> };
