import { InputError } from '../../errors.js';
import type { JsonValue, Provenance } from '../../record/record.js';
import { contentSourceId } from '../../record/record-id.js';
import type { InputSource } from '../../source/input-source.js';
import { decodeHtmlEntities } from '../../text/html-entities.js';
import { htmlToPlainText } from '../../text/html-to-plain-text.js';
import { cleanRecordText } from '../../text/clean-record-text.js';
import type { AdapterItem } from '../format-adapter.js';
import { authorName } from './email-addresses.js';
import { RepeatedTextIds } from './repeated-text-ids.js';

/** The largest page of an HTML export read (Telegram Desktop writes 1,000 messages a page, a few MB). */
const PAGE_LIMIT = 64 * 1024 * 1024;

/**
 * The head of a page of Telegram Desktop's HTML export (`messages.html`, `messages2.html`, …): its
 * `Exported Data` title and its history of `message` blocks.
 */
export function isTelegramHtmlExport(head: string): boolean {
  return (
    /<title>\s*Exported Data\s*<\/title>/i.test(head) &&
    /<div class="(?:page_body chat_page|history)"|<div class="message (?:default|service)\b/.test(head)
  );
}

/** A message block's opening tag: `<div class="message default clearfix joined" id="message42">`. */
const MESSAGE_OPEN = /<div class="message ([^"]*)" id="message(-?\d+)">/g;

/** A message's date as the export writes it in its title: `12.06.2024 10:02:41 UTC+01:00` (older exports: no zone). */
const TITLE_DATE = /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2})(?: UTC([+-])(\d{2}):(\d{2}))?/;

/** A phone number as a sender's name: never stored. */
const PHONE_NUMBER_AUTHOR = /^\+?[\d\s().\u2010\u2011-]{7,}$/;

/**
 * Reads one page of Telegram Desktop's HTML export of a chat ("Export chat history", format HTML,
 * Telegram's default): one record per message with words, by its sender (`from_name`; a `joined`
 * message continues the sender above it), dated by its title (`12.06.2024 10:02:41 UTC+01:00`),
 * its words the `text` block as plain text. Telegram's notices (`message service`) and forwarded
 * messages are filtered `not-feedback`; a photo, sticker, file, poll or other media without words
 * `empty-text`. A reply names the message it answers in `inReplyTo` when that message is on the
 * same page. The page carries no chat id, so ids are made from the sender, date and words: no
 * platform's ids, so two messages never become one record by them.
 */
export async function* telegramHtmlItems(source: InputSource): AsyncIterable<AdapterItem> {
  const page = await source.readText(PAGE_LIMIT);
  const chat = chatName(page);
  const ids = new RepeatedTextIds();
  const byNumber = new Map<string, string>();
  const opens = [...page.matchAll(MESSAGE_OPEN)];
  let sender: string | null = null;
  let line = 1;
  let counted = 0;
  for (const [index, open] of opens.entries()) {
    const at = open.index;
    line += newlinesBetween(page, counted, at);
    counted = at;
    const classes = open[1]?.split(/\s+/) ?? [];
    const number = open[2] ?? '';
    if (number.startsWith('-')) continue;
    const block = page.slice(at + open[0].length, opens[index + 1]?.index ?? page.length);
    const provenance: Provenance = { file: source.path, line, part: `message${number}` };
    if (classes.includes('service')) {
      yield { kind: 'filtered', rule: 'not-feedback', provenance, detail: "Telegram's notice" };
      continue;
    }
    const fromName = divContent(block, 'from_name');
    if (fromName !== null) sender = plainName(fromName);
    else if (!classes.includes('joined')) sender = null;
    if (/<div class="forwarded body">/.test(block)) {
      yield { kind: 'filtered', rule: 'not-feedback', provenance, detail: 'forwarded from elsewhere' };
      continue;
    }
    const textHtml = divContent(block, 'text');
    const words = textHtml === null ? '' : htmlToPlainText(textHtml).trim();
    if (words === '') {
      yield { kind: 'filtered', rule: 'empty-text', provenance, detail: `${mediaOf(block)} with no words` };
      continue;
    }
    const date = titleDate(block);
    const author = sender === null || PHONE_NUMBER_AUTHOR.test(sender) ? null : authorName(sender);
    const idAuthor = sender ?? null;
    const sourceId = ids.sourceIdFor(idAuthor, words, date) ?? contentSourceId(idAuthor, date, cleanRecordText(words));
    byNumber.set(number, sourceId);
    const replyTo = /GoToMessage\((\d+)\)/.exec(divContent(block, 'reply_to details') ?? '')?.[1];
    const meta: Record<string, JsonValue> = chat === null ? {} : { telegramChat: chat };
    yield {
      kind: 'record',
      draft: {
        sourceId,
        author,
        date,
        idDate: date,
        text: words,
        inReplyTo: replyTo === undefined ? null : (byNumber.get(replyTo) ?? null),
        meta,
        provenance,
        platformId: false,
      },
    };
  }
  if (opens.length === 0) {
    throw new InputError('no Telegram messages (<div class="message default" …>) in this page', {
      location: { file: source.path },
      hint: "check that this is a page (messages.html) of Telegram Desktop's HTML export",
    });
  }
}

