/**
 * The layout i.AI's ThemeFinder and Consult take a consultation in, joined across its files:
 *
 * ```
 * inputs/respondents.jsonl                  one line per respondent: id and answers about themselves
 * inputs/question_part_N/question.json      the question (question_text, question_number…)
 * inputs/question_part_N/responses.jsonl    the free-text answers: respondent id and words
 * inputs/question_part_N/multi_choice.jsonl a closed question's answers: respondent id and options
 * ```
 *
 * The `themefinder` reader reads each file on its own and hands over what it holds; this gives a
 * file of responses what the files read before it in the run give them: their question, and each
 * respondent's closed answers. Files are matched by where they are (the run's names for them):
 *
 * - a question file answers the responses beside it: the same folder and the same name before
 *   `question` / `responses` (`q1-question.json` and `q1-responses.jsonl`; in the layout both names
 *   are bare), or else the only question file read in that folder;
 * - a respondents file holds the respondents of the responses in its folder and in the folders
 *   under it (the nearest one up wins);
 * - a multiple choice file's answers go with the question beside it, to every response of the
 *   same consultation.
 *
 * The ingest reads the files that hold no feedback (question, respondents and multiple choice
 * files, by name) before the others, so that the responses find them whatever their names sort as.
 */
import type { ConsultationFiles, ConsultationQuestion, ConsultationResponses } from '../adapters/format-adapter.js';
import { folderOf, lastStep } from './input-path-steps.js';

/** A folder holding one question's files, as ThemeFinder names them. */
const QUESTION_FOLDER = /^question_part_\d+$/i;

/** What the files of the layout end their names with, after what pairs them (`q1-responses.jsonl`). */
const ROLE_SUFFIX = /(?:^|[-_. ])(?:responses|question|multi[-_]?choice|respondents)$/i;

/** The file names of the layout that hold no feedback, bare or after what pairs them (`q1-question.json`): read before the others in a run. */
const COMPANION_NAMES = /(?:^|[-_. ])(?:question\.json|respondents\.jsonl|multi[-_]?choice\.jsonl)$/i;

/** True for a file name of the layout that holds no feedback (`question.json`, `respondents.jsonl`, `multi_choice.jsonl`, also after a name: `q1-question.json`). */
export function isConsultationCompanion(path: string): boolean {
  return COMPANION_NAMES.test(lastStep(path));
}

/**
 * The inputs in the order a run reads them: the files named as a consultation's question,
 * respondents and multiple choice files first (they hold no feedback, so no record moves), then
 * the others, each group in the order given.
 */
export function companionsFirst<T>(inputs: readonly T[], pathOf: (input: T) => string): T[] {
  const companions = inputs.filter((input) => isConsultationCompanion(pathOf(input)));
  if (companions.length === 0 || companions.length === inputs.length) return [...inputs];
  return [...companions, ...inputs.filter((input) => !isConsultationCompanion(pathOf(input)))];
}

/** A multiple choice file's answers: the question beside it, and each respondent's choice. */
interface ChoiceSet {
  /** Where its question is filed ({@link pairKey}). */
  questionKey: string;
  folder: string;
  part: string;
  choices: Map<string, string>;
}

/**
 * One run's consultation files, joined (see the file comment). Respondents' answers are held
 * once per distinct question and answer, each respondent keeping the numbers of theirs, so a
 * consultation of a million respondents with a handful of questions about them costs a few tens
 * of megabytes.
 */
export class ConsultationLayout implements ConsultationFiles {
  private readonly questions = new Map<string, ConsultationQuestion>();
  private readonly questionsInFolder = new Map<string, ConsultationQuestion[]>();
  /** By folder, each respondent's answers as numbers into {@link pairs}. */
  private readonly respondents = new Map<string, Map<string, number[]>>();
  private readonly pairs: [string, string][] = [];
  private readonly pairNumbers = new Map<string, number>();
  /** By consultation folder. */
  private readonly choiceSets = new Map<string, ChoiceSet[]>();

  addQuestion(file: string, question: ConsultationQuestion): void {
    const folder = folderOf(file);
    this.questions.set(pairKey(folder, stemOf(file)), question);
    const inFolder = this.questionsInFolder.get(folder) ?? [];
    inFolder.push(question);
    this.questionsInFolder.set(folder, inFolder);
  }

