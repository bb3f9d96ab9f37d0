import type { Channel, Provenance, RecordDraft } from '../record/record.js';
import type { DateOrder } from '../record/ordered-dates.js';
import type { RejectionCode } from '../rejection-code.js';
import { isOverlong, MAX_LINE_CHARS, type InputSource, type OverlongLine, type SourceLine } from '../source/input-source.js';

/**
 * Why an item was read but deliberately not stored. Each rule is documented in the README
 * ("What is filtered"); adapters use these names so the summary can count them.
 */
export type FilterRule =
  | 'empty-text'
  | 'retweet'
  | 'superseded-edit'
  | 'spam'
  | 'pingback'
  | 'trackback'
  | 'unapproved'
  | 'deleted'
  | 'withdrawn'
  | 'not-a-comment'
  | 'auto-reply'
  | 'sentinel-value'
  | 'moderated-out'
  | 'not-feedback'
  | 'panel-question'
  | 'cover-note'
  | 'closed-answers'
  | 'consultation-question'
  | 'long-tweet-text'
  | 'text-in-attachment';

/**
 * Warnings the analyst can act on with an option: title rows guessed above a table's header
 * (`skipRows`), a hidden sheet left unread (`sheet`), lines read as Windows-1252 (`encoding`),
 * dates read day first with no value showing the order, or left unread as dates only in another
 * order (`dateOrder`).
 */
export type WarningCode =
  | 'TITLE_ROWS_SKIPPED'
  | 'HIDDEN_SHEET_SKIPPED'
  | 'ENCODING_FALLBACK'
  | 'DATE_ORDER_ASSUMED'
  | 'DATE_ORDER_CONTRADICTED'
  | 'DOCUMENT_TEXT_SKIPPED'
  | 'TRACKED_CHANGES_ACCEPTED';

/** Options from the command line that adapters honour. */
export interface AdapterOptions {
  /** Field → column overrides from `--map field=Column` (fields: text, author, date, id, channel, url, inReplyTo). */
  map: Readonly<Record<string, string>>;
  /** `--channel`: the channel for every record of this run, overriding the adapter's default. */
  channel?: Channel;
  /** `--sheet`: the one worksheet of a workbook to read. */
  sheet?: string;
  /** `--skip-rows`: how many title rows stand above a table's header. */
  skipRows?: number;
  /**
   * `--date-order`: how a table's dates written with numbers alone (`02/01/2024`) are read, instead
   * of the order each date column shows (day first when none does).
   */
  dateOrder?: DateOrder;
  /** The largest record a delimited table may hold, in bytes (1 MiB unless given). */
  maxRecordBytes?: number;
  /**
   * `--document-text`: read a document that holds reviewers' comments (a draft sent back with
   * comments) for its own text too, not only for its comments.
   */
  documentText?: boolean;
  /**
   * `--reviewed-draft`: read a Word or OpenDocument document that holds tracked changes but no
   * comments as a draft sent back with suggested edits: its edits, not its own text.
   */
  reviewedDraft?: boolean;
  /**
   * Reads a file attached to an e-mail with the reader tlap uses for that file on its own (given
   * by the ingest, which knows every format); without it, e-mails' attached documents are not read.
   */
  readAttachedFile?: AttachedFileReader;
  /**
   * The files of a consultation laid out as i.AI's ThemeFinder and Consult take them
   * (`question_part_N/question.json`, `responses.jsonl`, `multi_choice.jsonl`, `respondents.jsonl`),
   * read in one run: what one file gives, the others' records take (given by the ingest; without
   * it each file is read on its own).
   */
  consultation?: ConsultationFiles;
  /**
   * The whole texts of the long tweets of the X archives read in this run (`data/note-tweet.js`),
   * by the archive folder they were read from, for the tweets files beside them (given by the
   * ingest; without it a tweets file is read on its own, long tweets cut short as it holds them).
   */
  archiveNotes?: NoteTweetFiles;
}

/**
 * A long tweet's whole text as an X archive keeps it in `data/note-tweet.js`: its `tweets.js` holds
 * only the first 280 characters, ending in `…`. The note has its own id, not the tweet's: it is
 * matched to its tweet by the time both were written and by the words they start with.
 */
