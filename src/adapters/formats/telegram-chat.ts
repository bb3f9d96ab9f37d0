import { InputError } from '../../errors.js';
import type { JsonValue, Provenance } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem, FilterRule, FormatAdapter } from '../format-adapter.js';
import { notAComment, notAnObject } from '../readers/blog-comment-fields.js';
import { authorName } from '../readers/email-addresses.js';
import { invalidJsonItem, jsonArrayElements, wholeJsonValue } from '../readers/json-elements.js';
import { asDigitsId, asObject, asString, type JsonObject } from '../readers/json-fields.js';
import { membersBeforeArray } from '../readers/json-root-preamble.js';
import { editTime } from '../readers/post-fields.js';
import { isTelegramHtmlExport, telegramHtmlItems } from '../readers/telegram-html.js';

/** The `type` Telegram Desktop gives a chat it exports. */
const CHAT_TYPES = [
  'saved_messages',
  'replies',
  'personal_chat',
  'bot_chat',
  'private_group',
  'private_supergroup',
  'public_supergroup',
  'private_channel',
  'public_channel',
];

/**
 * The chats of an account's export that are one person's own conversations: with one other
 * person, with a bot, or with themselves (Saved Messages, and the list of replies to them).
 */
const PRIVATE_CHAT_TYPES: ReadonlySet<string> = new Set(['saved_messages', 'replies', 'personal_chat', 'bot_chat']);

/** The head of one chat's history: `{"name": "…", "type": "private_supergroup", "id": 4012345678, "messages": [`. */
const CHAT_HEAD = new RegExp(
  String.raw`^\s*\{\s*(?:"name"\s*:\s*(?:"(?:[^"\\]|\\.)*"|null)\s*,\s*)?"type"\s*:\s*"(?:${CHAT_TYPES.join('|')})"\s*,\s*"id"\s*:\s*-?\d+\s*,\s*"messages"\s*:\s*\[`,
);

/** The head of a whole account's export: `{"about": "Here is the data you requested…", "personal_information": …`. */
const ACCOUNT_HEAD =
  /^\s*\{\s*"about"\s*:\s*"(?:[^"\\]|\\.)*"\s*,\s*"(?:personal_information|profile_pictures|stories|contacts|frequent_contacts|sessions|web_sessions|other_data|chats|left_chats)"\s*:/;

/** The lists of chats an account's export holds: those it is in, and those it has left. */
const CHAT_LISTS = ['chats', 'left_chats'] as const;

/** A sender or peer as `from_id` and `reply_to_peer_id` write one: `user123`, `channel123`, `chat123`. */
const PEER_ID = /^(?:user|channel|chat)(\d{1,20})$/;

/** An author saved only as a phone number: never stored. */
const PHONE_NUMBER_AUTHOR = /^\+?[\d\s().\u2010\u2011-]{7,}$/;

/** What a message holds instead of words, by the field Telegram Desktop writes for it. */
const MEDIA_FIELDS: readonly (readonly [string, string])[] = [
  ['photo', 'a photo'],
  ['sticker_emoji', 'a sticker'],
  ['poll', 'a poll'],
  ['contact_information', 'a shared contact'],
  ['location_information', 'a shared location'],
  ['place_name', 'a shared place'],
  ['game_title', 'a game'],
  ['invoice_information', 'an invoice'],
  ['file', 'a file'],
];

/** What Telegram calls `media_type`, in words. */
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  sticker: 'a sticker',
  video_message: 'a video message',
  voice_message: 'a voice message',
  animation: 'a GIF',
  video_file: 'a video',
  audio_file: 'an audio file',
};

/** The chat its messages belong to: its id (which, with a message's number, names the message) and its name. */
interface TelegramChat {
  id: string | null;
  name: string | null;
}

/**
 * Telegram Desktop's chat export as machine-readable JSON (`result.json`): one chat's history
 * ("Export chat history"), or a whole account's (Settings › Advanced › "Export Telegram data"),
 * whose `chats.list` and `left_chats.list` each hold a chat's messages; or a page of a chat's
 * history exported as HTML, Telegram's default (`messages.html`, `messages2.html`, …).
 */
