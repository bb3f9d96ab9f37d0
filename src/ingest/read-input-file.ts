import type { AdapterItem, AdapterOptions, FilterRule, WarningCode } from '../adapters/format-adapter.js';
import { ADAPTERS, adapterNames } from '../adapters/registry.js';
import { detectFormat, type DetectionReason } from '../adapters/format-detection.js';
import { InputError, UnknownNameError } from '../errors.js';
import { authorForId, dateForId, MICROBLOG_CHANNELS, type FeedbackRecord, type Provenance, type RecordDraft } from '../record/record.js';
import type { RejectionCode } from '../rejection-code.js';
import { contentSourceId, makeRecordId } from '../record/record-id.js';
import { cleanRecordText } from '../text/clean-record-text.js';
import { isOnlyAttachmentPointer } from '../text/cover-note.js';
import { PanelLinker, type PanelResolution } from './hashtag-panel.js';
import { counted } from '../counted.js';
import { isOverlong, looksBinary, openInputSource, type InputSource, type SourceLineItem } from '../source/input-source.js';
import { SINGLE_BYTE_ENCODING_NAMES } from '../source/mac-roman.js';
import { isZipFile } from '../adapters/readers/zip-directory.js';
import { attachedFileReader } from './attached-files.js';
import { ConsultationLayout } from './consultation-layout.js';

/** How many of the lines read as Windows-1252 the warning names. */
const FALLBACK_LINES_SHOWN = 20;

/** What reading one file yields, in file order. */
export type FileItem =
  | {
      kind: 'record';
      record: FeedbackRecord;
      /** The ids earlier versions of tlap gave the record (from its draft's `formerSourceIds`). */
      formerIds?: readonly string[];
      /** Whether its id is the platform's own, when its draft says (its `platformId`); unset, its format decides. */
      platformId?: boolean;
    }
  | { kind: 'filtered'; rule: FilterRule; provenance: Provenance; sourceId?: string; detail?: string }
  | { kind: 'rejected'; code: RejectionCode; message: string; provenance: Provenance; excerpt?: string }
  | { kind: 'warning'; code?: WarningCode; message: string; provenance: Provenance };

/** Options for reading one file. */
export interface ReadFileOptions extends AdapterOptions {
  /** `--format`: the adapter to use instead of detection. */
  format?: string;
  /** `--encoding`: the text encoding to use instead of detection. */
  encoding?: string;
  /** The path to show in provenance and messages (defaults to the disk path). */
  displayPath?: string;
}

/** A file opened and matched to its adapter. */
export interface OpenedFile {
  source: InputSource;
  format: string;
  reason: DetectionReason;
  items: AsyncIterable<FileItem>;
  /** About how many bytes of the file have been read so far (from decoded text, so an estimate), at most its size. */
  bytesRead: () => number;
}

/**
 * The source with each way of reading it counted, for progress: raw bytes exactly, decoded text
 * by its characters (times two for UTF-16). The furthest any reading got is what counts.
 */
function countedSource(source: InputSource): { source: InputSource; bytesRead: () => number } {
  let furthest = 0;
  const charBytes = source.encoding.startsWith('utf-16') ? 2 : 1;
  const counted = Object.create(source) as InputSource & Record<string, unknown>;
  const track = <T>(read: () => AsyncIterable<T>, size: (item: T) => number) =>
    async function* (): AsyncIterable<T> {
      let position = 0;
      for await (const item of read()) {
        position += size(item);
        if (position > furthest) furthest = position;
        yield item;
      }
    };
  counted['bytes'] = track(
    () => source.bytes(),
    (chunk: Buffer) => chunk.length,
  );
  counted['text'] = track(
    () => source.text(),
    (chunk: string) => chunk.length * charBytes,
  );
  counted['lines'] = (maxChars?: number) =>
    track(
      () => source.lines(maxChars),
      (line: SourceLineItem) => ((isOverlong(line) ? line.chars : line.text.length) + 1) * charBytes,
    )();
  return { source: counted, bytesRead: () => Math.min(furthest, source.size) };
}

/** The error for a format name that no adapter has. */
export function unknownFormatName(name: string): UnknownNameError {
  const known = adapterNames();
  return new UnknownNameError('format', name, known, `no such format "${name}" (known formats: ${known.join(', ')})`);
}

/**
 * What a zip no format reads, and that was not opened as an archive of exports, is told: what it
 * is, and what to do. It is one read from standard input, or one whose list of files is damaged.
 */
const UNZIP_ADVICE =
  'a zip archive whose files tlap cannot list here (read from standard input, or damaged): unzip it and ingest the folder it gives';

