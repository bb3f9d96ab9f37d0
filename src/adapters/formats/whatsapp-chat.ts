import { InputError } from '../../errors.js';
import { REDACTION_TOKENS } from '../../privacy/personal-data-kinds.js';
import { contentSourceId } from '../../record/record-id.js';
import { dateOrderEvidence, readDateInOrder, type DateOrder } from '../../record/ordered-dates.js';
import type { SourceLine } from '../../source/input-source.js';
import { cleanRecordText } from '../../text/clean-record-text.js';
import { counted } from '../../counted.js';
import { lineByLineItems, type AdapterItem, type FilterRule, type FormatAdapter, type SniffInput } from '../format-adapter.js';
import { authorName } from '../readers/email-addresses.js';
import { RepeatedTextIds } from '../readers/repeated-text-ids.js';

/**
 * The direction marks an iPhone's export puts before a notice or a placeholder in place of
 * someone's words, and the embedding marks (U+202A…U+202E, U+2066…U+2069) Android wraps a phone
 * number in.
 */
const INVISIBLE = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The no-break spaces WhatsApp writes before AM/PM and after `~`, read as spaces. */
const NARROW_SPACE = /[\u202f\u00a0]/g;

/** A day as phones write it: `15/01/2024`, `1/15/24`, `15.01.24`, `2024-01-15`, and year first with spaced dots (`2018. 06. 13.`, Hungarian). */
const DAY = String.raw`(\d{1,4}[/.-] ?\d{1,2}[/.-] ?\d{1,4}\.?)`;
/** A time: `10:03`, `10.03.15`, `1:55 PM`, `1:55 p.m.`, `1:55 p. m.` (Spanish). */
const TIME = String.raw`(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?: ?[AaPp]\.? ?[Mm]\.?)?)`;
/** Between day and time: a comma, or Finnish `klo`. */
const BETWEEN = String.raw`,? (?:klo )?`;

/**
 * A message's first line as the iPhone exports it: `[15/01/2024, 10:04:12] Jane Smith: words`,
 * or as older iPhones did, without brackets and with a colon: `13.06.18 21.25.15: Jane Smith: words`.
 */
const IPHONE_LINE = new RegExp(String.raw`^\u200e?\[?${DAY}${BETWEEN}${TIME}(?:\]|:) (.*)$`);

/** A message's first line as Android exports it: `15/01/2024, 10:03 - Jane Smith: words` (`13.6.2018 klo 21.25 - …` in Finnish). */
const ANDROID_LINE = new RegExp(String.raw`^\u200e?${DAY}${BETWEEN}${TIME} [-–] (.*)$`);

