import { readFileSync } from 'node:fs';
import { redactPersonalData } from '../../src/privacy/personal-data.js';
import { PERSONAL_DATA_KINDS, REDACTION_TOKENS, type PersonalDataKind } from '../../src/privacy/personal-data-kinds.js';
import type { RedactionPolicy } from '../../src/privacy/redaction-policy.js';

/** How redaction did on labelled lines: details labelled and found, tokens written, and the lines it got wrong. */
export interface DetailFigures {
  labels: number;
  found: number;
  flagged: number;
  correct: number;
  wrong: string[];
}

const TOKEN = new RegExp(
  Object.values(REDACTION_TOKENS)
    .map((token) => token.replace(/[[\]]/gu, '\\$&'))
    .join('|'),
  'gu',
);
const LABEL = /\[\[[a-z-]+:(.*?)\]\]/gu;

/** The lines of a labelled file (`[[kind:detail]]` marks a detail; `#` lines are comments). */
export function labelledLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

/**
 * Scores redaction on labelled lines: a labelled detail is found when `hidden` says so of the
 * output (by default: its text is gone from it); the tokens a line gains are its redactions,
 * correct up to the number of details found.
 */
export function scoreDetails(
  lines: readonly string[],
  policy: RedactionPolicy,
  hidden: (detail: string, output: string, line: string) => boolean = (detail, output) => !output.includes(detail),
): DetailFigures {
  const figures: DetailFigures = { labels: 0, found: 0, flagged: 0, correct: 0, wrong: [] };
  for (const line of lines) {
    const details = [...line.matchAll(LABEL)].map((match) => match[1] ?? '');
    const text = line.replace(LABEL, '$1');
    const output = redactPersonalData(text, policy).text;
    const tokens = (output.match(TOKEN) ?? []).length;
    const found = details.filter((detail) => hidden(detail, output, line)).length;
    figures.labels += details.length;
    figures.found += found;
    figures.flagged += tokens;
    figures.correct += Math.min(found, tokens);
    if (found < details.length || tokens > details.length) figures.wrong.push(output);
  }
  return figures;
}

/**
 * The parts of a detail a reader could still tell it by: its words, split at hyphens, apostrophes
 * and inner capitals (`Mc|Allister`), of three letters or more or two with a digit (`38` of
 * `3/4/38`); the whole detail when it has none.
 */
function detailParts(detail: string): string[] {
  const parts = (detail.match(/[\p{L}\p{N}]+/gu) ?? [])
    .flatMap((word) => word.split(/(?<=\p{Ll})(?=\p{Lu})/u))
    .filter((part) => part.length >= 3 || (part.length === 2 && /\p{N}/u.test(part)));
  return parts.length === 0 ? [detail] : parts;
}

function standsIn(part: string, text: string): boolean {
  const escaped = part.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/**
 * Scores redaction on labelled lines as a reader of the report would: a labelled detail is found
 * only when no part of it is left standing in the output (`[name]Allister` has not hidden
 * `McAllister`, `helen [dot] [email]` has not hidden the address, `Flat 12, [address]` has not
 * hidden the flat), unless that part is also written outside the detail; the tokens a line gains
 * are its redactions, correct up to the number of details found.
 */
export function scoreDetailsWhole(lines: readonly string[], policy: RedactionPolicy): DetailFigures {
  return scoreDetails(lines, policy, (detail, output, line) => {
    const outside = line.replace(LABEL, ' ');
    return detailParts(detail).every((part) => !standsIn(part, output) || standsIn(part, outside));
  });
}

/** How redaction did on one kind's labelled details: labelled, found (gone and replaced by that kind's token), tokens of that kind written. */
export interface KindFigures {
  labels: number;
  found: number;
  flagged: number;
}

const KIND_LABEL = /\[\[([a-z-]+):(.*?)\]\]/gu;

/**
 * Scores redaction on labelled lines kind by kind: on each line, a kind's details are found up to
 * the number of that kind's tokens the output holds, counting only details whose text is gone;
 * every token of the kind is a redaction of it (so a number taken for the wrong kind counts
 * against both). `wrong` holds the outputs of lines where some kind's count is off.
 */
export function scoreDetailsByKind(
  lines: readonly string[],
  policy: RedactionPolicy,
): { figures: Partial<Record<PersonalDataKind, KindFigures>>; wrong: string[] } {
  const figures: Partial<Record<PersonalDataKind, KindFigures>> = {};
  const wrong: string[] = [];
  for (const line of lines) {
    const details = [...line.matchAll(KIND_LABEL)].map((match) => ({ kind: match[1] ?? '', text: match[2] ?? '' }));
    const output = redactPersonalData(line.replace(KIND_LABEL, '$2'), policy).text;
    let off = false;
    for (const kind of PERSONAL_DATA_KINDS) {
      const labelled = details.filter((detail) => detail.kind === kind);
      const tokens = output.split(REDACTION_TOKENS[kind]).length - 1;
      if (labelled.length === 0 && tokens === 0) continue;
      const gone = labelled.filter((detail) => !output.includes(detail.text)).length;
      const entry = (figures[kind] ??= { labels: 0, found: 0, flagged: 0 });
      entry.labels += labelled.length;
      entry.found += Math.min(gone, tokens);
      entry.flagged += tokens;
      off ||= gone < labelled.length || tokens !== labelled.length;
    }
    if (off) wrong.push(output);
  }
  return { figures, wrong };
}

/**
 * Whether a part of a number that holds a digit (`1234`, `RWY1`, the `2023` of `2023/ABC/1234`)
 * still stands in redacted output: a number redacted in part is not hidden.
 */
export function digitPartLeft(detail: string, output: string): boolean {
  return detail
    .split(/[ \t/-]+/u)
    .filter((part) => /\d/u.test(part))
    .some((part) => new RegExp(`(?<![\\p{L}\\p{N}])${part}(?![\\p{L}\\p{N}])`, 'u').test(output));
}
