import type { JsonValue, Provenance } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem, FilterRule, FormatAdapter } from '../format-adapter.js';
import { notAComment, notAnObject } from '../readers/blog-comment-fields.js';
import { authorName } from '../readers/email-addresses.js';
import { invalidJsonItem, jsonArrayElements } from '../readers/json-elements.js';
import { asArray, asDigitsId, asObject, asString, field, type JsonObject } from '../readers/json-fields.js';
import { membersBeforeArray } from '../readers/json-root-preamble.js';

/** A JSON object whose text may hold braces: `{"id": "1", "name": "{Carers}"}`, matched without backtracking. */
const FLAT_OBJECT = String.raw`\{(?:[^{}"]|"(?:[^"\\]|\\.)*")*\}`;

/** The head of DiscordChatExporter's JSON: `{"guild": {"id", "name", "iconUrl"}, "channel": {…`. */
const EXPORT_HEAD = new RegExp(String.raw`^\s*\{\s*"guild"\s*:\s*${FLAT_OBJECT}\s*,\s*"channel"\s*:\s*\{`);

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
  description: 'A Discord channel saved by DiscordChatExporter as JSON ({guild, channel, messages}): one record per message',
  channel: 'other',
  extensions: ['.json'],
  signature: 'a JSON object {"guild": {…}, "channel": {…}, "dateRange", "exportedAt", "messages": [...], "messageCount"}',
  sniff(input) {
    const head = input.headText;
    return EXPORT_HEAD.test(head) && /"(?:messages|exportedAt|dateRange)"\s*:/.test(head) ? 0.95 : 0;
  },
  read(source) {
    return readDiscordChannel(source);
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
  if (asString(message['timestampEdited']) !== null) meta['edited'] = true;
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
