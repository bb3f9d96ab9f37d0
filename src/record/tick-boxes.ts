/**
 * Answers written as tick boxes, as Word and PDF response forms and typed-up paper forms hold
 * them: `☐ Yes ☒ No`, `Yes ☐  No ☒`, `[x] Individual [ ] Organisation`, or one option a line.
 */

/** One option of a tick-box answer. */
export interface TickBoxOption {
  /** The option's words as written, without its box and the punctuation around it. */
  label: string;
  ticked: boolean;
}

/**
 * A box with a mark in it: the ballot boxes with a tick or a cross, and `[x]` or `(x)` typed.
 * Filled squares and circles (`■`, `●`) and bare ticks (`✓`) are left out: lists use them as bullets.
 */
const TICKED_BOX = String.raw`[☒☑⊠]|\[\s*[xX✓✔✗✘*]\s*\]|\(\s*[xX✓✔✗✘*]\s*\)`;
/** An empty box: the ballot box, and `[ ]` or `( )` typed (not `□` or `○`, which lists use as bullets). */
const EMPTY_BOX = String.raw`☐|\[\s*\]|\(\s*\)`;
const BOX = new RegExp(`(${TICKED_BOX})|${EMPTY_BOX}`, 'gu');
/** {@link BOX} without the global flag, so that a test of it keeps no position between calls. */
const ANY_BOX = new RegExp(BOX.source, 'u');

/** The most options one answer is read as; more boxes than this is no form answer. */
export const MAX_OPTIONS = 30;
/** The most words an option's label may have (`Other (please specify): …` included); a longer run is prose. */
const MAX_LABEL_WORDS = 25;
/** Longer text is no tick-box answer. */
const MAX_ANSWER_CHARS = 2000;

const LABEL_EDGE = /^[\s:;,|/–—-]+|[\s:;,|/–—-]+$/gu;

/**
 * The options of an answer written as tick boxes, each box before its option (`☐ Yes ☒ No`) or
 * each after it (`Yes ☐  No ☒`), on one line or one a line; null when the text is not such an
 * answer: no box, a box inside a sentence, an option of more than {@link MAX_LABEL_WORDS} words,
 * or an option without words.
 */
export function tickBoxOptions(text: string): TickBoxOption[] | null {
  const trimmed = text.trim();
  if (trimmed.length > MAX_ANSWER_CHARS) return null;
  const boxes: { start: number; end: number; ticked: boolean }[] = [];
  for (const match of trimmed.matchAll(BOX)) {
    boxes.push({ start: match.index, end: match.index + match[0].length, ticked: match[1] !== undefined });
    if (boxes.length > MAX_OPTIONS) return null;
  }
  const first = boxes[0];
  const last = boxes.at(-1);
  if (first === undefined || last === undefined) return null;
  const boxFirst = first.start === 0;
  if (!boxFirst && last.end !== trimmed.length) return null;
  const options: TickBoxOption[] = [];
  for (const [index, box] of boxes.entries()) {
    const from = boxFirst ? box.end : index === 0 ? 0 : (boxes[index - 1]?.end ?? 0);
    const to = boxFirst ? (boxes[index + 1]?.start ?? trimmed.length) : box.start;
    const label = trimmed.slice(from, to).replace(/\s+/g, ' ').replace(LABEL_EDGE, '');
    if (!/\p{L}|\p{N}/u.test(label) || label.split(' ').length > MAX_LABEL_WORDS) return null;
    options.push({ label, ticked: box.ticked });
  }
  return options;
}

/** A box alone, or a mark typed alone (`X`, `✓`) as respondents tick a grid's cell: ticked or not. */
const LONE_BOX = new RegExp(`^(?:(${TICKED_BOX}|[xX✓✔✗✘])|${EMPTY_BOX})$`, 'u');

/**
 * Whether a cell of a grid (a table whose header row holds the options) is ticked, as its text
 * says: a box alone (`☒`, `[x]`, `☐`, a check box read as one) or a mark typed alone (`X`, `✓`);
 * false when it is empty, null when it holds anything else.
 */
export function gridCellTicked(text: string): boolean | null {
  const trimmed = text.trim();
  if (trimmed === '') return false;
  const match = LONE_BOX.exec(trimmed);
  return match === null ? null : match[1] !== undefined;
}

/** Whether the text holds a tick box, ticked or not, anywhere in it. */
export function holdsTickBox(text: string): boolean {
  return ANY_BOX.test(text);
}

/**
 * What a tick-box answer says: the ticked options' labels joined by `; ` (`''` when none is
 * ticked, as a blank answer), or null when the text is not a tick-box answer (see {@link tickBoxOptions}).
 */
export function tickedAnswer(text: string): string | null {
  const options = tickBoxOptions(text);
  return options === null ? null : tickedLabels(options);
}

/** The labels of the ticked options joined by `; ` (`''` when none is ticked). */
export function tickedLabels(options: readonly TickBoxOption[]): string {
  return options
    .filter((option) => option.ticked)
    .map((option) => option.label)
    .join('; ');
}