  addRespondent(file: string, respondent: string, answers: Readonly<Record<string, string>>): void {
    const folder = folderOf(file);
    let table = this.respondents.get(folder);
    if (table === undefined) {
      table = new Map();
      this.respondents.set(folder, table);
    }
    const numbers = table.get(respondent) ?? [];
    for (const [question, answer] of Object.entries(answers)) numbers.push(this.pairNumber(question, answer));
    table.set(respondent, numbers);
  }

  addChoices(file: string, respondent: string, choices: string): void {
    const consultation = consultationOf(file);
    const folder = folderOf(file);
    const questionKey = pairKey(folder, stemOf(file));
    const sets = this.choiceSets.get(consultation) ?? [];
    let set = sets.find((candidate) => candidate.questionKey === questionKey);
    if (set === undefined) {
      set = { questionKey, folder, part: partOf(file), choices: new Map() };
      sets.push(set);
      this.choiceSets.set(consultation, sets);
    }
    set.choices.set(respondent, choices);
  }

  responsesIn(file: string): ConsultationResponses {
    const folder = folderOf(file);
    const consultation = consultationOf(file);
    const table = this.respondentsAbove(folder);
    const choiceSets = (this.choiceSets.get(consultation) ?? []).map((set) => ({
      question: this.questionAt(set.questionKey, set.folder)?.text ?? set.part,
      choices: set.choices,
    }));
    const { pairs } = this;
    return {
      question: this.questionAt(pairKey(folder, stemOf(file)), folder),
      part: partOf(file),
      consultation,
      respondentsRead: table !== null,
      answersOf(respondent) {
        let answers: Record<string, string> | null = null;
        for (const number of table?.get(respondent) ?? []) {
          const pair = pairs[number];
          if (pair === undefined) continue;
          answers ??= Object.create(null) as Record<string, string>;
          answers[pair[0]] = pair[1];
        }
        for (const set of choiceSets) {
          const choice = set.choices.get(respondent);
          if (choice === undefined) continue;
          answers ??= Object.create(null) as Record<string, string>;
          answers[set.question] = choice;
        }
        return answers === null ? null : { ...answers };
      },
    };
  }

  /** The question filed under `key`, else the only question read in `folder`. */
  private questionAt(key: string, folder: string): ConsultationQuestion | null {
    const question = this.questions.get(key);
    if (question !== undefined) return question;
    const inFolder = this.questionsInFolder.get(folder);
    return inFolder?.length === 1 ? (inFolder[0] ?? null) : null;
  }

  /** The respondents read in `folder` or the nearest folder above it, or null. */
  private respondentsAbove(folder: string): Map<string, number[]> | null {
    for (let at: string | null = folder; at !== null; at = parentOf(at)) {
      const table = this.respondents.get(at);
      if (table !== undefined) return table;
    }
    return null;
  }

  private pairNumber(question: string, answer: string): number {
    const key = `${question}\u0000${answer}`;
    let number = this.pairNumbers.get(key);
    if (number === undefined) {
      number = this.pairs.length;
      this.pairs.push([question, answer]);
      this.pairNumbers.set(key, number);
    }
    return number;
  }
}

function pairKey(folder: string, stem: string): string {
  return `${folder}\u0000${stem}`;
}

/** The folder above, or null at the top of what the run names. */
function parentOf(folder: string): string | null {
  if (folder === '.' || folder === '/') return null;
  return folderOf(folder);
}

/** What pairs a file with the others of its question: its name without its extension and its role (`q1` of `q1-responses.jsonl`; '' for `responses.jsonl`). */
function stemOf(file: string): string {
  const name = lastStep(file).replace(/\.(?:jsonl|ndjson|json)$/i, '');
  return name.replace(ROLE_SUFFIX, '');
}

/** The question part a file of responses or choices belongs to: its stem, or for the layout's bare names its folder's name. */
function partOf(file: string): string {
  const stem = stemOf(file);
  if (stem !== '') return stem;
  const folder = folderOf(file);
  return folder === '.' || folder === '/' ? lastStep(file).replace(/\.(?:jsonl|ndjson|json)$/i, '') : lastStep(folder);
}

/** The consultation a file belongs to: the folder above a `question_part_N` folder, else its own folder. */
function consultationOf(file: string): string {
  const folder = folderOf(file);
  return QUESTION_FOLDER.test(lastStep(folder)) ? folderOf(folder) : folder;
}
