/** Redacts personal data from text that is about to be published, and counts what it removed. */
export type TextRedactor = (text: string) => { text: string; counts: Partial<Record<string, number>> };