export interface NoteTweet {
  /** `noteTweetId`. */
  id: string;
  /** `createdAt`, in milliseconds since 1970. */
  createdAt: number;
  /** `core.text`: the whole text, `&` `<` `>` as typed (not escaped as in `tweets.js`). */
  text: string;
  /** `core.urls`: each shortened link of the text (`shortUrl`) and the address it stands for (`expandedUrl`). */
  links: readonly { url: string; expandedUrl: string }[];
  /** `core.hashtags`, without `#`. */
  hashtags: readonly string[];
}

/** The long tweets' texts of a run's X archives, joined to the tweets files beside them (see src/ingest/tweet-archive-layout.ts). */
export interface NoteTweetFiles {
  /** A long tweet's whole text, read from the note file `file`. */
  addNote(file: string, note: NoteTweet): void;
  /** The notes read so far from the note files in the folder of the tweets file `file`. */
  notesBeside(file: string): readonly NoteTweet[];
}

/** A question of a consultation, from its `question.json`. */
export interface ConsultationQuestion {
  /** The question's words. */
  text: string;
  /** Its number in the consultation, when the file gives one. */
  number: number | null;
}

/** What a consultation's other files give the responses of one file. */
export interface ConsultationResponses {
  /** The question they answer, or null when no question file for them was read before them. */
  question: ConsultationQuestion | null;
  /** The question part (`question_part_1`): what their ids and `meta.questionId` are made of, whether or not the question was read. */
  part: string;
  /** The consultation (its folder) their respondents belong to: one respondent id there is one person, whichever question they answered. */
  consultation: string;
  /** True when a respondents file of the consultation was read before them. */
  respondentsRead: boolean;
  /**
   * A respondent's closed answers (their answers about themselves and their choices in multiple
   * choice questions, by question), or null when none were read.
   */
  answersOf(respondent: string): Record<string, string> | null;
}

/**
 * The cross-file join of a consultation's files (see src/ingest/consultation-layout.ts): the
 * reader of each file hands over what the file holds, and asks what its responses take from the
 * others. Files are matched by where they are, each named as the run names it.
 */
export interface ConsultationFiles {
  /** The question of the question file `file`. */
  addQuestion(file: string, question: ConsultationQuestion): void;
  /** A respondent's answers about themselves, from the respondents file `file`. */
  addRespondent(file: string, respondent: string, answers: Readonly<Record<string, string>>): void;
  /** A respondent's choice (options joined by `; `) in the multiple choice file `file`. */
  addChoices(file: string, respondent: string, choices: string): void;
  /** What the responses of `file` take from the files read before it. */
  responsesIn(file: string): ConsultationResponses;
}

/** A file attached to an e-mail, as its message holds it. */
export interface AttachedFile {
  /** Its file name as the message gives it (`response.docx`), or '' when it has none. */
  name: string;
  /** The media type the message declares for it (`application/pdf`), lower case, or ''. */
  contentType: string;
  bytes: Buffer;
}

/** An attached file that is a document tlap reads as feedback: the format that reads it, and its items. */
export interface AttachedDocument {
  /** The `--format` name of the reader chosen for it (`docx`, `pdf`…). */
  format: string;
  /**
   * Its items as that reader gives them, provenance naming `path` as the file; a document that
   * cannot be read throws the InputError the reader throws for the file on its own.
   */
  items: AsyncIterable<AdapterItem>;
}

/**
 * Chooses the reader of an attached file by the format detection files get (by its content,
 * its name only breaking ties), and returns null for a file that is no document tlap reads as
 * feedback (a picture, a calendar invitation, a contact card, a signature, `winmail.dat`).
 * `path` is the file the e-mail is in.
 */
export type AttachedFileReader = (file: AttachedFile, path: string) => AttachedDocument | null;

/** What an adapter yields for each item it reads. */
export type AdapterItem =
  | {
      /** A piece of feedback. */
      kind: 'record';
      draft: RecordDraft;
    }
  | {
      /** An item read but not stored, by a documented rule. */
      kind: 'filtered';
      rule: FilterRule;
      provenance: Provenance;
      /** The item's own id, where it has one (for example the tweet that was retweeted). */
      sourceId?: string;
      /** Short detail for the analyst, never the person's text. */
      detail?: string;
      /**
       * True for a message's cover note that points at an attachment the message does not carry
       * (left off when it was sent, or taken off on the way): the file holding the words is missing.
       */
      attachmentMissing?: true;
    }
  | {
      /** An item that could not be read; written to the store's rejected.jsonl with this code. */
      kind: 'rejected';
      /** Why: one of the reason codes every part of tlap shares. */
      code: RejectionCode;
      /** One line saying what is wrong (without the file name: provenance carries it). */
      message: string;
      provenance: Provenance;
      /** Up to 200 characters of the raw input, to find it again. */
      excerpt?: string;
    }
  | {
      /** Something the analyst should know that does not lose an item (counted nowhere). */
      kind: 'warning';
      /** Set when the analyst can act on the warning with an option (the CLI names the flag). */
      code?: WarningCode;
      message: string;
      provenance: Provenance;
    };

