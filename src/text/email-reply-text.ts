/**
 * Keeps only the sender's new words of an e-mail body: quoted replies, attribution lines, quoted
 * header blocks, signatures, mobile sign-offs and mailing-list footers are removed. Line-based, in
 * the spirit of mailgun/talon's plain-text extraction, but stricter about quotes: every `>` line is
 * removed, also between the sender's own paragraphs (inline replies keep their new paragraphs).
 */

/** Attributions longer than this (joined over their lines) are taken for ordinary text. */
const MAX_ATTRIBUTION_LENGTH = 300;
/** Lines longer than this are never tested against the separator patterns. */
const MAX_MARKER_LINE_LENGTH = 300;
/** How many lines an attribution may be wrapped over. */
const MAX_ATTRIBUTION_LINES = 3;
/** How many lines after its first one a quoted header block is searched for its other fields. */
const HEADER_BLOCK_SCAN_LINES = 10;

const QUOTE_LINE = /^[ \t]*>/;

/** "wrote" in the languages mail clients write attributions in. */
const WROTE_WORD =
  '(?:wrote|writes|a écrit|a ecrit|schrieb|schreef|geschreven|verzond|skrev|napisał(?:a|\\(a\\))?|napsal(?:a|\\(a\\))?|написал(?:а|\\(а\\))?|пишет|escribió|escreveu|ha scritto|kirjoitti|yazdı)';
/** An attribution ends with "wrote:" (or its translation) and a colon, perhaps after a name or address. */
const ENDS_WITH_WROTE = new RegExp(`${WROTE_WORD}\\s*:\\s*$`, 'iu');
const CONTAINS_WROTE = new RegExp(`(?:^|[\\s,>"')])${WROTE_WORD}(?=[\\s:])`, 'iu');
/** How attributions begin: "On <date>, <name> wrote:", "Am …", "Le …", or a bare date. */
const ATTRIBUTION_START =
  /^(?:On|Le|Am|Op|El|Em|Il|Den|På|W dniu|Dne|Dnia|В|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}\/\d{1,2}\/\d{1,2})[\s,]/u;