/**
 * What a compressed or tar archive is, by its first bytes (gzip's `1f 8b`, a tar header's `ustar`
 * at byte 257), or null. A tar archive named or found in a folder is read as the folder it holds
 * (see tar-archive.ts) before a file is opened: what reaches here is a gzip of one file (`.csv.gz`)
 * or an archive read from standard input.
 */
function packedArchiveKind(head: Buffer): string | null {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    return 'a gzip-compressed file (a .gz of one file, or a .tar.gz read from standard input)';
  }
  if (head.length >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar') return 'a tar archive read from standard input';
  return null;
}

/**
 * Opens a file and detects its format. Throws an InputError naming the file when it cannot be
 * read (`FILE_UNREADABLE`), matches no format (`UNKNOWN_FORMAT`, the message listing the known
 * formats), is binary where its format is text, or is a zip, tar or gzip archive no format reads
 * (`BINARY_FILE`);
 * an UnknownNameError when `format` names no format.
 */
export async function openInputFile(diskPath: string, options: ReadFileOptions): Promise<OpenedFile> {
  const opened = await openInputSource(diskPath, {
    ...(options.displayPath === undefined ? {} : { displayPath: options.displayPath }),
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
  });
  if (options.format !== undefined && !adapterNames().includes(options.format)) {
    throw unknownFormatName(options.format);
  }
  const { source, bytesRead } = countedSource(opened);
  const detection = detectFormat(ADAPTERS, source, options.format);
  const zipArchive = isZipFile(source.headBytes);
  if (detection === null) {
    const packed = packedArchiveKind(source.headBytes);
    if (packed !== null) {
      throw new InputError(`${packed}, which tlap does not unpack; not read`, {
        location: { file: source.path },
        hint: 'unpack it (gunzip FILE) and ingest the file it gives; name a .tar.gz instead of piping it',
        code: 'BINARY_FILE',
      });
    }
    const binaryNote = zipArchive ? ` (${UNZIP_ADVICE})` : looksBinary(source) ? ' (it looks binary)' : '';
    throw new InputError(`not a format tlap reads${binaryNote}; known formats: ${adapterNames().join(', ')}`, {
      location: { file: source.path },
      hint: 'name its format instead of detecting it',
      code: 'UNKNOWN_FORMAT',
    });
  }
  const { adapter } = detection;
  if (zipArchive && adapter.binary !== true && options.format === undefined) {
    throw new InputError(`${UNZIP_ADVICE}; refused`, {
      location: { file: source.path },
      hint: 'unzip it and ingest the folder it gives (tlap reads every export inside)',
      code: 'BINARY_FILE',
    });
  }
  if (adapter.binary !== true && looksBinary(source)) {
    throw new InputError(`binary file, not ${adapter.name} text; refused`, {
      location: { file: source.path },
      hint: 'check that this is the export you meant',
      code: 'BINARY_FILE',
    });
  }
  const adapterOptions: AdapterOptions = {
    ...options,
    readAttachedFile: attachedFileReader(options),
    consultation: options.consultation ?? new ConsultationLayout(),
  };
  async function* items(): AsyncIterable<FileItem> {
    const panel = MICROBLOG_CHANNELS.has(adapter.channel)
      ? await linkPanelAnswers(adapter.read(source, adapterOptions))
      : { answers: new Map(), questions: new Map() };
    const inAttachments: { count: number; first?: Provenance; text?: string } = { count: 0 };
    const missingAttachments: { count: number; first?: Provenance } = { count: 0 };
    for await (const item of adapter.read(source, adapterOptions)) {
      if (item.kind === 'filtered' && item.attachmentMissing === true) {
        const { attachmentMissing: _missing, ...filtered } = item;
        missingAttachments.count += 1;
        missingAttachments.first ??= item.provenance;
        yield filtered;
        continue;
      }
      if (item.kind !== 'record') {
        yield item;
        continue;
      }
      const { draft } = item;
      const text = cleanRecordText(draft.text);
      if (text === '') {
        yield {
          kind: 'filtered',
          rule: 'empty-text',
          provenance: draft.provenance,
          ...(draft.sourceId === null ? {} : { sourceId: draft.sourceId }),
        };
        continue;
      }
      if (isOnlyAttachmentPointer(text)) {
        inAttachments.count += 1;
        inAttachments.first ??= draft.provenance;
        inAttachments.text ??= text;
        const files = attachedFileNames(draft.meta);
        yield {
          kind: 'filtered',
          rule: 'text-in-attachment',
          provenance: draft.provenance,
          ...(draft.sourceId === null ? {} : { sourceId: draft.sourceId }),
          detail: `${JSON.stringify(text)}: the words are in an attached file${files === null ? '' : ` (${files})`}, not in this export`,
        };
        continue;
      }
      const questionNumber = draft.sourceId === null ? undefined : panel.questions.get(draft.sourceId);
      if (questionNumber !== undefined) {
        yield {
          kind: 'filtered',
          rule: 'panel-question',
          provenance: draft.provenance,
          ...(draft.sourceId === null ? {} : { sourceId: draft.sourceId }),
          detail: `the host's question ${questionNumber} of a hashtag panel`,
        };
        continue;
      }
      const channel = options.channel ?? draft.channel ?? adapter.channel;
      const author = draft.author ?? null;
      const date = draft.date ?? null;
      const sourceId = draft.sourceId ?? contentSourceId(authorForId(draft), dateForId(draft), text);
      const link = draft.sourceId === null ? undefined : panel.answers.get(draft.sourceId);
      const meta =
        link === undefined || draft.meta?.['question'] !== undefined
          ? (draft.meta ?? {})
          : { ...draft.meta, question: link.question, questionId: link.questionId };
      yield {
        kind: 'record',
        record: {
          id: makeRecordId(channel, sourceId),
          sourceId,
          channel,
          format: draft.format ?? adapter.name,
          author,
          date,
          text,
          url: draft.url ?? null,
          inReplyTo: draft.inReplyTo ?? null,
          meta,
          provenance: draft.provenance,
        },
        ...(draft.formerSourceIds === undefined ? {} : { formerIds: draft.formerSourceIds.map((former) => makeRecordId(channel, former)) }),
        ...(draft.platformId === undefined ? {} : { platformId: draft.platformId }),
      };
    }
    if (inAttachments.count > 0) {
      const they = inAttachments.count === 1 ? 'it says' : 'they say';
      yield {
        kind: 'warning',
        message: `${counted(inAttachments.count, 'item')} filtered text-in-attachment: ${they} only that the words are in an attached file (${JSON.stringify(inAttachments.text ?? '')}), and the file was not read from here: ingest the attached files to read them`,
        provenance: inAttachments.first ?? { file: source.path },
      };
    }
    if (missingAttachments.count > 0) {
      const they =
        missingAttachments.count === 1
          ? 'its words only point at an attached document, but it carries'
          : 'their words only point at attached documents, but they carry';
      yield {
        kind: 'warning',
        message: `${counted(missingAttachments.count, 'message')} filtered cover-note: ${they} no attachment (left off when sent, or taken off on the way), so there is nothing of the sender's to read: ask the sender for the document`,
        provenance: missingAttachments.first ?? { file: source.path },
      };
    }
    if (source.fallbackLineCount > 0) {
      const shown = source.fallbackLines.slice(0, FALLBACK_LINES_SHOWN).join(', ');
      const more = source.fallbackLineCount > FALLBACK_LINES_SHOWN ? ', …' : '';
      const was = source.fallbackLineCount === 1 ? 'was' : 'were';
      yield {
        kind: 'warning',
        code: 'ENCODING_FALLBACK',
        message: `${counted(source.fallbackLineCount, 'line')} ${was} not valid UTF-8 and ${was} read as ${SINGLE_BYTE_ENCODING_NAMES[source.fallbackEncoding]} (${source.fallbackLineCount === 1 ? 'line' : 'lines'} ${shown}${more})`,
        provenance: { file: source.path, ...(source.fallbackLines[0] === undefined ? {} : { line: source.fallbackLines[0] }) },
      };
    }
  }
  return { source, format: adapter.name, reason: detection.reason, items: items(), bytesRead };
}

