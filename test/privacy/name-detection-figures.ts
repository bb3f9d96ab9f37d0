import { readFileSync } from 'node:fs';
import { findPersonNames, type NameSpan } from '../../src/privacy/person-names.js';

/** One labelled sentence: its text (markers removed) and where its names are. */
export interface LabelledSentence {
  text: string;
  names: NameSpan[];
  line: number;
  file: string;
}

/** Reads a labelled file: one sentence a line, names marked `[[like this]]`, `\\n` a line break within it, `#` lines are comments. */
export function readLabelledSentences(file: string): LabelledSentence[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((raw, index) => ({ raw, line: index + 1 }))
    .filter(({ raw }) => raw.trim() !== '' && !raw.startsWith('#'))
    .map(({ raw, line }) => {
      const names: NameSpan[] = [];
      let text = '';
      let rest = raw.replaceAll('\\n', '\n');
      for (;;) {
        const open = rest.indexOf('[[');
        if (open === -1) break;
        const close = rest.indexOf(']]', open);
        text += rest.slice(0, open);
        const name = rest.slice(open + 2, close);
        names.push({ start: text.length, end: text.length + name.length });
        text += name;
        rest = rest.slice(close + 2);
      }
      return { text: text + rest, names, line, file };
    });
}

/** Precision, recall and F1 of name detection over labelled sentences, with the misses and false alarms. */
export interface NameDetectionFigures {
  names: number;
  found: number;
  flagged: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
  missed: string[];
  falseAlarms: string[];
}

const overlaps = (a: NameSpan, b: NameSpan): boolean => a.start < b.end && b.start < a.end;

/**
 * Scores {@link findPersonNames} on labelled sentences, span by span: a labelled name is found
 * when a detected span covers all of it; a detected span is correct when it overlaps a labelled name.
 */
export function scoreNameDetection(sentences: readonly LabelledSentence[], keepNames: readonly string[] = []): NameDetectionFigures {
  let names = 0;
  let found = 0;
  let flagged = 0;
  let correct = 0;
  const missed: string[] = [];
  const falseAlarms: string[] = [];
  for (const sentence of sentences) {
    const detected = findPersonNames(sentence.text, keepNames);
    names += sentence.names.length;
    flagged += detected.length;
    for (const name of sentence.names) {
      if (detected.some((span) => span.start <= name.start && span.end >= name.end)) found += 1;
      else missed.push(`${sentence.text.slice(name.start, name.end)} — ${sentence.text}`);
    }
    for (const span of detected) {
      if (sentence.names.some((name) => overlaps(name, span))) correct += 1;
      else falseAlarms.push(`${sentence.text.slice(span.start, span.end)} — ${sentence.text}`);
    }
  }
  const precision = flagged === 0 ? 1 : correct / flagged;
  const recall = names === 0 ? 1 : found / names;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { names, found, flagged, correct, precision, recall, f1, missed, falseAlarms };
}