const SIGNATURE_DELIMITER = /^-- ?$/;
const ORIGINAL_MESSAGE_SEPARATOR =
  /^\s*-{2,}\s*(?:Original Message|Reply Message|Forwarded message|Ursprüngliche Nachricht|Weitergeleitete Nachricht|Message d'origine|Message transféré|Mensaje original|Mensaje reenviado|Messaggio originale|Messaggio inoltrato|Oorspronkelijk bericht|Doorgestuurd bericht|Oprindelig meddelelse|Opprinnelig melding|Ursprungligt meddelande|Alkuperäinen viesti|Wiadomość oryginalna|Исходное сообщение|Пересылаемое сообщение)\s*-*\s*$/iu;
const FORWARD_INTRO = /^\s*(?:Begin forwarded message|Anfang der weitergeleiteten Nachricht|Début du message réexpédié)\s*:\s*$/iu;
const UNDERSCORE_SEPARATOR = /^\s*_{20,}\s*$/;
const DASH_LINE = /^\s*-{10,}\s*$/;
const LIST_FOOTER =
  /^\s*(?:To unsubscribe,? (?:e-?mail|send)|To unsubscribe from this (?:group|list)|You received this message because you are subscribed to|To post to this group, send)/i;
/** Sign-offs are short lines; longer ones starting the same way are the sender's words. */
const MAX_SIGN_OFF_LENGTH = 80;
const MOBILE_SIGN_OFF =
  /^\s*(?:Sent from my \S|Sent from (?:Yahoo Mail|Mail for Windows|Outlook|Samsung|iPhone|iPad|Android|AOL|BlackBerry|Gmail|Proton ?Mail)|Sent via (?:BlackBerry|the Samsung|Android)|Sent with (?:BlackBerry|Proton ?Mail)|Get Outlook for (?:iOS|Android)|Von meinem .{1,40} gesendet|Gesendet von (?:meinem )?(?:iPhone|iPad|Android|Mail)|Envoyé (?:de|depuis) mon |Enviado desde mi |Enviado do meu |Inviato da(?:l mio)? |Verzonden (?:vanaf|met) mijn |Отправлено с |Skickat från min |Sendt fra min )/iu;

const FROM_FIELD = /^\s*\*?(?:From|Von|De|Van|Fra|Från|Od|От|Da|Lähettäjä|Kimden)\s?\*?\s?:/iu;
const OTHER_FIELD =
  /^\s*\*?(?:Sent|Date|Datum|Gesendet|Envoyé|Enviado|Enviada|Inviato|Verzonden|Skickat|Sendt|Wysłano|Отправлено|Дата|To|An|À|A|Para|Aan|Til|Till|Do|Кому|Cc|Kopie|Subject|Betreff|Objet|Asunto|Assunto|Oggetto|Onderwerp|Emne|Ämne|Temat|Тема|Aihe|Konu)\s?\*?\s?:/iu;

/** The other fields of a header block flattened onto its `From:` line (HTML converted to text). */
const INLINE_OTHER_FIELD =
  /(?:^|\s)\*?(?:Sent|Date|To|Cc|Subject|Gesendet|Datum|An|Betreff|Envoyé|À|Objet|Enviado|Para|Asunto|Verzonden|Aan|Onderwerp)\s?\*?\s?:/giu;

/** An attribution found in the body: the lines it spans and how sure the match is. */
interface Attribution {
  /** Index of the attribution's first line. */
  start: number;
  /** Index of its last line. */
  end: number;
  /** True when it is certainly an attribution ("On <date>, … wrote:"), not just "Bob wrote:". */
  strong: boolean;
}

/**
 * Returns the sender's new words in an e-mail body (plain text, any line endings):
 * - every quoted line (starting with `>`) is removed, wherever it stands;
 * - attribution lines (`On <date>, <name> wrote:`, also wrapped over up to three lines and in other
 *   languages: `schrieb`, `a écrit`, `написал`…) are removed; one that is not followed by quoted
 *   lines introduces an unmarked quote, so it and everything after it is removed;
 * - everything from the first of these is removed: a quoted header block (`From:` with `Sent:`,
 *   `To:`, `Subject:`… and no `>` markers), `-----Original Message-----` and forwarding separators,
 *   a `________________________________` line, a `-- ` signature delimiter, a mobile sign-off
 *   (`Sent from my iPhone`, `Get Outlook for Android`…) and a mailing-list footer
 *   (`To unsubscribe, e-mail: …`, also after a `-----…` line).
 * Runs of blank lines left behind become one; the result is trimmed, and empty when the body held
 * nothing but quotes.
 */
export function extractReplyText(body: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const attributions = findAttributions(lines);
  const removed = new Set<number>();
  let cut = lines.length;
  for (const attribution of attributions) {
    if (attribution.start >= cut) break;
    if (followedByQuote(lines, attribution.end)) {
      for (let index = attribution.start; index <= attribution.end; index += 1) removed.add(index);
    } else if (attribution.strong) {
      cut = attribution.start;
    }
  }
  cut = Math.min(cut, firstSeparator(lines, cut));
  const kept: string[] = [];
  for (let index = 0; index < cut; index += 1) {
    const line = lines[index] ?? '';
    if (removed.has(index) || QUOTE_LINE.test(line)) continue;
    if (line.trim() === '' && (kept.length === 0 || (kept[kept.length - 1] ?? '').trim() === '')) continue;
    kept.push(line);
  }
  return kept.join('\n').trim();
}

/** Finds attribution lines and groups, in order, without overlaps. */
function findAttributions(lines: readonly string[]): Attribution[] {
  const found: Attribution[] = [];
  let earliestStart = 0;
  for (let end = 0; end < lines.length; end += 1) {
    const last = lines[end] ?? '';
    if (last.length > MAX_MARKER_LINE_LENGTH || QUOTE_LINE.test(last) || !/:\s*$/.test(last)) continue;
    const attribution = attributionEndingAt(lines, end, earliestStart);
    if (attribution === null) continue;
    found.push(attribution);
    earliestStart = end + 1;
  }
  return found;
}

function attributionEndingAt(lines: readonly string[], end: number, earliestStart: number): Attribution | null {
  const firstCandidate = Math.max(earliestStart, end - MAX_ATTRIBUTION_LINES + 1);
  for (let start = firstCandidate; start <= end; start += 1) {
    const group = lines.slice(start, end + 1);
    if (group.some((line) => line.trim() === '' || QUOTE_LINE.test(line))) continue;
    const joined = group.map((line) => line.trim()).join(' ');
    if (joined.length > MAX_ATTRIBUTION_LENGTH) continue;
    if (isStrongAttribution(joined)) return { start, end, strong: true };
  }
  const last = (lines[end] ?? '').trim();
  if (last.length <= 200 && ENDS_WITH_WROTE.test(last)) return { start: end, end, strong: false };
  return null;
}

/**
 * "On <date>, <name> wrote:" and its relatives: starts like an attribution, holds a digit (the date),
 * and ends with "wrote:", or names "wrote" and ends with an address and a colon
 * (`Am 02.04.2012 um 14:20 schrieb Bob <bob@example.com>:`, `2014-10-17 11:28 GMT+03:00 Bob <bob@example.com>:`).
 */
function isStrongAttribution(text: string): boolean {
  if (!ATTRIBUTION_START.test(text) || !/\d/.test(text)) return false;
  if (ENDS_WITH_WROTE.test(text)) return true;
  return /@[^\s>]*>\s*:\s*$/.test(text) && (CONTAINS_WROTE.test(text) || /^\d/.test(text));
}

/** True when the next non-blank line after `index` is a quoted line. */
function followedByQuote(lines: readonly string[], index: number): boolean {
  for (let next = index + 1; next < lines.length; next += 1) {
    const line = lines[next] ?? '';
    if (line.trim() === '') continue;
    return QUOTE_LINE.test(line);
  }
  return false;
}

/** Index of the first line that starts quoted or appended material (before `limit`), or `limit`. */
function firstSeparator(lines: readonly string[], limit: number): number {
  for (let index = 0; index < limit; index += 1) {
    const line = lines[index] ?? '';
    if (line.length > MAX_MARKER_LINE_LENGTH || QUOTE_LINE.test(line)) continue;
    if (
      SIGNATURE_DELIMITER.test(line) ||
      ORIGINAL_MESSAGE_SEPARATOR.test(line) ||
      FORWARD_INTRO.test(line) ||
      UNDERSCORE_SEPARATOR.test(line) ||
      LIST_FOOTER.test(line) ||
      (MOBILE_SIGN_OFF.test(line) && line.trim().length <= MAX_SIGN_OFF_LENGTH) ||
      (DASH_LINE.test(line) && LIST_FOOTER.test(lines[index + 1] ?? '')) ||
      startsHeaderBlock(lines, index)
    ) {
      return index;
    }
  }
  return limit;
}

/**
 * True when a quoted header block starts at `index`: a paragraph whose first line is a header field
 * and which holds at least three of them, one being `From:` (in any of the usual languages); or a
 * `From:` line with two more fields on the same line.
 */
function startsHeaderBlock(lines: readonly string[], index: number): boolean {
  const first = lines[index] ?? '';
  if (FROM_FIELD.test(first) && (first.slice(first.indexOf(':') + 1).match(INLINE_OTHER_FIELD)?.length ?? 0) >= 2) return true;
  if (!FROM_FIELD.test(first) && !OTHER_FIELD.test(first)) return false;
  let fields = 0;
  let hasFrom = false;
  for (let next = index; next < lines.length && next <= index + HEADER_BLOCK_SCAN_LINES; next += 1) {
    const line = lines[next] ?? '';
    if (line.trim() === '' || QUOTE_LINE.test(line)) break;
    if (FROM_FIELD.test(line)) {
      fields += 1;
      hasFrom = true;
    } else if (OTHER_FIELD.test(line)) {
      fields += 1;
    }
  }
  return hasFrom && fields >= 3;
}
