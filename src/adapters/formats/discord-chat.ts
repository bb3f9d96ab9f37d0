import { InputError } from '../../errors.js';
import type { JsonValue, Provenance } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import { dateOrderEvidence, readDateInOrder, type DateOrder } from '../../record/ordered-dates.js';
import { contentSourceId } from '../../record/record-id.js';
import type { InputSource, SourceLine } from '../../source/input-source.js';
import { cleanRecordText } from '../../text/clean-record-text.js';
import { counted } from '../../counted.js';
import { lineByLineItems, type AdapterItem, type AdapterOptions, type FilterRule, type FormatAdapter } from '../format-adapter.js';
import { delimitedTableOptions, readDelimitedTable, readTableHead, rejectedTableRow } from '../readers/delimited-table.js';
import { notAComment, notAnObject } from '../readers/blog-comment-fields.js';
import { authorName } from '../readers/email-addresses.js';
import { invalidJsonItem, jsonArrayElements } from '../readers/json-elements.js';
import { asArray, asDigitsId, asObject, asString, field, type JsonObject } from '../readers/json-fields.js';
import { membersBeforeArray } from '../readers/json-root-preamble.js';
import { editTime } from '../readers/post-fields.js';
import { RepeatedTextIds } from '../readers/repeated-text-ids.js';

/** A JSON object whose text may hold braces: `{"id": "1", "name": "{Carers}"}`, matched without backtracking. */
const FLAT_OBJECT = String.raw`\{(?:[^{}"]|"(?:[^"\\]|\\.)*")*\}`;

/** The head of DiscordChatExporter's JSON: `{"guild": {"id", "name", "iconUrl"}, "channel": {…`. */
const EXPORT_HEAD = new RegExp(String.raw`^\s*\{\s*"guild"\s*:\s*${FLAT_OBJECT}\s*,\s*"channel"\s*:\s*\{`);

/** The head of DiscordChatExporter's plain-text export: a rule of 62 `=`, then `Guild: …` and `Channel: …`. */
const TEXT_EXPORT_HEAD = /^={62}\r?\nGuild: [^\n]*\r?\nChannel: /;

/** A message's first line in the plain-text export: `[15/01/2024 10:03] jane.smith`, `(pinned)` after a pinned one's author. */
const TEXT_MESSAGE_HEADER = /^\[(\d[^\]]{5,40})\] (.+?)(?: \(pinned\))?$/;

/** The sections the plain-text export writes under a message's words: none of them words. */
const TEXT_SECTION = /^\{(?:Attachments|Embed|Stickers|Reactions)\}$/;

/** The words the plain-text export writes for Discord's notices in place of a message (`GetFallbackContent`). */
const TEXT_NOTICE =
  /^(?:Joined the server\.|Pinned a message\.|Started a thread\.|Added .{1,100} to the group\.|Removed .{1,100} from the group\.|Left the group\.|Added a recipient\.|Removed a recipient\.|Changed the channel name(?:: .{0,200}|\.)|Changed the channel icon\.|Started a call that lasted \d+ minutes?\.)$/;

/** The message types that are someone's words; every other type is Discord's notice (joined, pinned, thread created) or an app's. */
const WORDS_TYPES: ReadonlySet<string> = new Set(['Default', 'Reply']);

/** The server and channel the messages were saved from. */
interface DiscordChannel {
  server: string | null;
  serverId: string | null;
  name: string | null;
  id: string | null;
}

/**
 * DiscordChatExporter's JSON export of a Discord channel (Tyrrrz/DiscordChatExporter, the usual
 * way to save one): the `guild` (server) and `channel`, then its `messages`.
 */
export const discordChatAdapter: FormatAdapter = {
  name: 'discord-chat',
  description:
    'A Discord channel saved by DiscordChatExporter as JSON ({guild, channel, messages}), plain text or CSV: one record per message',
  channel: 'other',
  extensions: ['.json', '.txt', '.csv'],
  platformPostIds: true,
  signature:
    'a JSON object {"guild": {…}, "channel": {…}, "dateRange", "exportedAt", "messages": [...], "messageCount"}, text starting with a rule of "=", "Guild: …" and "Channel: …", or a CSV headed AuthorID,Author,Date,Content,Attachments,Reactions',
  sniff(input) {
    const head = input.headText;
    if (TEXT_EXPORT_HEAD.test(head) || isDiscordCsv(head)) return 0.95;
    return EXPORT_HEAD.test(head) && /"(?:messages|exportedAt|dateRange)"\s*:/.test(head) ? 0.95 : 0;
  },
  read(source, options) {
    if (isDiscordCsv(source.headText)) return readDiscordCsv(source, options);
    if (!TEXT_EXPORT_HEAD.test(source.headText)) return readDiscordChannel(source);
    const shown = shownDateOrder(source.headText);
    const preamble = textPreamble(source.headText);
    return lineByLineItems(
      source,
      new DiscordTextReader(
        source.path,
        preamble,
        options.dateOrder ?? shown ?? 'day-month-year',
        options.dateOrder === undefined && shown === null,
      ),
    );
  },
};