/** Who wrote a message and its words: `Jane Smith: words`; a line without it is WhatsApp's own notice. */
const AUTHOR_AND_WORDS = /^([^:"]{1,80}?): (.*)$/s;

/**
 * A member mentioned by the phone number they are saved as: `@447700900123` (Android), or an
 * iPhone's `@` with the number between isolate marks (`@\u2068+44 7700 900123\u2069`).
 */
const PHONE_MENTION = /@(?:\u2068\+?\d[\d\s().\u2010\u2011-]{5,}\d\u2069|\+?\d{7,15}(?!\d))/g;

/** An author saved only as a phone number (not in the exporter's contacts): never stored. */
const PHONE_NUMBER_AUTHOR = /^\+?[\d\s().\u2010\u2011-]{7,}$/;

/**
 * What WhatsApp writes in place of a photo, video, voice note, sticker, document or contact it
 * left out of the export: `<Media omitted>` and its translations (`<Medien ausgeschlossen>`,
 * `<Multimedia omitido>`: a line that is only words in angle brackets), an iPhone's `image
 * omitted`, `<attached: …>`.
 */
const MEDIA_LEFT_OUT =
  /^(?:<[^<>\n]{3,60}>|(?:.*\bdocument|image|video|audio|sticker|gif|contact card|view once (?:photo|video)) omitted|<attached: [^>]*>|null)$/i;

/**
 * A file exported with the chat ("Include media"), as Android names it: `IMG-20240115-WA0001.jpg
 * (file attached)`, in German `(Datei angehängt)`; a file name without spaces before any words in
 * brackets, as other languages write it.
 */
const MEDIA_ATTACHED = /^(?:\S+\.[A-Za-z0-9]{2,5} \([^()\n]{3,40}\)|.{1,200}\.[A-Za-z0-9]{2,5} \((?:file attached|datei angehängt)\))$/i;

/** A file's name alone, as Android writes a document's under `<Media omitted>`: `Minutes of the meeting.pdf`. */
const FILE_NAME = /^[^\n]{1,200}\.(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{2,5}$/;

/** A poll as Android exports it: `POLL:`, its question, then `OPTION: Monday (2 votes)` lines. */
const POLL = /^POLL:\n[\s\S]*^OPTION: .*\(\d+ votes?\)$/m;

/** A shared location: a map link to where someone is. */
const LOCATION = /^(?:location: https?:\/\/\S+|live location shared|live location ended)$/i;

/** What stands in place of a deleted message, in English and as German, Spanish, French, Italian, Portuguese and Dutch phones write it. */
const DELETED = new RegExp(
  String.raw`^(?:this message was deleted|you deleted this message|waiting for this message(?:\. this may take a while)?|` +
    String.raw`diese nachricht wurde gelöscht|du hast diese nachricht gelöscht|se eliminó este mensaje|eliminaste este mensaje|` +
    String.raw`ce message a été supprimé|vous avez supprimé ce message|questo messaggio è stato eliminato|hai eliminato questo messaggio|` +
    String.raw`mensagem apagada|esta mensagem foi apagada|você apagou esta mensagem|dit bericht is verwijderd|je hebt dit bericht verwijderd)\.?$`,
  'i',
);

/** WhatsApp's mark on an edited message, after its words. */
const EDITED = /\s*<this message was edited>\s*$/i;

/** A day as the date reader reads it: `2018. 06. 13.` as `2018.06.13`. */
function dayOf(day: string): string {
  return day.replace(/([/.-]) /g, '$1').replace(/\.$/, '');
}

/** A time as the date reader reads it: `21.25.15` as `21:25:15`, `1:55 p. m.` as `1:55 pm`. */
function clockOf(time: string): string {
  return time.replace(/(\d)\.(\d)/g, '$1:$2').replace(/\s*([AaPp])\.?\s*([Mm])\.?$/, ' $1$2');
}

/** Which way a file writes its messages' first lines. */
type ChatLayout = 'iphone' | 'android';

/**
 * The layout most of the head's stamped lines have, when at least two of them do, they are a
 * third of its lines or more, and at least half of them are someone's words (`Name: words`): a
 * typed agenda of timed items (`15/01/2024 18:30 - Welcome from the chair`) is not a chat.
 */
function chatLayout(headText: string): ChatLayout | null {
  const counts: Record<ChatLayout, { lines: number; authored: number }> = {
    iphone: { lines: 0, authored: 0 },
    android: { lines: 0, authored: 0 },
  };
  let lines = 0;
  for (const raw of headText.split(/\r?\n/).slice(0, 400)) {
    const line = raw.replace(NARROW_SPACE, ' ');
    if (line.trim() === '') continue;
    lines += 1;
    const iphone = IPHONE_LINE.exec(line);
    const match = iphone ?? ANDROID_LINE.exec(line);
    if (match === null) continue;
    const count = counts[iphone === null ? 'android' : 'iphone'];
    count.lines += 1;
    if (AUTHOR_AND_WORDS.test((match[3] ?? '').replace(/^\u200e/, ''))) count.authored += 1;
  }
  const layout: ChatLayout = counts.iphone.lines >= counts.android.lines ? 'iphone' : 'android';
  const { lines: stamped, authored } = counts[layout];
  return stamped >= 2 && stamped * 3 >= lines && authored * 2 >= stamped ? layout : null;
}

/** The order of day and month the head's dates show (`13/01` only day first, `01/13` only month first), or null when none shows it. */
function shownDateOrder(headText: string, layout: ChatLayout): DateOrder | null {
  const pattern = layout === 'iphone' ? IPHONE_LINE : ANDROID_LINE;
  for (const raw of headText.split(/\r?\n/)) {
    const match = pattern.exec(raw.replace(NARROW_SPACE, ' '));
    if (match === null) continue;
    const evidence = dateOrderEvidence(dayOf(match[1] ?? ''));
    if (evidence === 'day-month-year' || evidence === 'month-day-year') return evidence;
  }
  return null;
}

/** WhatsApp chat exported as text ("Export chat", without media): one record per message. */
export const whatsappChatAdapter: FormatAdapter = {
  name: 'whatsapp-chat',
  description: 'WhatsApp chat exported as text ("WhatsApp Chat with …txt", an iPhone\'s _chat.txt): one record per message',
  channel: 'other',
  extensions: ['.txt'],
  signature: 'lines like "15/01/2024, 10:03 - Jane Smith: words" (Android) or "[15/01/2024, 10:04:12] Jane Smith: words" (iPhone)',
  sniff(input: SniffInput) {
    if (chatLayout(input.headText) === null) return 0;
    return input.extension === '.txt' ? 0.95 : 0.7;
  },
  read(source, options) {
    const layout = chatLayout(source.headText) ?? 'android';
    const shown = shownDateOrder(source.headText, layout);
    return lineByLineItems(
      source,
      new WhatsAppChatReader(
        source.path,
        layout,
        options.dateOrder ?? shown ?? 'day-month-year',
        options.dateOrder === undefined && shown === null,
      ),
      { keepExcerpts: false },
    );
  },
};

/** One message being read: when, the rest of its first line, and its further lines. */
interface OpenMessage {
  day: string;
  time: string;
  lines: string[];
  line: number;
}

/**
 * Reads a WhatsApp export line by line. Each message is one record by its author (an author
 * saved only as a phone number is left out), dated by its stamp read in the file's day/month
 * order. WhatsApp's own notices (encryption, who joined or left, subject changes: a line with no
 * author, or words an iPhone marks with U+200E), the
 * placeholders of media left out, shared locations and deleted messages are filtered; the
 * `<This message was edited>` mark is dropped.
 */
class WhatsAppChatReader {
  private readonly ids = new RepeatedTextIds();
  private open: OpenMessage | null = null;
  private messages = 0;
  private assumedOrder = 0;
  private unreadDates = 0;
  private firstLine: number | null = null;

  constructor(
    private readonly file: string,
    private readonly layout: ChatLayout,
    private readonly order: DateOrder,
    private readonly orderAssumed: boolean,
  ) {}

  feed(line: SourceLine): AdapterItem[] {
    const text = line.text.replace(NARROW_SPACE, ' ');
    const start = (this.layout === 'iphone' ? IPHONE_LINE : ANDROID_LINE).exec(text);
    if (start !== null) {
      const items = this.close();
      this.open = { day: start[1] ?? '', time: start[2] ?? '', lines: [start[3] ?? ''], line: line.line };
      return items;
    }
    if (this.open === null) {
      if (text.trim() !== '') this.firstLine ??= line.line;
      return [];
    }
    this.open.lines.push(text);
    return [];
  }

  end(): AdapterItem[] {
    const items = this.close();
    if (this.messages === 0 && this.firstLine !== null) {
      throw new InputError('no WhatsApp messages ("15/01/2024, 10:03 - Name: words") found', {
        location: { file: this.file, line: this.firstLine },
        hint: 'check that this is the chat WhatsApp exported',
      });
    }
    if (this.unreadDates > 0) {
      items.push({
        kind: 'warning',
        code: 'DATE_ORDER_CONTRADICTED',
        message: `${counted(this.unreadDates, 'message')} dated in another day/month order than the rest left undated`,
        provenance: { file: this.file },
      });
    } else if (this.orderAssumed && this.assumedOrder > 0) {
      items.push({
        kind: 'warning',
        code: 'DATE_ORDER_ASSUMED',
        message: `no date shows whether day or month comes first; ${counted(this.assumedOrder, 'message')} dated day first`,
        provenance: { file: this.file },
      });
    }
    return items;
  }

  private close(): AdapterItem[] {
    const message = this.open;
    this.open = null;
    if (message === null) return [];
    this.messages += 1;
    const provenance = { file: this.file, line: message.line };
    const whole = message.lines.join('\n').trim();
    const authored = AUTHOR_AND_WORDS.exec(whole.replace(/^\u200e/, ''));
    if (authored === null) return [filtered('not-feedback', provenance, "WhatsApp's notice")];
    const written = authored[2] ?? '';
    const said = written.replace(PHONE_MENTION, `@${REDACTION_TOKENS.phone}`).replace(INVISIBLE, '').replace(EDITED, '').trim();
    if (DELETED.test(said)) return [filtered('deleted', provenance)];
    const media = mediaAndCaption(said);
    if (media !== null && media.caption === '') return [filtered('not-feedback', provenance, media.detail)];
    const words = media?.caption ?? said;
    if (written.startsWith('\u200e')) return [filtered('not-feedback', provenance, "WhatsApp's notice")];
    if (LOCATION.test(words)) return [filtered('not-feedback', provenance, 'shared location')];
    if (POLL.test(words)) return [filtered('not-feedback', provenance, 'poll')];
    const name = (authored[1] ?? '').replace(INVISIBLE, '').replace(/^~\s*/, '').trim();
    const savedAsNumber = PHONE_NUMBER_AUTHOR.test(name);
    const author = name === '' || savedAsNumber ? null : authorName(name);
    const date = readDateInOrder(`${dayOf(message.day)} ${clockOf(message.time)}`, this.order);
    if (date === null) this.unreadDates += 1;
    else if (dateOrderEvidence(dayOf(message.day)) === 'either') this.assumedOrder += 1;
    const idDate = date ?? `${message.day} ${message.time}`;
    const idAuthor = name === '' ? null : savedAsNumber ? `phone:${name.replace(/\D/g, '')}` : name;
    const sourceId = this.ids.sourceIdFor(idAuthor, words, idDate) ?? contentSourceId(idAuthor, idDate, cleanRecordText(words));
    return [{ kind: 'record', draft: { sourceId, author, date, idDate, text: words, meta: {}, provenance } }];
  }
}

/**
 * A message that starts with a file (left out of the export, or exported with it): why it is no
 * one's words, and the caption written under it (`''` when there is none, or only the file's name).
 */
function mediaAndCaption(words: string): { detail: string; caption: string } | null {
  const [first = '', ...rest] = words.split('\n');
  const head = first.trim();
  const attached = MEDIA_ATTACHED.test(head);
  if (!attached && !MEDIA_LEFT_OUT.test(head)) return null;
  const caption = rest.join('\n').trim();
  return {
    detail: attached ? 'media attached to the export' : 'media left out of the export',
    caption: FILE_NAME.test(caption) ? '' : caption,
  };
}

function filtered(rule: FilterRule, provenance: { file: string; line: number }, detail?: string): AdapterItem {
  return detail === undefined ? { kind: 'filtered', rule, provenance } : { kind: 'filtered', rule, provenance, detail };
}
