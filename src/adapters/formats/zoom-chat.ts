import { InputError } from '../../errors.js';
import { contentSourceId } from '../../record/record-id.js';
import type { SourceLine } from '../../source/input-source.js';
import { cleanRecordText } from '../../text/clean-record-text.js';
import { lineByLineItems, type AdapterItem, type FormatAdapter, type SniffInput } from '../format-adapter.js';
import { authorName } from '../readers/email-addresses.js';
import { RepeatedTextIds } from '../readers/repeated-text-ids.js';

/** A message's first line in the chat Zoom saves today: `10:01:00 From  Jane Smith  to  Everyone:`, its words on the indented lines below. */
const HEADER_LINE = /^(\d{1,2}:\d{2}:\d{2})\s+From\s+(.+?)\s+to\s+(.+?)\s*:\s*$/;

/**
 * A message on one line, as older Zooms saved chat: `10:01:00\t From  Jane Smith : words` (or
 * `From A to B : words`), and as Zooms of 2020–2021 did: `09:00:18 From  Jane Smith  to  Everyone: words`.
 */
const ONE_LINE = /^(\d{1,2}:\d{2}:\d{2})\s+From\s+(.+?)(?:\s+:\s?(.*)|\s+to\s+(.+?)\s*:\s?(.*))$/;

/** A message in the chat file of a cloud recording: `00:58:04\tJane Smith:\twords`, the time counted from the recording's start. */
const RECORDING_LINE = /^(\d{1,2}:\d{2}:\d{2})\t([^\t]+?):\t(.*)$/;

/** A recipient that makes a message private: `Jane Smith(Direct Message)`, `Jane Smith (Privately)`. */
const PRIVATE_RECIPIENT = /\((?:direct message|privately)\)\s*$/i;

/** How older Zooms marked the words of a private message. */
const PRIVATE_WORDS = /^\s*\(privately\)/i;

/** A reaction Zoom saves as a message of its own. */
const REACTION =
  /^(?:Reacted to ".*" with \S+|Removed a \S+ reaction from ".*"|(?:add|remove)\s+[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F\u200D]+)\s*$/u;

/** A threaded reply: `Replying to "Good morning fol..."`, then the reply's words on the same line or the next. */
const REPLYING_TO = /^Replying to "(.*?)(?:\.\.\.)?"\s*/;

/** How many earlier messages a reply's quotation is looked for among. */
const REPLY_LOOKBACK = 500;