/** The chat's name, in the page's header. */
function chatName(page: string): string | null {
  const header = /<div class="page_header">[\s\S]*?<div class="text bold">([\s\S]*?)<\/div>/.exec(page)?.[1];
  const name = header === undefined ? '' : decodeHtmlEntities(header.replace(/<[^>]*>/g, '')).trim();
  return name === '' ? null : name;
}

/** The inner HTML of the first `<div class="…">` of a block with exactly these classes, up to its matching `</div>`; null when there is none. */
function divContent(block: string, classes: string): string | null {
  const opening = `<div class="${classes}">`;
  const start = block.indexOf(opening);
  if (start === -1) return null;
  const tags = /<(\/?)div\b[^>]*>/g;
  tags.lastIndex = start + opening.length;
  let depth = 1;
  for (let tag = tags.exec(block); tag !== null; tag = tags.exec(block)) {
    depth += tag[1] === '/' ? -1 : 1;
    if (depth === 0) return block.slice(start + opening.length, tag.index);
  }
  return block.slice(start + opening.length);
}

/** A sender's name as written: without the `via @bot` the export adds in a `details` span. */
function plainName(html: string): string {
  return decodeHtmlEntities(html.replace(/<span class="details">[\s\S]*?<\/span>/g, '').replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The message's date from its `date details` title, as ISO UTC; null when it has none. */
function titleDate(block: string): string | null {
  const title = /<div class="pull_right date details" title="([^"]*)"/.exec(block)?.[1];
  const match = title === undefined ? null : TITLE_DATE.exec(title);
  if (match === null) return null;
  const [, day, month, year, hour, minute, second, sign, offsetHours, offsetMinutes] = match;
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  const offset = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  const date = new Date(utc - offset * 60_000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** What a message without words holds, in a few words, from the classes of its media block. */
function mediaOf(block: string): string {
  if (/class="media_poll"/.test(block)) return 'a poll';
  if (/class="[^"]*\bsticker\b/.test(block)) return 'a sticker';
  if (/class="[^"]*\bmedia_voice_message\b/.test(block)) return 'a voice message';
  if (/class="[^"]*\bmedia_video\b|class="[^"]*\bvideo_file/.test(block)) return 'a video';
  if (/class="[^"]*\bphoto\b/.test(block)) return 'a photo';
  if (/class="[^"]*\bmedia_(?:file|audio_file)\b/.test(block)) return 'a file';
  if (/class="[^"]*\bmedia_(?:location|venue|contact)\b/.test(block)) return 'a shared location or contact';
  return 'a message';
}

function newlinesBetween(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index !== -1 && index < to; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}