/** The attached files a record's reader named (`meta.attachments`: a regulations.gov comment's `Attachment Files`), as one line, or null. */
function attachedFileNames(meta: RecordDraft['meta']): string | null {
  const named = meta?.['attachments'];
  if (typeof named === 'string' && named.trim() !== '') return named.trim();
  if (Array.isArray(named)) {
    const names = named.filter((name): name is string => typeof name === 'string' && name.trim() !== '');
    if (names.length > 0) return names.join(', ');
  }
  return null;
}

/**
 * The export-level pass over a file of tweets: reads it once to find the hosts' hashtag-panel
 * questions (filtered, `panel-question`) and the tweets that answer them (see hashtag-panel.ts). A file that fails part-way gives the links
 * found before the failure; the reading pass that follows reports the failure itself.
 */
async function linkPanelAnswers(items: AsyncIterable<AdapterItem>): Promise<PanelResolution> {
  const linker = new PanelLinker();
  try {
    for await (const item of items) {
      if (item.kind !== 'record' || item.draft.sourceId === null) continue;
      const { draft } = item;
      linker.add({
        id: draft.sourceId ?? '',
        author: draft.author ?? null,
        date: draft.date ?? null,
        inReplyTo: draft.inReplyTo ?? null,
        text: cleanRecordText(draft.text),
      });
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
  }
  return linker.resolve();
}
