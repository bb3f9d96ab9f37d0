/** A sentence of a text: offsets into the text, `text.slice(start, end)` being the sentence. */
export interface SentenceSpan {
  start: number;
  end: number;
}

const SENTENCE_END = /[.!?]+(?=\s|$)|\n+/g;

/**
 * Splits a text into sentences, deterministically and simply: a sentence ends after a run of
 * `.`, `!` or `?` followed by whitespace or the end, and at every line break. Spans that hold only
 * whitespace are left out; the rest keep their punctuation and are trimmed of surrounding space.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number): void => {
    let from = start;
    let to = end;
    while (from < to && /\s/.test(text[from] ?? '')) from += 1;
    while (to > from && /\s/.test(text[to - 1] ?? '')) to -= 1;
    if (to > from) spans.push({ start: from, end: to });
  };
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(text); match !== null; match = SENTENCE_END.exec(text)) {
    push(match.index + match[0].length);
    start = match.index + match[0].length;
  }
  push(text.length);
  return spans;
}