export const telegramChatAdapter: FormatAdapter = {
  name: 'telegram-chat',
  description:
    'Telegram Desktop chat export, machine-readable JSON (result.json of one chat, or of the whole account) or HTML (messages.html): one record per message',
  channel: 'other',
  extensions: ['.json', '.html'],
  signature:
    'a JSON object {"name", "type": "private_supergroup", "id", "messages": [...]}, an account\'s {"about", "personal_information", …, "chats": {"list": [...]}}, or an HTML page "Exported Data" of <div class="message default" …> blocks',
  sniff(input) {
    return CHAT_HEAD.test(input.headText) || ACCOUNT_HEAD.test(input.headText) || isTelegramHtmlExport(input.headText) ? 0.95 : 0;
  },
  read(source) {
    if (isTelegramHtmlExport(source.headText)) return telegramHtmlItems(source);
    return ACCOUNT_HEAD.test(source.headText) ? readAccount(source) : readChat(source);
  },
};

/**
 * Reads one chat's history, streaming its `messages`: the chat's name and id come before them
 * and are read from the head of the file.
 */
async function* readChat(source: InputSource): AsyncIterable<AdapterItem> {
  const chat = chatOf(membersBeforeArray(source.headText, 'messages'));
  for await (const element of jsonArrayElements(source.path, source.text(), { member: 'messages' })) {
    const provenance: Provenance = { file: source.path, line: element.line, part: `messages[${element.index ?? 0}]` };
    yield element.kind === 'invalid' ? invalidJsonItem(element, provenance) : messageItem(element.value, chat, provenance);
  }
}

/**
 * Reads a whole account's export, read whole (it is one object whose chats are nested in it). Its
 * personal information, contacts (phone numbers) and sessions are never read. The messages of
 * one person's own chats (with another person, a bot, or Saved Messages) are filtered
 * `not-feedback` unread: export such a chat on its own to read it.
 */
async function* readAccount(source: InputSource): AsyncIterable<AdapterItem> {
  const element = await wholeJsonValue(source);
  const root = element.kind === 'value' ? asObject(element.value) : null;
  const lists = CHAT_LISTS.flatMap((key) => {
    const list = asObject(root?.[key])?.['list'];
    return Array.isArray(list) ? [{ key, list }] : [];
  });
  if (lists.length === 0) {
    throw new InputError("a Telegram account's data without its chats (its contacts and sessions are not feedback); not read", {
      location: { file: source.path },
      hint: "export the account again with its group chats ticked, or export a chat's history on its own",
      code: 'NOT_FEEDBACK',
    });
  }
  for (const { key, list } of lists) {
    for (const [index, value] of list.entries()) {
      const part = `${key}.list[${index}]`;
      const entry = asObject(value);
      const messages = entry?.['messages'];
      if (entry === null || !Array.isArray(messages)) {
        yield notAnObject('expected a Telegram chat with its "messages"', value, { file: source.path, part });
        continue;
      }
      const chat = chatOf(entry);
      const type = asString(entry['type']);
      for (const [number, message] of messages.entries()) {
        const provenance: Provenance = { file: source.path, part: `${part}.messages[${number}]` };
        if (type !== null && PRIVATE_CHAT_TYPES.has(type)) {
          yield { kind: 'filtered', rule: 'not-feedback', provenance, detail: `a private chat (${type}); export it on its own to read it` };
          continue;
        }
        yield messageItem(message, chat, provenance);
      }
    }
  }
}

function chatOf(header: JsonObject | null): TelegramChat {
  const name = asString(header?.['name'])?.trim() ?? null;
  return { id: asDigitsId(header?.['id']), name: name === '' ? null : name };
}

function messageId(chat: TelegramChat, number: string): string {
  return chat.id === null ? number : `${chat.id}:${number}`;
}

/**
 * One message. A message's words are a record by its sender (`from`), dated by `date_unixtime`
 * (else `date`, the exporter's local time, read as UTC), a reply naming the message it answers in
 * `inReplyTo`. Its id is the chat's id and the message's number, which no other message has: the
 * platform's id, so the message read again with other words is the message edited, when it was
 * last edited in `meta.editedAt` (`edited_unixtime`, else `edited` read as `date` is). Without
 * the chat's id, its id is the number alone, which every chat counts from 1: no platform's id. Telegram's notices (`"type":
 * "service"`: who joined, pinned a message, changed the title) and forwarded messages (someone
 * else's words) are filtered `not-feedback`; a message with no words (a photo, a sticker, a voice
 * message, a shared contact or location) `empty-text`.
 */