/** Streams the `messages`; the server and channel, written before them, are read from the head of the file. */
async function* readDiscordChannel(source: InputSource): AsyncIterable<AdapterItem> {
  const channel = channelOf(membersBeforeArray(source.headText, 'messages'));
  for await (const element of jsonArrayElements(source.path, source.text(), { member: 'messages' })) {
    const provenance: Provenance = { file: source.path, line: element.line, part: `messages[${element.index ?? 0}]` };
    yield element.kind === 'invalid' ? invalidJsonItem(element, provenance) : messageItem(element.value, channel, provenance);
  }
}

function channelOf(header: JsonObject | null): DiscordChannel {
  return {
    server: trimmed(field(header, 'guild', 'name')),
    serverId: serverId(field(header, 'guild', 'id')),
    name: trimmed(field(header, 'channel', 'name')),
    id: asDigitsId(field(header, 'channel', 'id')),
  };
}

/** The server's id in a message's link: direct messages, which DiscordChatExporter files under a server `0`, are `@me`. */
function serverId(value: unknown): string | null {
  const id = asDigitsId(value);
  return id === '0' ? '@me' : id;
}

function trimmed(value: unknown): string | null {
  const text = asString(value)?.trim() ?? '';
  return text === '' ? null : text;
}

/**
 * One message. A member's words are a record by their name on the server (`nickname`, else
 * `name`), dated by `timestamp`, its id the message's own, a reply naming the message it answers
 * (`reference.messageId`) in `inReplyTo`, with a link to the message in Discord. Discord's notices
 * (a member joined, a message pinned, a thread created: any type but `Default` and `Reply`), bots'
 * and apps' messages and forwarded messages are filtered `not-feedback`; a message with no words
 * (an attachment, a sticker, a link preview alone) `empty-text`. `content` is kept as written,
 * mentions and all.
 */
function messageItem(value: unknown, channel: DiscordChannel, provenance: Provenance): AdapterItem {
  const message = asObject(value);
  if (message === null) {
    return notAnObject('expected a Discord message object', value, provenance);
  }
  const sourceId = asDigitsId(message['id']);
  if (sourceId === null) return notAComment('expected a Discord message with its "id" (digits)', value, provenance);
  const type = message['type'] ?? 'Default';
  if (typeof type !== 'string' || !WORDS_TYPES.has(type)) {
    return filtered('not-feedback', provenance, sourceId, typeof type === 'string' ? type.slice(0, 60) : 'not a message');
  }
  if (field(message, 'author', 'isBot') === true) return filtered('not-feedback', provenance, sourceId, "a bot's or app's message");
  const reference = asObject(message['reference']);
  if (message['forwardedMessage'] !== undefined || asString(reference?.['type']) === 'Forward') {
    return filtered('not-feedback', provenance, sourceId, 'forwarded from elsewhere');
  }
  const content = message['content'] ?? '';
  if (typeof content !== 'string') {
    return {
      kind: 'rejected',
      code: 'MISSING_TEXT',
      message: 'a Discord message whose "content" is not text',
      provenance,
      excerpt: JSON.stringify(value).slice(0, 200),
    };
  }
  if (content.trim() === '') return filtered('empty-text', provenance, sourceId, `${withoutWords(message)} with no words`);
  const meta: Record<string, JsonValue> = {};
  if (channel.server !== null) meta['discordServer'] = channel.server;
  if (channel.name !== null) meta['discordChannel'] = channel.name;
  const edited = asString(message['timestampEdited']);
  if (edited !== null) meta['edited'] = true;
  const editedAt = edited === null ? null : editTime(edited);
  if (editedAt !== null) meta['editedAt'] = editedAt;
  const name = trimmed(field(message, 'author', 'nickname')) ?? trimmed(field(message, 'author', 'name'));
  return {
    kind: 'record',
    draft: {
      sourceId,
      author: name === null ? null : authorName(name),
      date: toIsoDate(asString(message['timestamp'])),
      text: content,
      url:
        channel.id === null || channel.serverId === null
          ? null
          : `https://discord.com/channels/${channel.serverId}/${channel.id}/${sourceId}`,
      inReplyTo: reference === null ? null : asDigitsId(reference['messageId']),
      meta,
      provenance,
    },
  };
}

