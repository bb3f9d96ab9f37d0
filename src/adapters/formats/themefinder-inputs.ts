import { InputError } from '../../errors.js';
import type { AdapterItem, AdapterOptions, ConsultationResponses, FormatAdapter, SniffInput } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import type { JsonValue, Provenance } from '../../record/record.js';
import { CONSULTATION_META } from '../../record/record.js';
import { postcodeDistrict } from '../../privacy/postcode-district.js';
import { counted } from '../../counted.js';
import { jsonValueItems } from '../readers/json-elements.js';
import { notAnObject } from '../readers/blog-comment-fields.js';
import { isNameQuestion, isPersonalDetailsColumn, isPostcodeColumn } from '../readers/contact-columns.js';
import { withoutAddresses } from '../readers/email-addresses.js';

/**
 * The respondent id of a line: `themefinder_id` (Consult's import, ThemeFinder's
 * setup_consultation.py) or `response_id` (ThemeFinder's evaluation sets).
 */
const ID_KEYS = ['themefinder_id', 'response_id'] as const;

/** The words of a response: `text` (Consult) or `response` (ThemeFinder's evaluation sets). */
const TEXT_KEYS = ['text', 'response'] as const;

/** A respondent's answers about themselves: `demographic_data` (both), `demographics` (Consult's older schema). */
const ANSWER_KEYS = ['demographic_data', 'demographics'] as const;

/** The options a respondent chose: in `multi_choice.jsonl`, or beside the words of a question that has both. */
const OPTIONS_KEY = 'options';

/** The list of topic codes a line of ThemeFinder's `mapping.jsonl` gives its response. */
const LABELS_KEY = 'labels';

/**
 * What ThemeFinder writes from the inputs, which holds no feedback of its own: a theme framework
 * (`themes.json`, a list of topics with `topic_id` and `topic_label`), or a `mapping.jsonl` of
 * each response's topic codes.
 */
type ThemeFinderOutput = 'framework' | 'mapping';

/** Which output of ThemeFinder a file is, from its head, or null when it is none. */
function outputOfHead(input: SniffInput): ThemeFinderOutput | null {
  const head = input.headText.trimStart();
  if (!head.startsWith('[') && !head.startsWith('{')) return null;
  const firstObject = /^\[?\s*(\{[^{}]*)/.exec(head)?.[1] ?? '';
  if (/"topic_id"\s*:/.test(firstObject) && /"topic_label"\s*:/.test(firstObject)) return 'framework';
  if (!head.startsWith('{')) return null;
  let value: unknown;
  try {
    value = JSON.parse(head.split('\n', 1)[0] ?? '');
  } catch {
    return null;
  }
  return isObject(value) && respondentIdOf(value) !== null && Array.isArray(value[LABELS_KEY]) ? 'mapping' : null;
}

/** Why an output of ThemeFinder is not read as feedback, and where it is of use. */
function notFeedback(output: ThemeFinderOutput, file: string): InputError {
  return output === 'framework'
    ? new InputError(`a ThemeFinder theme framework (topic_id, topic_label, topic_description): themes, not feedback`, {
        location: { file },
        hint: 'it names the topics of the mapping.jsonl beside it, which scores a codebook as gold (README, "Gold as JSON")',
        code: 'NOT_FEEDBACK',
      })
    : new InputError(`a ThemeFinder mapping of responses to topics (response_id, labels, stances): coding of the feedback, not feedback`, {
        location: { file },
        hint: 'score a codebook against it as gold (README, "Gold as JSON"); ingest the responses.jsonl it codes',
        code: 'NOT_FEEDBACK',
      });
}

/** What one file of the layout holds, told by its first line (or its one object). */
type FileRole = 'question' | 'respondents' | 'choices' | 'responses';

/**
 * i.AI's ThemeFinder / Consult inputs: a consultation laid out as `respondents.jsonl` and a
 * `question_part_N/` folder per question holding `question.json`, `responses.jsonl` and, for a
 * closed question, `multi_choice.jsonl`. Each response is a `survey` record for its respondent,
 * with its question and the respondent's closed answers when the run read their files first
 * (src/ingest/consultation-layout.ts joins them); the question, respondents and multiple choice
 * files hold no feedback: each of their items is counted and filtered (`consultation-question`,
 * `closed-answers`) with what it gave.
 */
export const themefinderInputsAdapter: FormatAdapter = {
  name: 'themefinder',
  description:
    'i.AI ThemeFinder / Consult inputs: question_part_N/ responses.jsonl, question.json, multi_choice.jsonl, and respondents.jsonl',
  channel: 'survey',
  extensions: ['.jsonl', '.json'],
  signature:
    'JSON Lines of "themefinder_id" or "response_id" (a whole number) with "text"/"response", "demographic_data" or "options"; or an object with "question_text" (ThemeFinder\'s outputs, a themes.json of "topic_id" and "topic_label" or a mapping.jsonl of "labels", are refused as not feedback)',
  sniff(input) {
    return roleOfHead(input) === null && outputOfHead(input) === null ? 0 : 0.9;
  },
  read(source, options) {
    return readInputs(source, options);
  },
};

/** The role of a file from the first value in its head, or null when it is none of the layout's. */
function roleOfHead(input: SniffInput): FileRole | null {
  const head = input.headText.trimStart();
  if (!head.startsWith('{')) return null;
  const firstLine = head.split('\n', 1)[0]?.trim() ?? '';
  const candidates = firstLine === '{' ? [head] : [firstLine];
  for (const text of candidates) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      continue;
    }
    if (isObject(value)) return roleOf(value);
  }
  return null;
}

