import { consentQuestionKind } from '../../privacy/publication-consent.js';
import type { Provenance } from '../../record/record.js';
import { holdsTickBox, tickBoxOptions, tickedLabels } from '../../record/tick-boxes.js';
import type { AdapterItem } from '../format-adapter.js';

/** The filter detail of a response form's answer on publishing. */
export const CONSENT_DETAIL = 'consent to publish';

/** The filter detail of a response form's other answers given as tick boxes. */
export const TICK_BOX_DETAIL = 'tick-box answer';

/** More words than any option of a consent question (`Publish response only (without name)`): a longer line is the respondent's own. */
const MAX_LINE_ANSWER_WORDS = 6;
/** A sentence after a `Label:` this long (`Confidentiality: we keep your details private.`) is a notice, not an answer. */
const MAX_SENTENCE_ANSWER_WORDS = 3;

/** The longest question a `Question: answer` line may start with. */
const MAX_LINE_QUESTION_CHARS = 200;

/** Where a `Question: answer` line may split: after a `?` or `:`, or at a tab (a form field's value beside its label). */
const LINE_SPLIT = /[?:]|\t/g;

/** Whether a response form's question asks the respondent about publishing their response. */
export function asksConsent(question: string): boolean {
  return consentQuestionKind(question) !== null;
}

/**
 * A paragraph answering in tick boxes, read as a form's closed answer: two options or more
 * (`☐ Yes ☒ No`, `Yes ☐  No ☒`), its question the one given (null when unknown, the answer then
 * null too, since it can be kept under no question); or one box beside a statement on publishing
 * (`☒ I agree to my response being published`), its own question, answered `Yes` when ticked and
 * blank when not; or a one-line question with two boxed options or more after it (`Are you
 * responding as: ☒ An individual ☐ An organisation`, a PDF form's radio buttons beside their
 * question), that question (without its colon) answered. Null for any other paragraph: one box
 * beside other words is a to-do item or a note, not an answer.
 */
export function tickBoxAnswer(text: string, question: string | null): { question: string | null; answer: string | null } | null {
  if (!holdsTickBox(text)) return null;
  const prompted = promptedAnswer(text);
  if (prompted !== null) return prompted;
  const options = tickBoxOptions(text);
  if (options === null) return null;
  const [only, ...others] = options;
  if (only === undefined) return null;
  if (others.length === 0) return asksConsent(only.label) ? { question: only.label, answer: only.ticked ? 'Yes' : '' } : null;
  if (question === null) return { question: null, answer: null };
  return { question, answer: tickedLabels(options) };
}

/**
 * A one-line `Question? ☒ A ☐ B` or `Question? A ☒ B ☐` (or after a `:` or a tab): its question
 * and the ticked options; null for any other text.
 */
function promptedAnswer(text: string): { question: string; answer: string } | null {
  if (text.includes('\n')) return null;
  const line = text.trim();
  for (const split of line.matchAll(LINE_SPLIT)) {
    if (split.index > MAX_LINE_QUESTION_CHARS) return null;
    const question = line.slice(0, split.index + (split[0] === '?' ? 1 : 0)).trim();
    if (!/\p{L}/u.test(question) || holdsTickBox(question)) continue;
    const options = tickBoxOptions(line.slice(split.index + 1));
    if (options !== null && options.length >= 2) return { question, answer: tickedLabels(options) };
  }
  return null;
}

/** Whether a paragraph is short enough to be the chosen option of a question on publishing (`No`, `Do not publish response`). */
export function isOptionAnswer(text: string): boolean {
  const line = text.trim();
  return line !== '' && !line.includes('\n') && line.split(/\s+/).length <= MAX_LINE_ANSWER_WORDS;
}

/**
 * A one-line `Question? answer` (or `Question: answer`, or a form field's value after its label)
 * whose question asks about publishing: its question as written (without the colon) and its
 * answer ('' when none), or null for any other line.
 */
export function consentLine(text: string): { question: string; answer: string } | null {
  if (text.includes('\n')) return null;
  const line = text.trim();
  for (const split of line.matchAll(LINE_SPLIT)) {
    if (split.index > MAX_LINE_QUESTION_CHARS) return null;
    const question = line.slice(0, split.index + (split[0] === '?' ? 1 : 0)).trim();
    const answer = line.slice(split.index + 1).trim();
    const words = answer === '' ? 0 : answer.split(/\s+/).length;
    const sentence = split[0] === ':' && /\.$/.test(answer) && words > MAX_SENTENCE_ANSWER_WORDS;
    if (words <= MAX_LINE_ANSWER_WORDS && !sentence && asksConsent(question)) return { question, answer };
  }
  return null;
}

/**
 * The answers a response form (one respondent's document) gives to its closed questions (on
 * publishing, or ticked in boxes), and the holding of the document's items until its end, so
 * that each record, wherever it stands against the answer, carries them in `meta.answers` as a
 * survey's records do.
 */
export class FormAnswers {
  private readonly answers: Record<string, string> = {};
  private found = false;

  /** One more answer (or part of one) to `question`; a blank answer is kept as ''. */
  answer(question: string, text: string): void {
    const before = this.answers[question];
    const trimmed = text.trim();
    this.answers[question] = before === undefined || before === '' ? trimmed : trimmed === '' ? before : `${before} ${trimmed}`;
    this.found = true;
  }

  /** The item standing for an answer on publishing (or, given `detail`, another closed answer): counted, never a record. */
  filtered(provenance: Provenance, detail: string = CONSENT_DETAIL): AdapterItem {
    return { kind: 'filtered', rule: 'not-feedback', provenance, detail };
  }

  /** The item with the form's answers on publishing added to its record's `meta.answers`. */
  private withAnswers(item: AdapterItem): AdapterItem {
    if (!this.found || item.kind !== 'record') return item;
    const meta = item.draft.meta ?? {};
    const held = meta['answers'];
    const answers = typeof held === 'object' && held !== null && !Array.isArray(held) ? { ...held, ...this.answers } : { ...this.answers };
    return { kind: 'record', draft: { ...item.draft, meta: { ...meta, answers } } };
  }

  /** The items of a whole document, in order, each record with the answers found in it. */
  *release(items: Iterable<AdapterItem>): Iterable<AdapterItem> {
    const held = [...items];
    for (const item of held) yield this.withAnswers(item);
  }

  /**
   * The items of a document read as they come, held until its end and then given with the
   * answers found in it; when reading fails part way, the items read before it are given first.
   */
  async *hold(items: AsyncIterable<AdapterItem>): AsyncIterable<AdapterItem> {
    const held: AdapterItem[] = [];
    try {
      for await (const item of items) held.push(item);
    } catch (error) {
      for (const item of held) yield this.withAnswers(item);
      throw error;
    }
    for (const item of held) yield this.withAnswers(item);
  }
}