/** What sniffing sees of a file. */
export interface SniffInput {
  /** The path as given. */
  path: string;
  /** Lower-case extension with its dot, or ''. */
  extension: string;
  /** The first 64 KiB, decoded (BOM removed). */
  headText: string;
  /** The first 64 KiB, raw. */
  headBytes: Buffer;
}

/**
 * One export format. Each adapter lives in its own file under src/adapters/ and is listed once in
 * src/adapters/registry.ts; detection, `--format` and `tlap formats` all come from that list.
 */
export interface FormatAdapter {
  /** The name used with `--format` and stored in each record's `format` (kebab-case). */
  readonly name: string;
  /** One line for `tlap formats`: what produces this export. */
  readonly description: string;
  /** The channel of its records unless the item or `--channel` says otherwise. */
  readonly channel: Channel;
  /** Extensions this format is saved with, lower-case with the dot. */
  readonly extensions: readonly string[];
  /** What sniffing looks for, in words, for `tlap formats`. */
  readonly signature: string;
  /** True when the format is binary (a zip, say), so NUL bytes do not mean "wrong file". */
  readonly binary?: boolean;
  /**
   * True when its records' ids are the platform's own ids of posts, comments or messages (a Disqus
   * post id, a YouTube comment id, a Reddit fullname, a Discord message's snowflake, a Slack
   * message's channel and timestamp), which no other post has: the same id read again with
   * other words is the same post, edited since, not another one. Formats that number items per
   * export (a blog's comment ids, a form's rows) leave it unset. A format whose ids are the
   * platform's only in some of its exports (Telegram's JSON gives the chat's id, its HTML does
   * not) says so per record, in the draft's `platformId`, which wins over this.
   */
  readonly platformPostIds?: boolean;
  /**
   * How sure the adapter is that this is its format, from the head of the file: 0 (no) to 1 (certain).
   * Generic adapters return low scores so that specific ones win.
   */
  sniff(input: SniffInput): number;
  /** Reads the file, yielding one item per record, filtered or rejected item. Throws InputError when the file as a whole is unreadable. */
  read(source: InputSource, options: AdapterOptions): AsyncIterable<AdapterItem>;
}

/** The rejection for a line of a text format that is longer than {@link MAX_LINE_CHARS}: the line, skipped unread. */
export function overlongLineRejection(file: string, line: OverlongLine, keepExcerpt = true): AdapterItem {
  const rejection: AdapterItem = {
    kind: 'rejected',
    code: 'LINE_TOO_LONG',
    message: `line of ${line.chars.toLocaleString('en-GB')} characters, over the ${MAX_LINE_CHARS.toLocaleString('en-GB')} a line may hold; skipped`,
    provenance: { file, line: line.line },
  };
  return keepExcerpt ? { ...rejection, excerpt: line.excerpt } : rejection;
}

/** A reader fed a file's lines one at a time, then told the file has ended. */
export interface LineByLineReader {
  feed(line: SourceLine): Iterable<AdapterItem>;
  end(): Iterable<AdapterItem>;
}

/**
 * The items of a line-by-line reader over a source. A line over the limit is a `LINE_TOO_LONG`
 * rejection and reaches the reader as a blank line, so what it was building ends there. Its
 * rejection keeps the start of the line as an excerpt unless `keepExcerpts` is false (a chat,
 * whose lines may be private messages or carry phone numbers).
 */
export async function* lineByLineItems(
  source: InputSource,
  reader: LineByLineReader,
  options: { keepExcerpts?: boolean } = {},
): AsyncIterable<AdapterItem> {
  for await (const line of source.lines()) {
    if (isOverlong(line)) {
      yield overlongLineRejection(source.path, line, options.keepExcerpts !== false);
      yield* reader.feed({ text: '', line: line.line });
      continue;
    }
    yield* reader.feed(line);
  }
  yield* reader.end();
}