/** What kind of line or object this is, or null when it is none of the layout's. */
function roleOf(value: Record<string, unknown>): FileRole | null {
  if (typeof value['question_text'] === 'string') return 'question';
  if (respondentIdOf(value) === null) return null;
  if (TEXT_KEYS.some((key) => typeof value[key] === 'string')) return 'responses';
  if (ANSWER_KEYS.some((key) => isObject(value[key]))) return 'respondents';
  if (Array.isArray(value[OPTIONS_KEY])) return 'choices';
  return null;
}

/** A respondent id as the layout writes it: a whole number, or its digits as a string. */
function respondentIdOf(value: Record<string, unknown>): string | null {
  for (const key of ID_KEYS) {
    const id = value[key];
    if (typeof id === 'number' && Number.isSafeInteger(id)) return String(id);
    if (typeof id === 'string' && /^\d{1,30}$/.test(id.trim())) return id.trim();
  }
  return null;
}

async function* readInputs(source: InputSource, options: AdapterOptions): AsyncIterable<AdapterItem> {
  const output = outputOfHead(source);
  if (output !== null) throw notFeedback(output, source.path);
  let role: FileRole | null = null;
  let responses: ConsultationResponses | null = null;
  const tally = { responses: 0, strangers: 0 };
  const itemsOf = (value: unknown, provenance: Provenance): AdapterItem[] => {
    if (!isObject(value)) return [notAnObject('expected an object of the ThemeFinder layout', value, provenance)];
    role ??= roleOf(value) ?? 'responses';
    if (role === 'question') return [questionItem(value, source.path, provenance, options)];
    if (role === 'respondents') return [respondentItem(value, source.path, provenance, options)];
    if (role === 'choices') return [choiceItem(value, source.path, provenance, options)];
    responses ??= options.consultation?.responsesIn(source.path) ?? null;
    const item = responseItem(value, responses, provenance, tally);
    if (item.kind === 'record' && item.draft.text.trim() !== '') tally.responses += 1;
    return [item];
  };
  yield* jsonValueItems(source, itemsOf);
  if (role === 'responses' && tally.responses > 0) {
    const note = missingNote(responses, tally);
    if (note !== null) yield { kind: 'warning', message: note, provenance: { file: source.path } };
  }
}

function questionItem(value: Record<string, unknown>, file: string, provenance: Provenance, options: AdapterOptions): AdapterItem {
  const text = String(value['question_text']).trim();
  const rawNumber = value['question_number'];
  const number = typeof rawNumber === 'number' && Number.isSafeInteger(rawNumber) ? rawNumber : null;
  options.consultation?.addQuestion(file, { text, number });
  return {
    kind: 'filtered',
    rule: 'consultation-question',
    provenance,
    detail: `the consultation's question${number === null ? '' : ` ${number}`}, given to the responses beside it`,
  };
}

function respondentItem(value: Record<string, unknown>, file: string, provenance: Provenance, options: AdapterOptions): AdapterItem {
  const id = respondentIdOf(value);
  const answers = keptAnswers(ANSWER_KEYS.map((key) => value[key]).find(isObject) ?? {});
  if (id !== null) options.consultation?.addRespondent(file, id, answers);
  const count = Object.keys(answers).length;
  return {
    kind: 'filtered',
    rule: 'closed-answers',
    provenance,
    ...(id === null ? {} : { sourceId: id }),
    detail: `respondent ${id ?? '(no id)'}: ${counted(count, 'answer')} about themselves, no words to theme; given to their responses' meta.answers`,
  };
}