function messageItem(value: unknown, chat: TelegramChat, provenance: Provenance): AdapterItem {
  const message = asObject(value);
  if (message === null) {
    return notAnObject('expected a Telegram message object', value, provenance);
  }
  const number = asDigitsId(message['id']);
  if (number === null) return notAComment('expected a Telegram message with a whole-number "id"', value, provenance);
  const sourceId = messageId(chat, number);
  const type = message['type'] ?? 'message';
  if (type === 'service') return filtered('not-feedback', provenance, sourceId, asString(message['action']) ?? "Telegram's notice");
  if (type !== 'message') {
    const detail = type === 'unsupported' ? 'a message Telegram Desktop could not export' : 'not a message';
    return filtered('not-feedback', provenance, sourceId, detail);
  }
  if (message['forwarded_from'] !== undefined) return filtered('not-feedback', provenance, sourceId, 'forwarded from elsewhere');
  const text = messageText(message);
  if (text === null) {
    return {
      kind: 'rejected',
      code: 'MISSING_TEXT',
      message: 'a Telegram message whose "text" is neither words nor a list of words and entities',
      provenance,
      excerpt: JSON.stringify(value).slice(0, 200),
    };
  }
  if (text.trim() === '') return filtered('empty-text', provenance, sourceId, `${mediaOf(message)} with no words`);
  const from = asString(message['from'])?.trim() ?? '';
  const meta: Record<string, JsonValue> = {};
  if (chat.name !== null) meta['telegramChat'] = chat.name;
  if (message['edited'] !== undefined || message['edited_unixtime'] !== undefined) meta['edited'] = true;
  const editedAt = editTime(message['edited_unixtime']) ?? editTime(message['edited']);
  if (editedAt !== null) meta['editedAt'] = editedAt;
  return {
    kind: 'record',
    draft: {
      sourceId,
      author: from === '' || PHONE_NUMBER_AUTHOR.test(from) ? null : authorName(from),
      date: unixDate(message['date_unixtime']) ?? toIsoDate(asString(message['date'])),
      text,
      inReplyTo: repliedTo(message, chat),
      meta,
      provenance,
      platformId: chat.id !== null,
    },
  };
}

/**
 * A message's words as written: `text` is a string, or a list of strings and entities (`{"type":
 * "link", "text": "…"}`, mentions, bold, a link's label) whose texts are joined; `text_entities`
 * (always a list of entities) when there is no `text`. Null when neither is of that shape.
 */
function messageText(message: JsonObject): string | null {
  const text = message['text'] ?? message['text_entities'] ?? '';
  if (typeof text === 'string') return text;
  if (!Array.isArray(text)) return null;
  const parts: string[] = [];
  for (const part of text) {
    if (typeof part === 'string') {
      parts.push(part);
      continue;
    }
    const words = asObject(part)?.['text'];
    if (typeof words !== 'string') return null;
    parts.push(words);
  }
  return parts.join('');
}

/** What a message without words holds, in a few words. */
function mediaOf(message: JsonObject): string {
  const mediaType = asString(message['media_type']);
  if (mediaType !== null && Object.hasOwn(MEDIA_TYPES, mediaType)) return MEDIA_TYPES[mediaType] ?? 'a file';
  return MEDIA_FIELDS.find(([key]) => message[key] !== undefined)?.[1] ?? 'a message';
}

/** The message a reply answers: in this chat, or in the chat `reply_to_peer_id` names. */
function repliedTo(message: JsonObject, chat: TelegramChat): string | null {
  const number = asDigitsId(message['reply_to_message_id']);
  if (number === null) return null;
  const peer = message['reply_to_peer_id'];
  if (peer === undefined) return messageId(chat, number);
  const peerId = typeof peer === 'string' ? (PEER_ID.exec(peer)?.[1] ?? null) : asDigitsId(peer);
  return peerId === null ? null : `${peerId}:${number}`;
}

/** `date_unixtime`, seconds since 1970 written as digits, in ISO 8601 UTC; null when it is none or out of range. */
function unixDate(value: unknown): string | null {
  const seconds = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(seconds)) return null;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function filtered(rule: FilterRule, provenance: Provenance, sourceId: string, detail: string): AdapterItem {
  return { kind: 'filtered', rule, provenance, sourceId, detail };
}