/** What a message without words holds, in a few words. */
function withoutWords(message: JsonObject): string {
  if (asArray(message['attachments']).length > 0) return 'an attachment';
  if (asArray(message['stickers']).length > 0) return 'a sticker';
  if (asArray(message['embeds']).length > 0) return 'a link preview';
  return 'a message';
}

function filtered(rule: FilterRule, provenance: Provenance, sourceId: string, detail: string): AdapterItem {
  return { kind: 'filtered', rule, provenance, sourceId, detail };
}

/** The server and channel named at the head of a plain-text export (`Channel: Category / channel`: the channel alone). */
function textPreamble(head: string): { server: string | null; channel: string | null } {
  const server = /^Guild: (.*)$/m.exec(head)?.[1]?.trim() ?? '';
  const channel = /^Channel: (.*)$/m.exec(head)?.[1]?.split(' / ').pop()?.trim() ?? '';
  return { server: server === '' ? null : server, channel: channel === '' ? null : channel };
}

/** The order of day and month the head's message dates show, or null when none shows it. */
function shownDateOrder(head: string): DateOrder | null {
  for (const line of head.split(/\r?\n/)) {
    const date = TEXT_MESSAGE_HEADER.exec(line)?.[1];
    if (date === undefined) continue;
    const evidence = dateOrderEvidence(date);
    if (evidence === 'day-month-year' || evidence === 'month-day-year') return evidence;
  }
  return null;
}

/** One message of a plain-text export being read. */
interface OpenTextMessage {
  date: string;
  author: string;
  line: number;
  lines: string[];
  /** True once a section under the words (`{Attachments}`, `{Reactions}`) has begun. */
  inSections: boolean;
  sections: string[];
}

/**
 * Reads DiscordChatExporter's plain-text export line by line: each `[date] author` line starts a
 * message, its words the lines up to the first section (`{Attachments}`, `{Embed}`, `{Stickers}`,
 * `{Reactions}`), which are left out. The author is written without a `#1234` tag; the date is read
 * in the file's day/month order (the culture DiscordChatExporter ran in). Discord's notices, which
 * this export writes as words (`Joined the server.`), are filtered `not-feedback`; a message with
 * only an attachment, embed or sticker `empty-text`. The rule and `Exported N message(s)` at the
 * end are no message.
 */
class DiscordTextReader {
  private readonly items: PlainMessageItems;
  private open: OpenTextMessage | null = null;
  private messages = 0;
  /** The rules of `=` passed: two around the head, a third before `Exported N message(s)`. */
  private rules = 0;
  private firstLine: number | null = null;

  constructor(
    private readonly file: string,
    preamble: { server: string | null; channel: string | null },
    order: DateOrder,
    orderAssumed: boolean,
  ) {
    const meta: Record<string, JsonValue> = {};
    if (preamble.server !== null) meta['discordServer'] = preamble.server;
    if (preamble.channel !== null) meta['discordChannel'] = preamble.channel;
    this.items = new PlainMessageItems(file, meta, order, orderAssumed);
  }

  feed(line: SourceLine): AdapterItem[] {
    const header = TEXT_MESSAGE_HEADER.exec(line.text);
    if (header !== null) {
      const items = this.close();
      this.open = { date: header[1] ?? '', author: header[2] ?? '', line: line.line, lines: [], inSections: false, sections: [] };
      return items;
    }
    if (/^={62}$/.test(line.text)) {
      this.rules += 1;
      return this.close();
    }
    const open = this.open;
    if (open === null) {
      if (this.rules === 2 && line.text.trim() !== '') this.firstLine ??= line.line;
      return [];
    }
    if (TEXT_SECTION.test(line.text)) {
      open.inSections = true;
      open.sections.push(line.text);
    } else if (!open.inSections) open.lines.push(line.text);
    return [];
  }

  end(): AdapterItem[] {
    const items = this.close();
    if (this.messages === 0) {
      throw new InputError('no DiscordChatExporter messages ("[15/01/2024 10:03] name") found', {
        location: { file: this.file, ...(this.firstLine === null ? {} : { line: this.firstLine }) },
        hint: 'check that this is the channel DiscordChatExporter saved as plain text',
      });
    }
    return [...items, ...this.items.warnings()];
  }