function choiceItem(value: Record<string, unknown>, file: string, provenance: Provenance, options: AdapterOptions): AdapterItem {
  const id = respondentIdOf(value);
  const choice = joinedOptions(value[OPTIONS_KEY]);
  if (id !== null && choice !== null) options.consultation?.addChoices(file, id, choice);
  return {
    kind: 'filtered',
    rule: 'closed-answers',
    provenance,
    ...(id === null ? {} : { sourceId: id }),
    detail:
      choice === null
        ? `respondent ${id ?? '(no id)'}: no option chosen in a closed question, nothing to keep`
        : `respondent ${id ?? '(no id)'}: the options chosen in a closed question, no words to theme; given to their responses' meta.answers`,
  };
}

function responseItem(
  value: Record<string, unknown>,
  responses: ConsultationResponses | null,
  provenance: Provenance,
  tally: { strangers: number },
): AdapterItem {
  const id = respondentIdOf(value);
  const textKey = TEXT_KEYS.find((key) => typeof value[key] === 'string');
  const text = textKey === undefined ? '' : String(value[textKey]);
  const part = responses?.part ?? 'responses';
  const meta: Record<string, JsonValue> = {};
  for (const [key, field] of Object.entries(value)) {
    if ((ID_KEYS as readonly string[]).includes(key) || (TEXT_KEYS as readonly string[]).includes(key) || key === OPTIONS_KEY) continue;
    const kept = keptValue(key, field);
    if (kept !== undefined) meta[key] = kept;
  }
  if (responses !== null && responses.question !== null) {
    meta['question'] = responses.question.text;
    meta['questionId'] = part;
  }
  if (id !== null) {
    meta['respondent'] = id;
    if (responses !== null) meta[CONSULTATION_META] = responses.consultation;
  }
  const closed = id === null || responses === null ? null : responses.answersOf(id);
  const answers: Record<string, string> = { ...closed };
  if (id !== null && responses?.respondentsRead === true && closed === null) tally.strangers += 1;
  const chosen = joinedOptions(value[OPTIONS_KEY]);
  if (chosen !== null) answers[responses?.question?.text ?? part] = chosen;
  if (Object.keys(answers).length > 0) meta['answers'] = answers;
  return { kind: 'record', draft: { sourceId: id === null ? null : `${id}:${part}`, text, meta, provenance } };
}

/** The one line saying what a file of responses was stored without, or null when it had everything. */
function missingNote(responses: ConsultationResponses | null, tally: { responses: number; strangers: number }): string | null {
  const missing: string[] = [];
  if (responses === null || responses.question === null)
    missing.push('their question (no question.json beside them was read before them in this run)');
  if (responses?.respondentsRead !== true) {
    missing.push("their respondents' closed answers (no respondents.jsonl in or above their folder was read before them in this run)");
  }
  const stored = `${counted(tally.responses, 'response')} stored`;
  if (missing.length > 0)
    return `${stored} without ${missing.join(' and without ')}; ingest them with the consultation's other files in one run to join them`;
  if (tally.strangers > 0)
    return `${counted(tally.strangers, 'response')} by respondents not in the respondents file: stored without closed answers`;
  return null;
}

/** A respondent's answers about themselves as kept: contact details and names left out, postcodes cut to their district, lists joined by `; `. */
function keptAnswers(answers: Record<string, unknown>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [question, answer] of Object.entries(answers)) {
    if (isPersonalDetailsColumn(question) || isNameQuestion(question)) continue;
    const text = Array.isArray(answer)
      ? joinedOptions(answer)
      : typeof answer === 'string' || typeof answer === 'number' || typeof answer === 'boolean'
        ? String(answer).trim()
        : null;
    if (text === null || text === '') continue;
    const value = isPostcodeColumn(question) ? postcodeDistrict(text) : withoutAddresses(text);
    if (value !== null && value !== '') kept[question] = value;
  }
  return kept;
}

/** A response's other field as `meta` keeps it, or undefined when it is not kept (contact details, a name). */
function keptValue(key: string, value: unknown): JsonValue | undefined {
  if (isPersonalDetailsColumn(key) || isNameQuestion(key)) return undefined;
  if (typeof value === 'string') {
    const kept = isPostcodeColumn(key) ? postcodeDistrict(value) : withoutAddresses(value);
    return kept ?? undefined;
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  return undefined;
}

/** Chosen options as one answer (`Agree; Strongly agree`), or null for none. */
function joinedOptions(options: unknown): string | null {
  if (!Array.isArray(options)) return null;
  const chosen = options
    .filter((option): option is string | number => typeof option === 'string' || typeof option === 'number')
    .map((option) => String(option).trim())
    .filter((option) => option !== '');
  return chosen.length === 0 ? null : chosen.join('; ');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