/** A day written in a file or folder name, as Zoom names the folder of a meeting it saved: `2024-01-15 10.00.00 Panel`. */
const DAY_IN_PATH = /(?:^|[^\d])((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[^\d]|$)/;

/** Which of Zoom's chat files a file is, by its lines. */
type ChatLayout = 'header' | 'one-line' | 'recording';

/** The layout most of the head's message lines have, when at least two do; null otherwise. */
function chatLayout(headText: string): ChatLayout | null {
  const counts: Record<ChatLayout, number> = { header: 0, 'one-line': 0, recording: 0 };
  let nonBlank = 0;
  for (const line of headText.split(/\r?\n/).slice(0, 400)) {
    if (line.trim() === '') continue;
    nonBlank += 1;
    if (HEADER_LINE.test(line)) counts.header += 1;
    else if (RECORDING_LINE.test(line)) counts.recording += 1;
    else if (ONE_LINE.test(line)) counts['one-line'] += 1;
  }
  const [layout, count] = (Object.entries(counts) as [ChatLayout, number][]).reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  if (count < 2) return null;
  const share = layout === 'header' ? count * 2 : count;
  return share * 2 >= nonBlank ? layout : null;
}

/** Zoom meeting chat saved as text: one record per message; private messages and reactions never stored. */
export const zoomChatAdapter: FormatAdapter = {
  name: 'zoom-chat',
  description: "Zoom meeting chat saved as text (meeting_saved_chat.txt, a cloud recording's chat.txt): one record per message",
  channel: 'event-note',
  extensions: ['.txt'],
  signature:
    'lines like "10:01:00 From  Jane Smith  to  Everyone:" (or "10:01:00\\t From Jane Smith : words", or "00:58:04\\tJane Smith:\\twords")',
  sniff(input: SniffInput) {
    if (chatLayout(input.headText) === null) return 0;
    return input.extension === '.txt' ? 0.95 : 0.7;
  },
  read(source) {
    const layout = chatLayout(source.headText) ?? 'header';
    return lineByLineItems(source, new ZoomChatReader(source.path, layout), { keepExcerpts: false });
  },
};

/** One message being read: who wrote it, to whom, when, and its lines so far. */
interface OpenMessage {
  time: string;
  author: string;
  recipient: string | null;
  lines: string[];
  line: number;
}

/**
 * Reads a Zoom chat file line by line. Each message is one record by its author, its clock time in
 * `meta.time` and, when the file's path names the day (Zoom's folder for a meeting does), its date
 * (the meeting's local time, read as UTC); the time is part of a message's content hash, so the
 * same words said again later in the meeting, or in another meeting, are their own record. A private message (to one person, `Direct Message` or
 * `Privately`) is filtered and its words never kept; so are reactions. A threaded reply drops
 * Zoom's quotation of the message it answers and names that message in `inReplyTo`.
 */
class ZoomChatReader {
  private readonly ids = new RepeatedTextIds();
  private readonly day: string | null;
  private open: OpenMessage | null = null;
  private readonly earlier: { text: string; sourceId: string }[] = [];
  private preamble: number | null = null;

  constructor(
    private readonly file: string,
    private readonly layout: ChatLayout,
  ) {
    const day = DAY_IN_PATH.exec(file);
    this.day = day === null ? null : `${day[1]}-${day[2]}-${day[3]}`;
  }

  feed(line: SourceLine): AdapterItem[] {
    const started = this.startOf(line.text);
    if (started !== null) {
      const items = this.close();
      this.open = { ...started, line: line.line };
      return items;
    }
    if (this.open === null) {
      if (line.text.trim() !== '') this.preamble ??= line.line;
      return [];
    }
    if (line.text.trim() !== '') this.open.lines.push(line.text.trim());
    return [];
  }

  end(): AdapterItem[] {
    const items = this.close();
    if (this.earlier.length === 0 && items.length === 0 && this.preamble !== null) {
      throw new InputError('no Zoom chat messages ("10:01:00 From Jane Smith to Everyone:") found', {
        location: { file: this.file, line: this.preamble },
        hint: 'check that this is the chat file Zoom saved',
      });
    }
    return items;
  }

  private startOf(text: string): Omit<OpenMessage, 'line'> | null {
    if (this.layout === 'header') {
      const header = HEADER_LINE.exec(text);
      if (header !== null) return { time: header[1] ?? '', author: header[2] ?? '', recipient: header[3] ?? null, lines: [] };
    }
    if (this.layout === 'recording') {
      const message = RECORDING_LINE.exec(text);
      if (message !== null) return { time: message[1] ?? '', author: message[2] ?? '', recipient: null, lines: [message[3] ?? ''] };
    }
    const message = ONE_LINE.exec(text);
    if (message !== null && this.layout !== 'recording') {
      return { time: message[1] ?? '', author: message[2] ?? '', recipient: message[4] ?? null, lines: [message[3] ?? message[5] ?? ''] };
    }
    return null;
  }

  private close(): AdapterItem[] {
    const message = this.open;
    this.open = null;
    if (message === null) return [];
    const provenance = { file: this.file, line: message.line };
    let words = message.lines.join('\n').trim();
    if ((message.recipient !== null && PRIVATE_RECIPIENT.test(message.recipient)) || PRIVATE_WORDS.test(words)) {
      return [{ kind: 'filtered', rule: 'not-feedback', provenance, detail: 'private message' }];
    }
    if (REACTION.test(words)) return [{ kind: 'filtered', rule: 'not-feedback', provenance, detail: 'reaction' }];
    let inReplyTo: string | null = null;
    const reply = REPLYING_TO.exec(words);
    if (reply !== null) {
      inReplyTo = this.repliedTo(reply[1] ?? '');
      words = words.slice(reply[0].length).trim();
    }
    const name = message.author.trim();
    const date = this.day === null || this.layout === 'recording' ? null : `${this.day}T${message.time.padStart(8, '0')}.000Z`;
    const idDate = date ?? `T${message.time}`;
    const sourceId = this.ids.sourceIdFor(name, words, idDate) ?? contentSourceId(name, idDate, cleanRecordText(words));
    this.earlier.push({ text: words, sourceId });
    if (this.earlier.length > REPLY_LOOKBACK) this.earlier.shift();
    return [
      {
        kind: 'record',
        draft: {
          sourceId,
          author: authorName(name),
          date,
          idDate,
          text: words,
          inReplyTo,
          meta: { time: message.time },
          provenance,
        },
      },
    ];
  }

  /** The latest earlier message that Zoom's quotation (its first words, cut with `...`) begins. */
  private repliedTo(quotation: string): string | null {
    const quoted = quotation.trim();
    if (quoted === '') return null;
    for (let index = this.earlier.length - 1; index >= 0; index -= 1) {
      const candidate = this.earlier[index];
      if (candidate !== undefined && candidate.text.startsWith(quoted)) return candidate.sourceId;
    }
    return null;
  }
}