  private close(): AdapterItem[] {
    const message = this.open;
    this.open = null;
    if (message === null) return [];
    this.messages += 1;
    const what = message.sections[0]?.slice(1, -1).toLowerCase() ?? 'message';
    const without =
      what === 'attachments' ? 'an attachment' : what === 'stickers' ? 'a sticker' : what === 'embed' ? 'a link preview' : 'a message';
    return [
      this.items.item({
        author: message.author,
        date: message.date,
        words: message.lines.join('\n').trim(),
        without,
        provenance: { file: this.file, line: message.line },
      }),
    ];
  }
}

/** A message as DiscordChatExporter's plain-text and CSV exports give it. */
interface PlainMessage {
  /** The author's full name (`tomb#4821`, or a new-style `jane.smith`). */
  author: string;
  /** The date as written, in the exporter's culture. */
  date: string;
  words: string;
  /** What the message holds instead of words, when it has none (`an attachment`). */
  without: string;
  provenance: Provenance;
}

/**
 * The items of DiscordChatExporter's plain-text or CSV messages: Discord's notices, which these
 * exports write as words (`Joined the server.`), filtered `not-feedback`; a message without words
 * `empty-text`; any other a record by its author without a `#1234` tag, dated in the file's
 * day/month order, its id made from author, date and words (these exports carry no message id).
 */
class PlainMessageItems {
  private readonly ids = new RepeatedTextIds();
  private assumedOrder = 0;

  constructor(
    private readonly file: string,
    private readonly meta: Readonly<Record<string, JsonValue>>,
    private readonly order: DateOrder,
    private readonly orderAssumed: boolean,
  ) {}

  item(message: PlainMessage): AdapterItem {
    const { words, provenance } = message;
    if (TEXT_NOTICE.test(words)) return { kind: 'filtered', rule: 'not-feedback', provenance, detail: "Discord's notice" };
    if (words === '') return { kind: 'filtered', rule: 'empty-text', provenance, detail: `${message.without} with no words` };
    const name = message.author.replace(/#\d{4}$/, '').trim();
    const author = name === '' ? null : authorName(name);
    const date = readDateInOrder(message.date, this.order) ?? toIsoDate(message.date);
    if (date !== null && dateOrderEvidence(message.date) === 'either') this.assumedOrder += 1;
    const idDate = date ?? message.date;
    const sourceId = this.ids.sourceIdFor(name, words, idDate) ?? contentSourceId(name, idDate, cleanRecordText(words));
    return { kind: 'record', draft: { sourceId, author, date, idDate, text: words, meta: { ...this.meta }, provenance } };
  }

  /** The warning that dates were read day first with nothing to show it, when any were. */
  warnings(): AdapterItem[] {
    if (!this.orderAssumed || this.assumedOrder === 0) return [];
    return [
      {
        kind: 'warning',
        code: 'DATE_ORDER_ASSUMED',
        message: `no date shows whether day or month comes first; ${counted(this.assumedOrder, 'message')} dated day first`,
        provenance: { file: this.file },
      },
    ];
  }
}

/** The header DiscordChatExporter writes on its CSV export. */
const CSV_HEADER = ['AuthorID', 'Author', 'Date', 'Content', 'Attachments', 'Reactions'];

/** True when a head starts with DiscordChatExporter's CSV header, quoted or not. */
function isDiscordCsv(head: string): boolean {
  const first = head.split(/\r?\n/, 1)[0] ?? '';
  return first.replace(/"/g, '') === CSV_HEADER.join(',');
}

/**
 * Reads DiscordChatExporter's CSV export (`AuthorID,Author,Date,Content,Attachments,Reactions`):
 * one item per row, as {@link PlainMessageItems} reads a message. A row that cannot be read is
 * rejected at its line and the rest is read.
 */
async function* readDiscordCsv(source: InputSource, options: AdapterOptions): AsyncIterable<AdapterItem> {
  const headRows = readTableHead(source.headText, ',', false).slice(1);
  const shown =
    headRows
      .map((row) => dateOrderEvidence(row.cells[2] ?? ''))
      .find((order) => order === 'day-month-year' || order === 'month-day-year') ?? null;
  const items = new PlainMessageItems(
    source.path,
    {},
    options.dateOrder ?? shown ?? 'day-month-year',
    options.dateOrder === undefined && shown === null,
  );
  for await (const event of readDelimitedTable(source, { ...delimitedTableOptions(options), delimiter: ',', detectTitleRows: false })) {
    if (event.kind === 'header') continue;
    const provenance: Provenance = { file: source.path, line: event.line };
    if (event.kind === 'error') {
      yield rejectedTableRow(event, provenance);
      continue;
    }
    const [, author = '', date = '', words = '', attachments = ''] = event.cells;
    yield items.item({ author, date, words: words.trim(), without: attachments.trim() === '' ? 'a message' : 'an attachment', provenance });
  }
  yield* items.warnings();
}
