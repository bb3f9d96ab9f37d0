/**
 * Keeps only the sender's new words of an e-mail body: quoted replies, attribution lines, quoted
 * header blocks, signatures, mobile sign-offs and mailing-list footers are removed. Line-based, in
 * the spirit of mailgun/talon's plain-text extraction and github/email_reply_parser, but stricter
 * about quotes: every `>` line is removed, also between the sender's own paragraphs (inline
 * replies keep their new paragraphs). Every pattern runs on one bounded line (or a join of at most
 * a few), and no pattern nests quantifiers, so the work is linear in the body's length.
 */

/** Attributions longer than this (joined over their lines) are taken for ordinary text. */
const MAX_ATTRIBUTION_LENGTH = 300;
/** Lines longer than this are never tested against the separator patterns. */
const MAX_MARKER_LINE_LENGTH = 300;
/** How many lines an attribution may be wrapped over (a blank line inside counts). */
const MAX_ATTRIBUTION_LINES = 4;
/** How many lines after its first one a quoted header block is searched for its other fields. */
const HEADER_BLOCK_SCAN_LINES = 12;
/** How many places on one line are tried as the start of an attribution that shares the line. */
const MAX_INLINE_ATTRIBUTION_TRIES = 4;
/** Sign-offs are short lines; longer ones starting the same way are the sender's words. */
const MAX_SIGN_OFF_LENGTH = 90;
/** What may follow a short `__` line for it to be taken for a footer or signature. */
const MAX_FOOTER_LINES = 15;
const MAX_FOOTER_CHARS = 1500;
/** The last lines searched for a sign-off ("Regards,\nLuc") and how long its lines may be. */
const SIGNATURE_WINDOW_LINES = 8;
const MAX_SIGNATURE_LINE_LENGTH = 80;
const MAX_NAME_LINE_LENGTH = 40;
/** How many quoted or forwarded messages are tried when the reply itself is empty. */
const MAX_FALLBACK_SEGMENTS = 3;

const QUOTE_LINE = /^[ \t]*>/;

/** "wrote" in the languages mail clients write attributions in. */
const WROTE_WORD =
  '(?:wrote|writes|a écrit|a ecrit|schrieb|schreef|geschreven|verzond|skrev|napisał(?:a|\\(a\\))?|napsal(?:a|\\(a\\))?|pisze|написал(?:а|\\(а\\))?|пишет|escribió|escribio|escreveu|ha scritto|kirjoitti|đã viết|yazdı|írta|写道|ysgrifennodd|a scríobh|a scris|rašė|rakstīja|kirjutas|написав|написала|написа|napísal(?:a|\\(a\\))?|napisao|napisala|έγραψε|ha escrit|লিখেছেন|ने लिखा|نے لکھا)';
/** An attribution ends with "wrote:" (or its translation) and a colon, perhaps after a name or address. */
const ENDS_WITH_WROTE = new RegExp(`${WROTE_WORD}\\s*[:：]\\s*$`, 'iu');
/** Talon's "… sent:" form; only with a date-like start, since "Sent:" is also a header field. */
const ENDS_WITH_SENT = /\bsent\s*:\s*$/i;
const CONTAINS_WROTE = new RegExp(`(?:^|[\\s,>"')])${WROTE_WORD}(?=[\\s:])`, 'iu');
/** How attributions begin: "On <date>, <name> wrote:", "Am …", "Le …", "Vào …", or a bare date. */
const ATTRIBUTION_START =
  /^(?:On|Le|Am|Op|El|Em|Il|Il giorno|In data|Den|På|W dniu|Dne|Dnia|Vào|В|Ar|În|Στις|Dňa|Dana|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}\/\d{1,2}\/\d{1,2})[\s,]/u;
/** Where an attribution may start in the middle of a line ("thanks! On Wed, … wrote:"). */
const INLINE_ATTRIBUTION_START = /[\s>](?=(?:On|Le|Am|Op|El|Em|Il|Den|På|W dniu|Vào|Ar|În) \S)/gu;
const TIME = /\d{1,2}[:.]\d{2}/;
/** The address that ends a Gmail attribution written without "wrote": `Bob <bob@example.com>:`. */
const ENDS_WITH_ADDRESS = /@[^\s>)\]]*[>)\]]\s*[:：]\s*$/;
/** `---- John Smith wrote ----` (Android mail). */
const DASHED_WROTE = new RegExp(`^\\s*-{2,}\\s*\\S.{0,150}?\\s${WROTE_WORD}\\s*:?\\s*-{2,}\\s*$`, 'iu');

const SIGNATURE_DELIMITER = /^-- ?$/;
const ORIGINAL_MESSAGE_SEPARATOR =
  /^\s*-{2,}\s*(?:Original Message|Reply Message|Forwarded message|Forwarded e-?mail|Ursprüngliche Nachricht|Original-Nachricht|Antwort Nachricht|Weitergeleitete Nachricht|Message d'origine|Message original|Message transféré|Mensaje original|Mensaje reenviado|Mensagem original|Mensagem encaminhada|Messaggio originale|Messaggio inoltrato|Oorspronkelijk bericht|Origineel bericht|Doorgestuurd bericht|Oprindelig meddelelse|Oprindelig besked|Videresendt meddelelse|Opprinnelig melding|Videresendt melding|Ursprungligt meddelande|Vidarebefordrat meddelande|Alkuperäinen viesti|Välitetty viesti|Wiadomość oryginalna|Oryginalna wiadomość|Przekazana wiadomość|Původní zpráva|Přeposlaná zpráva|Исходное сообщение|Пересылаемое сообщение|Thư gốc|Tin nhắn gốc|Neges wreiddiol|Neges a anfonwyd ymlaen|Neges wedi'i hanfon ymlaen)\s*-*\s*$/iu;
const FORWARD_INTRO =
  /^\s*(?:Begin forwarded message|Anfang der weitergeleiteten Nachricht|Début du message (?:réexpédié|transféré)|Inicio del mensaje reenviado|Início da mensagem (?:reencaminhada|encaminhada)|Inizio messaggio inoltrato|Begin doorgestuurd bericht|Vidarebefordrat mejl|Videresendt meddelelse)\s*:\s*$/iu;
const UNDERSCORE_SEPARATOR = /^\s*_{20,}\s*$/;
const SHORT_SEPARATOR = /^\s*_{2,19}\s*$/;
const SEPARATOR_ONLY = /^\s*[-_=*~–—─━•·]{2,}\s*$/u;
const DASH_LINE = /^\s*-{10,}\s*$/;
const LIST_FOOTER =
  /^\s*(?:To unsubscribe,? (?:e-?mail|send)|To unsubscribe from this (?:group|list)|You received this (?:message|e-?mail) because you are subscribed to|To post to this group, send|Unsubscribe: |To stop receiving (?:these )?e-?mails)/i;

/** The words after "Sent from" that make a line a mail client's sign-off rather than the sender's. */
const CLIENT_WORD =
  /iphone|ipad|ipod|android|blackberry|outlook|mail|samsung|galaxy|mobile|mobil|móvil|cellulare|smartphone|phone|handy|telefon|tablet|device|appareil|dispositivo|apparaat|enhet|laite|urządzeni|huawei|xiaomi|pixel|nokia|motorola|oneplus|sony|htc|windows|yahoo|gmail|aol|proton|tutanota|fastmail|spark|airmail|bluemail|newton|edison|telekom|t-online|gmx|web\.de|orange|sfr|free|kindle|apple|ios|watch|почт|айфон|телефон/iu;
/** Lead words of a client's sign-off, then an optional "my" (in the client's language), then the client. */
const MOBILE_SIGN_OFF =
  /^(?:Sent (?:wirelessly )?(?:from|via|with|using|on)|Envoyé (?:de|depuis|à partir de|à partir d'|avec|via)|Envoye (?:de|depuis|a partir de)|Gesendet (?:von|mit|vom|über)|Enviado (?:desde|do|de|com|con|a través de|via)|Enviada (?:desde|do|de)|Inviato (?:da|dal|con|tramite)|Verzonden (?:vanaf|met|via|van)|Verstuurd (?:vanaf|met|via)|Skickat (?:från|med)|Sendt (?:fra|med)|Lähetetty|Wysłane (?:z|ze|przy użyciu)|Wysłano (?:z|ze)|Отправлено (?:с|из|через)|Odesláno z|Trimis de pe|Anfonwyd (?:o|oddi ar|gyda|drwy)) (?:(?:my|mi|mon|ma|meinem|meiner|mijn|min|mitt|meu|minha|mio|il mio|dal mio|moim|mojego|mého|fy) )?([^,;:!?]{1,70})$/iu;
const GERMAN_MOBILE_SIGN_OFF = /^Von meine[mr]? [^,;:!?]{1,60} (?:gesendet|versendet|verschickt)$/iu;
const GET_CLIENT_SIGN_OFF =
  /^(?:Get Outlook for|Download Outlook for|Télécharger Outlook pour|Obtener Outlook para|Obtenha o Outlook para|Obter o Outlook para|Scarica Outlook per|Holen Sie sich Outlook für|Hämta Outlook för|Hent Outlook til|Hent Outlook for|Pobierz aplikację Outlook dla|Загрузите Outlook для) (?:iOS|Android|Mac|Windows)$|^Outlook (?:voor|für) (?:iOS|Android) (?:downloaden|herunterladen)$/iu;
/** Link targets and trailing punctuation mail clients append to a sign-off (`Get Outlook for Android<https://aka.ms/…>`). */
const TRAILING_LINK = /\s*(?:<[^<>\s]{1,200}>|\([^()\s]{1,200}\)|\[[^[\]\s]{1,200}\])\s*$/;

const FROM_FIELD = /^\s*\*?(?:From|Von|De|Van|Fra|Från|Od|От|Da|Lähettäjä|Kimden|Từ|Feladó|Oddi wrth)\s?\*?\s?[:：]/iu;
const OTHER_FIELD =
  /^\s*\*?(?:Sent|Date|Datum|Gesendet|Envoyé|Envoyé le|Enviado|Enviado el|Enviada|Inviato|Verzonden|Skickat|Sendt|Wysłano|Wysłane|Lähetetty|Odesláno|Отправлено|Дата|Ngày|To|An|À|A|Para|Aan|Til|Till|Do|Komu|Кому|Vastaanottaja|Đến|Cc|Kopie|Kopia|Копия|Subject|Betreff|Objet|Asunto|Assunto|Oggetto|Onderwerp|Emne|Ämne|Temat|Předmět|Тема|Aihe|Konu|Chủ đề|Reply-To|Antwort an|Anfonwyd|Dyddiad|At|Pwnc)\s?\*?\s?[:：]/iu;
/** The other fields of a header block flattened onto its `From:` line (HTML converted to text). */
const INLINE_OTHER_FIELD =
  /(?:^|\s)\*?(?:Sent|Date|To|Cc|Subject|Gesendet|Datum|An|Betreff|Envoyé|À|Objet|Enviado|Para|Asunto|Inviato|Oggetto|Verzonden|Aan|Onderwerp|Skickat|Till|Ämne|Sendt|Til|Emne|Anfonwyd|Dyddiad|At|Pwnc)\s?\*?\s?:/giu;
const ADDRESS_LIKE = /@|<[^<>]{0,200}>|\[mailto:/;

/**
 * The warning a mail system puts at the top of a message from outside the organisation
 * (`CAUTION: This email originated from outside of the organisation…`, Microsoft's `You don't
 * often get email from …`, `[EXTERNAL]`): never the sender's words.
 */
const EXTERNAL_SENDER_BANNER =
  /originated (?:from )?outside (?:of )?(?:the|your|our|this) (?:organi[sz]ation|council|trust|company|network|domain)|originated (?:from )?outside (?:of )?NHSmail|(?:do not|don['’]t) (?:click|open) (?:on )?(?:any )?links|don['’]t often get (?:e-?mail|messages) from|learn why this is important|^\s*[[(]?(?:external|external e-?mail|external sender|external message)[\])]?\s*:?\s*$/iu;
/** A banner paragraph is short. */
const MAX_BANNER_CHARS = 600;

/**
 * The opening sentence of an organisation's legal footer (`This email and any attachments are
 * confidential…`, `If you are not the intended recipient…`, `Any views or opinions presented are
 * solely those of the author…`), or its heading (`DISCLAIMER:`).
 */
const DISCLAIMER_START =
  /intended (?:solely |only )?(?:for )?(?:the )?(?:sole )?(?:use of the )?(?:named )?(?:recipient|addressee|individual)|(?:received|receive) (?:this|the) (?:e-?mail|message|communication|transmission) in error|(?:views|opinions) (?:expressed|presented|contained) (?:in|within|by) (?:this|the) (?:e-?mail|message|communication)|(?:e-?mail|message|communication)s? and any (?:files|attachments|documents)[^.]{0,60} (?:is|are|may be|might be) (?:strictly )?(?:private and )?(?:confidential|privileged|intended)|information (?:contained )?(?:in|within) this (?:e-?mail|message|communication)[^.]{0,40} (?:is|are|may be) (?:strictly )?(?:private and )?(?:confidential|privileged|intended)|(?:may|might) contain (?:confidential|privileged|personal|sensitive)|(?:scanned|checked|swept) for (?:the presence of )?(?:computer )?(?:viruses|malware)|(?:sent (?:to|from)|to and from) [^.]{0,80}(?:may be|are|is) (?:monitored|recorded|logged)|Freedom of Information Act|consider the environment before printing|registered (?:in England|charity|office|company)|^\s*(?:legal |e-?mail )?(?:disclaimer|confidentiality (?:notice|statement|note))\b/iu;

/** Closing words that start a sign-off ("Regards,\nLuc"), lower-cased, without trailing punctuation. */
const VALEDICTIONS = new Set([
  'thanks',
  'thank you',
  'thanks again',
  'thanks so much',
  'thanks very much',
  'thank you very much',
  'many thanks',
  'with thanks',
  'thanks in advance',
  'thx',
  'ta',
  'rgds',
  'best rgds',
  'kind rgds',
  'br',
  'kr',
  'regards',
  'kind regards',
  'kindest regards',
  'best regards',
  'warm regards',
  'warmest regards',
  'with regards',
  'with kind regards',
  'with best regards',
  'many regards',
  'all the best',
  'best',
  'best wishes',
  'all best',
  'cheers',
  'sincerely',
  'yours sincerely',
  'yours faithfully',
  'yours truly',
  'yours',
  'love',
  'lots of love',
  'take care',
  'speak soon',
  'talk soon',
  'warmly',
  'respectfully',
  'mit freundlichen grüßen',
  'mit freundlichen grüssen',
  'freundliche grüße',
  'viele grüße',
  'liebe grüße',
  'beste grüße',
  'herzliche grüße',
  'schöne grüße',
  'gruß',
  'grüße',
  'mfg',
  'lg',
  'vg',
  'danke',
  'vielen dank',
  'cordialement',
  'bien cordialement',
  'bien à vous',
  'amicalement',
  'merci',
  'merci beaucoup',
  'salutations',
  'bonne journée',
  'saludos',
  'un saludo',
  'saludos cordiales',
  'atentamente',
  'gracias',
  'muchas gracias',
  'un abrazo',
  'cordiali saluti',
  'distinti saluti',
  'saluti',
  'un saluto',
  'grazie',
  'grazie mille',
  'met vriendelijke groet',
  'met vriendelijke groeten',
  'vriendelijke groet',
  'hartelijke groet',
  'groeten',
  'groetjes',
  'bedankt',
  'atenciosamente',
  'cumprimentos',
  'obrigado',
  'obrigada',
  'abraços',
  'abraço',
  'med vänliga hälsningar',
  'vänliga hälsningar',
  'hälsningar',
  'mvh',
  'tack',
  'med venlig hilsen',
  'venlig hilsen',
  'med vennlig hilsen',
  'vennlig hilsen',
  'hilsen',
  'takk',
  'tak',
  'ystävällisin terveisin',
  'terveisin',
  'kiitos',
  'pozdrawiam',
  'z poważaniem',
  'dziękuję',
  'с уважением',
  'спасибо',
  'cofion',
  'cofion cynnes',
  'cofion gorau',
  'cofion caredig',
  'diolch',
  'diolch yn fawr',
  'gyda diolch',
  'yn gywir',
  'yr eiddoch yn gywir',
  'yr eiddoch',
  'dymuniadau gorau',
  'pob hwyl',
]);
/** Small words inside a person's name ("Luc de Vries", "Anna van den Berg"). */
const NAME_PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'le', 'la', 'del', 'dos', 'das', 'ter', 'bin', 'al']);
const NAME_WORD = /^[\p{Lu}][\p{L}\p{M}'’.-]{0,24}$/u;
/** A reference or a postscript under a sign-off (`[1] https://…`, `P.S. …`): the sender's words, not the signature. */
const FOOTNOTE = /^\s*(?:\[\d{1,3}\]|P\.?\s?P?\.?\s?S\.?(?=[\s:,-]))/i;
const DASH_SIGN_OFF = /^\s*-{1,2}\s?([\p{L}][\p{L}\p{M}'’.-]{0,24}(?: [\p{L}][\p{L}\p{M}'’.-]{0,24}){0,2})\s*$/u;

/** What {@link extractReply} knows about the message besides its body. */
export interface ReplyTextOptions {
  /** The sender's display name (From:), so that a sign-off with their name ("-roman", "Thanks!\nRoman") is recognised. */
  senderName?: string | null;
}

/**
 * Which text was kept: `reply` the sender's new words (the usual case); `quoted-message` when
 * there were none above a forwarded or quoted message that is not marked with `>`, so the text of
 * that message is kept instead; `unstripped` when every heuristic together would have left
 * nothing although the body holds more than quotes, so the body without its `>` lines is kept.
 */
export type ReplyTextSource = 'reply' | 'quoted-message' | 'unstripped';

/** The text kept from an e-mail body and where it came from. */
export interface ReplyText {
  text: string;
  source: ReplyTextSource;
}

/** An attribution found in the body: the lines it spans and how sure the match is. */
interface Attribution {
  /** Index of the attribution's first line. */
  start: number;
  /** Index of its last line. */
  end: number;
  /** True when it is certainly an attribution ("On <date>, … wrote:"), not just "Bob wrote:". */
  strong: boolean;
}

/** The sender's words above the first cut, and where the cut was. */
interface Segment {
  lines: string[];
  /** Index of the line where quoted or appended material starts, or the body's length. */
  cut: number;
  /** True when the cut starts a quoted or forwarded message (not a signature or a footer). */
  cutStartsMessage: boolean;
}

/**
 * Returns the sender's new words in an e-mail body (plain text, any line endings):
 * - every quoted line (starting with `>`) is removed, wherever it stands;
 * - attribution lines (`On <date>, <name> wrote:`, also wrapped over up to four lines, sharing
 *   the line with the reply's last words, and in other languages: `schrieb`, `a écrit`, `skrev`,
 *   `kirjoitti`, `đã viết`, Gmail's Russian `… г. в 15:19, Имя <…>:`…) are removed; one that is
 *   not followed by quoted lines introduces an unmarked quote, so it and everything after it is removed;
 * - everything from the first of these is removed: a quoted header block (`From:` with `Sent:`,
 *   `To:`, `Subject:`… in the usual languages, no `>` markers), `-----Original Message-----`,
 *   `---- John Smith wrote ----` and forwarding separators, a `____` line, a `-- ` signature
 *   delimiter, a mobile or client sign-off that is a whole line (`Sent from my iPhone`,
 *   `Gesendet von Outlook für Android`…), a mailing-list footer, and a short `__` line followed
 *   by no more than a footer's worth of lines;
 * - separator lines left at the end (`-----`, `____`, an `<hr>` converted to dashes) are removed;
 * - a sign-off with a name at the end is removed: `Regards,\nLuc`, `Best,\nJane Doe` (with the
 *   short lines under it), `Cheers, Sam`, `-roman`, and a last line that is the sender's name.
 *
 * When all that would leave nothing, the first quoted or forwarded message that holds text is
 * kept instead (`quoted-message`), else the body without its `>` lines (`unstripped`), so that a
 * message is never lost whole when some of it is someone's words. Runs of blank lines become one;
 * the result is trimmed, and empty when the body held nothing but quotes and sign-offs.
 */
export function extractReply(body: string, options: ReplyTextOptions = {}): ReplyText {
  const senderTokens = nameTokens(options.senderName ?? null);
  let lines = splitInlineAttributions(body.replace(/\r\n?/g, '\n').split('\n'));
  const first = replySegment(lines);
  const text = withoutSignature(first.lines, senderTokens).join('\n').trim();
  if (text !== '') return { text, source: 'reply' };
  let segment = first;
  for (let tries = 0; tries < MAX_FALLBACK_SEGMENTS && segment.cutStartsMessage && segment.cut < lines.length; tries += 1) {
    lines = lines.slice(quotedMessageStart(lines, segment.cut));
    segment = replySegment(lines);
    const quoted = withoutSignature(segment.lines, senderTokens).join('\n').trim();
    if (quoted !== '') return { text: quoted, source: 'quoted-message' };
  }
  const unquoted = collapseBlankLines(body.replace(/\r\n?/g, '\n').split('\n'), () => false, body.length);
  const holdsWords = unquoted.some((line) => line.trim() !== '' && !isMarkerLine(line));
  return holdsWords ? { text: unquoted.join('\n').trim(), source: 'unstripped' } : { text: '', source: 'reply' };
}

/**
 * True for a line that introduces a forwarded or original message below it (`Begin forwarded
 * message:`, `---------- Forwarded message ---------`, `-----Original Message-----`, a `____` line).
 */
export function introducesQuotedMessage(line: string): boolean {
  if (line.length > MAX_MARKER_LINE_LENGTH) return false;
  return ORIGINAL_MESSAGE_SEPARATOR.test(line) || FORWARD_INTRO.test(line) || DASHED_WROTE.test(line) || UNDERSCORE_SEPARATOR.test(line);
}

/** The sender's new words in an e-mail body; see {@link extractReply}. */
export function extractReplyText(body: string, options: ReplyTextOptions = {}): string {
  return extractReply(body, options).text;
}

/** The lines above the first cut, without quotes, attributions, blank runs and trailing separators. */
function replySegment(lines: readonly string[]): Segment {
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
  const separator = firstSeparator(lines, cut);
  const cutStartsMessage = separator.index < cut ? separator.startsMessage : cut < lines.length;
  cut = Math.min(cut, separator.index);
  const kept = collapseBlankLines(lines, (index) => removed.has(index), cut);
  return { lines: withoutTrailingSeparators(withoutLegalFooter(withoutTrailingSeparators(withoutBanner(kept)))), cut, cutStartsMessage };
}

/** The paragraphs of lines (split at blank lines), each as the index of its first line and its end. */
function paragraphsOf(lines: readonly string[]): { start: number; end: number }[] {
  const paragraphs: { start: number; end: number }[] = [];
  let start = -1;
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      if (start !== -1) paragraphs.push({ start, end: index });
      start = -1;
    } else if (start === -1) {
      start = index;
    }
  });
  if (start !== -1) paragraphs.push({ start, end: lines.length });
  return paragraphs;
}

function paragraphText(lines: readonly string[], paragraph: { start: number; end: number }): string {
  return lines
    .slice(paragraph.start, paragraph.end)
    .map((line) => line.trim())
    .join(' ');
}

/** The lines without the external-sender warnings above the message (at most the first two paragraphs), when words follow them. */
function withoutBanner(lines: string[]): string[] {
  const paragraphs = paragraphsOf(lines);
  let from = 0;
  for (const paragraph of paragraphs.slice(0, 2)) {
    const text = paragraphText(lines, paragraph);
    if (text.length > MAX_BANNER_CHARS || !EXTERNAL_SENDER_BANNER.test(text)) break;
    from = paragraph.end;
  }
  if (from === 0 || from >= (paragraphs[paragraphs.length - 1]?.end ?? 0)) return lines;
  return lines.slice(from).slice(lines.slice(from).findIndex((line) => line.trim() !== ''));
}

/**
 * The lines without the organisation's legal footer at the end: the last paragraphs whose first
 * sentence is a disclaimer's (see {@link DISCLAIMER_START}), with the separator lines between them.
 * A paragraph whose first sentence is the sender's stays, and so does everything when nothing else would.
 */
function withoutLegalFooter(lines: string[]): string[] {
  const paragraphs = paragraphsOf(lines);
  let end = lines.length;
  for (let index = paragraphs.length - 1; index > 0; index -= 1) {
    const paragraph = paragraphs[index];
    if (paragraph === undefined) break;
    const text = paragraphText(lines, paragraph);
    const separator = text.length <= MAX_MARKER_LINE_LENGTH && SEPARATOR_ONLY.test(text);
    if (!separator && !DISCLAIMER_START.test(firstSentence(text))) break;
    end = paragraph.start;
  }
  return end === lines.length ? lines : lines.slice(0, end);
}

/** The text up to the end of its first sentence (or its first 300 characters). */
function firstSentence(text: string): string {
  const end = /[.!?](?=\s|$)/.exec(text.slice(0, MAX_MARKER_LINE_LENGTH));
  return end === null ? text.slice(0, MAX_MARKER_LINE_LENGTH) : text.slice(0, end.index + 1);
}

/** The lines before `limit` that are neither removed nor quoted, with blank runs made one. */
function collapseBlankLines(lines: readonly string[], isRemoved: (index: number) => boolean, limit: number): string[] {
  const kept: string[] = [];
  const end = Math.min(limit, lines.length);
  for (let index = 0; index < end; index += 1) {
    const line = lines[index] ?? '';
    if (isRemoved(index) || QUOTE_LINE.test(line) || isQuoteElision(lines, index)) continue;
    if (line.trim() === '' && (kept.length === 0 || (kept[kept.length - 1] ?? '').trim() === '')) continue;
    kept.push(line);
  }
  return kept;
}

/** A line that says only that quoted text was cut: `[...]`, `[…]`, `[snip]`, `<snip>`, `[...snipped...]`. */
const ELISION =
  /^\s*(?:\[\s*(?:\.{3,}|…|(?:\.{3}\s*)?snip(?:ped)?(?:\s*\.{3})?)\s*\]|<\s*snip(?:ped)?\s*>|\(\s*(?:\.{3,}|…|snip(?:ped)?)\s*\))\s*$/iu;

/**
 * True for an elision mark (see {@link ELISION}) written where the replier cut the quote: the
 * nearest line with text above or below it is a quoted `>` line. It is part of the quote, not the
 * sender's words.
 */
function isQuoteElision(lines: readonly string[], index: number): boolean {
  if (!ELISION.test(lines[index] ?? '')) return false;
  const nearest = (step: 1 | -1): string | undefined => {
    for (let at = index + step; at >= 0 && at < lines.length; at += step) {
      const line = lines[at] ?? '';
      if (line.trim() !== '') return line;
    }
    return undefined;
  };
  return [nearest(-1), nearest(1)].some((line) => line !== undefined && QUOTE_LINE.test(line));
}

function withoutTrailingSeparators(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0) {
    const line = lines[end - 1] ?? '';
    if (line.trim() === '' || (line.length <= MAX_MARKER_LINE_LENGTH && SEPARATOR_ONLY.test(line))) end -= 1;
    else break;
  }
  return lines.slice(0, end);
}

/**
 * Puts an attribution that shares its line with the reply's last words on a line of its own
 * ("Sounds good. On Wed, Apr 4, 2012 at 3:59 PM, Bob <bob@example.com> wrote:"), also when the
 * attribution wraps onto the next lines.
 */
function splitInlineAttributions(lines: string[]): string[] {
  const result: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const at = line.length <= MAX_MARKER_LINE_LENGTH && !QUOTE_LINE.test(line) ? inlineAttributionAt(lines, index) : -1;
    if (at <= 0) {
      result.push(line);
      continue;
    }
    result.push(line.slice(0, at).trimEnd(), line.slice(at).trimStart());
  }
  return result;
}

/** Where an attribution starts inside line `index` after some words of the reply, or -1. */
function inlineAttributionAt(lines: readonly string[], index: number): number {
  const line = lines[index] ?? '';
  INLINE_ATTRIBUTION_START.lastIndex = 0;
  let tries = 0;
  for (let match = INLINE_ATTRIBUTION_START.exec(line); match !== null; match = INLINE_ATTRIBUTION_START.exec(line)) {
    if (++tries > MAX_INLINE_ATTRIBUTION_TRIES) break;
    const at = match.index + 1;
    if (line.slice(0, at).trim() === '') continue;
    let joined = line.slice(at).trim();
    for (let next = index; next < index + MAX_ATTRIBUTION_LINES - 1 && joined.length <= MAX_ATTRIBUTION_LENGTH; next += 1) {
      if (isStrongAttribution(joined)) return at;
      const following = lines[next + 1];
      if (following === undefined || following.trim() === '' || QUOTE_LINE.test(following)) break;
      joined = `${joined} ${following.trim()}`;
    }
    if (joined.length <= MAX_ATTRIBUTION_LENGTH && isStrongAttribution(joined)) return at;
  }
  return -1;
}

/** Finds attribution lines and groups, in order, without overlaps. */
function findAttributions(lines: readonly string[]): Attribution[] {
  const found: Attribution[] = [];
  let earliestStart = 0;
  for (let end = 0; end < lines.length; end += 1) {
    const last = lines[end] ?? '';
    if (last.length > MAX_MARKER_LINE_LENGTH || QUOTE_LINE.test(last) || !/[:：]\s*$/.test(last)) continue;
    const attribution = attributionEndingAt(lines, end, earliestStart);
    if (attribution === null) continue;
    found.push(attribution);
    earliestStart = end + 1;
  }
  return found;
}

function attributionEndingAt(lines: readonly string[], end: number, earliestStart: number): Attribution | null {
  const firstCandidate = Math.max(earliestStart, end - MAX_ATTRIBUTION_LINES + 1);
  let found: number | null = null;
  for (let start = end; start >= firstCandidate; start -= 1) {
    const joined = joinedGroup(lines, start, end);
    if (joined === null || !isStrongAttribution(joined)) continue;
    const anchored = ATTRIBUTION_START.test(joined);
    if (found === null || anchored) found = start;
    if (anchored) break;
  }
  if (found !== null) return { start: found, end, strong: true };
  const last = (lines[end] ?? '').trim();
  if (last.length <= 200 && ENDS_WITH_WROTE.test(last)) return { start: end, end, strong: false };
  return null;
}

/** Lines `start`..`end` joined with spaces, or null when they cannot be one attribution. */
function joinedGroup(lines: readonly string[], start: number, end: number): string | null {
  const group = lines.slice(start, end + 1);
  const first = group[0] ?? '';
  if (first.trim() === '' || group.some((line) => QUOTE_LINE.test(line) || line.length > MAX_MARKER_LINE_LENGTH)) return null;
  const joined = group
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
  if (joined.length > MAX_ATTRIBUTION_LENGTH) return null;
  const hasBlank = group.some((line) => line.trim() === '');
  return hasBlank && !ATTRIBUTION_START.test(joined) ? null : joined;
}

/**
 * "On <date>, <name> wrote:" and its relatives: holds a digit (the date) and ends with "wrote:"
 * (or "sent:") after a date-like start or an address; or ends with an address and a colon
 * after a date with a time or a "wrote" in the middle (`Am 02.04.2012 um 14:20 schrieb Bob
 * <bob@example.com>:`, `tir. 10. sep. 2014 kl. 13:09 skrev Bob <bob@example.com>:`,
 * `ср, 12 мая 2021 г. в 15:19, Боб <bob@example.com>:`).
 */
function isStrongAttribution(text: string): boolean {
  if (!/\d/.test(text)) return false;
  const start = ATTRIBUTION_START.test(text);
  if (ENDS_WITH_WROTE.test(text)) return start || ADDRESS_LIKE.test(text);
  if (ENDS_WITH_SENT.test(text)) return start && (TIME.test(text) || ADDRESS_LIKE.test(text));
  if (!ENDS_WITH_ADDRESS.test(text)) return false;
  return CONTAINS_WROTE.test(text) || TIME.test(text) || /^\d/.test(text);
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

/** The first line (before `limit`) that starts quoted or appended material, and whether it starts a message. */
function firstSeparator(lines: readonly string[], limit: number): { index: number; startsMessage: boolean } {
  for (let index = 0; index < limit; index += 1) {
    const line = lines[index] ?? '';
    if (line.length > MAX_MARKER_LINE_LENGTH || QUOTE_LINE.test(line)) continue;
    if (
      ORIGINAL_MESSAGE_SEPARATOR.test(line) ||
      FORWARD_INTRO.test(line) ||
      DASHED_WROTE.test(line) ||
      UNDERSCORE_SEPARATOR.test(line) ||
      startsHeaderBlock(lines, index)
    ) {
      return { index, startsMessage: true };
    }
    if (
      SIGNATURE_DELIMITER.test(line) ||
      LIST_FOOTER.test(line) ||
      isMobileSignOff(line) ||
      (DASH_LINE.test(line) && LIST_FOOTER.test(lines[index + 1] ?? '')) ||
      (SHORT_SEPARATOR.test(line) && onlyFooterFollows(lines, index))
    ) {
      return { index, startsMessage: false };
    }
  }
  return { index: limit, startsMessage: false };
}

/** True when what follows line `index` is short enough to be a signature or list footer. */
function onlyFooterFollows(lines: readonly string[], index: number): boolean {
  let count = 0;
  let chars = 0;
  for (let next = index + 1; next < lines.length; next += 1) {
    const line = lines[next] ?? '';
    if (line.trim() === '') continue;
    count += 1;
    chars += line.length;
    if (count > MAX_FOOTER_LINES || chars > MAX_FOOTER_CHARS) return false;
  }
  return count > 0;
}

/**
 * True when a line is a whole mail-client sign-off: `Sent from my iPhone`, `Sent from Mailbox for
 * iPhone`, `Von meinem iPhone gesendet`, `Envoyé à partir de Outlook pour iOS`, `Get Outlook for
 * Android<https://aka.ms/…>`… "Sent from my desk, is much easier" is the sender's own sentence.
 */
export function isMobileSignOff(line: string): boolean {
  if (line.length > MAX_MARKER_LINE_LENGTH) return false;
  let text = line.trim();
  for (let strip = 0; strip < 2; strip += 1) text = text.replace(TRAILING_LINK, '');
  text = text.replace(/[\s.!]+$/, '');
  if (text.length > MAX_SIGN_OFF_LENGTH || text === '') return false;
  if (GET_CLIENT_SIGN_OFF.test(text) || GERMAN_MOBILE_SIGN_OFF.test(text)) return true;
  const client = MOBILE_SIGN_OFF.exec(text)?.[1];
  return client !== undefined && CLIENT_WORD.test(client);
}

/**
 * True when a quoted header block starts at `index`: a paragraph whose first line is a header field
 * and which holds a `From:` field (in any of the usual languages) with at least two more fields,
 * or a `From:` naming an address with at least one more (a blank line may stand between fields);
 * or a `From:` line with two more fields on the same line.
 */
function startsHeaderBlock(lines: readonly string[], index: number): boolean {
  const first = lines[index] ?? '';
  const firstIsFrom = FROM_FIELD.test(first);
  if (firstIsFrom && (first.slice(first.indexOf(':') + 1).match(INLINE_OTHER_FIELD)?.length ?? 0) >= 2) return true;
  if (!firstIsFrom && !OTHER_FIELD.test(first)) return false;
  let fields = 0;
  let fromWithAddress = false;
  let hasFrom = false;
  let afterBlank = false;
  for (let next = index; next < lines.length && next <= index + HEADER_BLOCK_SCAN_LINES; next += 1) {
    const line = lines[next] ?? '';
    if (QUOTE_LINE.test(line) || line.length > MAX_MARKER_LINE_LENGTH) break;
    if (line.trim() === '') {
      if (afterBlank) break;
      afterBlank = true;
      continue;
    }
    if (FROM_FIELD.test(line)) {
      fields += 1;
      hasFrom = true;
      if (ADDRESS_LIKE.test(line) || ADDRESS_LIKE.test(lines[next + 1] ?? '')) fromWithAddress = true;
    } else if (OTHER_FIELD.test(line)) {
      fields += 1;
    } else if (afterBlank) {
      break;
    }
    afterBlank = false;
  }
  return hasFrom && (fields >= 3 || (fromWithAddress && fields >= 2));
}

/** Where the text of a quoted or forwarded message starts, after its separator, attribution or header block. */
function quotedMessageStart(lines: readonly string[], cut: number): number {
  let index = cut;
  const line = lines[index] ?? '';
  if (ORIGINAL_MESSAGE_SEPARATOR.test(line) || FORWARD_INTRO.test(line) || DASHED_WROTE.test(line) || UNDERSCORE_SEPARATOR.test(line)) {
    index += 1;
  } else if (!FROM_FIELD.test(line) && !OTHER_FIELD.test(line)) {
    while (index < lines.length && index < cut + MAX_ATTRIBUTION_LINES && !/[:：]\s*$/.test(lines[index] ?? '')) index += 1;
    return index + 1;
  }
  while (index < lines.length && (lines[index] ?? '').trim() === '') index += 1;
  let sawField = false;
  for (let scanned = 0; index < lines.length && scanned <= HEADER_BLOCK_SCAN_LINES; scanned += 1) {
    const next = lines[index] ?? '';
    if (FROM_FIELD.test(next) || OTHER_FIELD.test(next)) sawField = true;
    else if (next.trim() === '' && sawField) break;
    else if (!sawField) break;
    index += 1;
  }
  return index;
}

/** True for lines that are never the sender's words: separators, sign-offs, attributions, header fields. */
function isMarkerLine(line: string): boolean {
  if (line.length > MAX_MARKER_LINE_LENGTH) return false;
  return (
    SEPARATOR_ONLY.test(line) ||
    SIGNATURE_DELIMITER.test(line) ||
    ORIGINAL_MESSAGE_SEPARATOR.test(line) ||
    FORWARD_INTRO.test(line) ||
    DASHED_WROTE.test(line) ||
    LIST_FOOTER.test(line) ||
    isMobileSignOff(line) ||
    FROM_FIELD.test(line) ||
    OTHER_FIELD.test(line) ||
    isStrongAttribution(line.trim()) ||
    ENDS_WITH_WROTE.test(line)
  );
}

/** The sender's name as lower-case words of two letters or more ("Smith, Jane" → jane, smith). */
function nameTokens(name: string | null): Set<string> {
  const tokens = new Set<string>();
  if (name === null) return tokens;
  for (const word of name.slice(0, 200).split(/[\s,;()"'<>[\]]+/u)) {
    const token = word.replace(/[.]+$/, '').toLowerCase();
    if (token.length >= 2) tokens.add(token);
  }
  return tokens;
}

/**
 * The lines without a sign-off at the end: a valediction or a separator line (`-----`) followed
 * by a name (and the short lines under it), a valediction and a name on one line, a dashed name (`-roman`), or a last line that
 * is the sender's name; references and postscripts under it (`[1] https://…`, `P.S. …`) stay. When the sign-off is all there
 * is, only the name goes ("Thanks!").
 */
function withoutSignature(lines: readonly string[], senderTokens: ReadonlySet<string>): string[] {
  const nonBlank: number[] = [];
  lines.forEach((line, index) => {
    if (line.trim() !== '') nonBlank.push(index);
  });
  if (nonBlank.length < 2) return [...lines];
  const lastIndex = nonBlank[nonBlank.length - 1] ?? 0;
  const last = lines[lastIndex] ?? '';
  const dashed = DASH_SIGN_OFF.exec(last)?.[1];
  if (dashed !== undefined && isDashedSignOff(dashed, last, lines[nonBlank[nonBlank.length - 2] ?? 0] ?? '', senderTokens)) {
    return withoutTrailingSeparators(lines.slice(0, lastIndex));
  }
  const windowStart = Math.max(1, nonBlank.length - SIGNATURE_WINDOW_LINES);
  for (let position = nonBlank.length - 1; position >= windowStart; position -= 1) {
    const index = nonBlank[position] ?? 0;
    const line = lines[index] ?? '';
    const closing = SEPARATOR_ONLY.test(line) && line.length <= MAX_MARKER_LINE_LENGTH ? 'bare' : valedictionOf(line, senderTokens);
    if (closing === null) continue;
    const after = nonBlank.slice(position + 1).map((at) => lines[at] ?? '');
    if (after.some((line) => line.trim().length > MAX_SIGNATURE_LINE_LENGTH)) break;
    const named = closing === 'with-name' || (after[0] !== undefined && isNameLine(after[0], senderTokens));
    if (!named) continue;
    const footnotes = lines.findIndex((line, at) => at > index && FOOTNOTE.test(line));
    const kept = withoutTrailingSeparators(lines.slice(0, index));
    return footnotes === -1 ? kept : [...kept, '', ...lines.slice(footnotes)];
  }
  if (isSenderName(last, senderTokens)) return withoutTrailingSeparators(lines.slice(0, lastIndex));
  let signatureStart: number | null = null;
  for (let position = nonBlank.length - 1; position >= windowStart; position -= 1) {
    const index = nonBlank[position] ?? 0;
    const line = lines[index] ?? '';
    if (line.trim().length > MAX_SIGNATURE_LINE_LENGTH || FOOTNOTE.test(line) || SENTENCE_END.test(line)) break;
    if ((lines[index - 1] ?? '').trim() === '' && startsWithSenderName(line, senderTokens)) signatureStart = index;
  }
  return signatureStart === null ? [...lines] : withoutTrailingSeparators(lines.slice(0, signatureStart));
}

/** A line ending a sentence, as a paragraph's last line does and a signature's lines seldom do. */
const SENTENCE_END = /[.?!]\s*$/u;
/** Titles a signature writes beside a name, in brackets or not (`G. Tallis (Mrs)`). */
const SIGNATURE_TITLE = /^\(?(?:mr|mrs|ms|miss|mx|dr|prof|rev|revd|cllr)\.?\)?$/iu;
/** What follows the name on a signature's first line: a bar, a comma, a dash or a bracket and the rest (`Gwen Tallis | Volunteer Coordinator`, `Gwen Tallis (she/her)`). */
const AFTER_SIGNATURE_NAME = /^(.*?)(?:\s*[|,–—]\s+|\s+[-(]|\s*\|).*$/u;

/**
 * True when a line opens a signature block with the sender's name: the line is their name or part
 * of it, its short form, initials of it and a title (`G. Tallis (Mrs)`), and may go on after a bar,
 * a comma, a dash or a bracket when two words or more stand before it (`Gwen Tallis | Volunteer
 * Coordinator`, `Gwen Tallis (she/her)`; not `Gwen, Mary and I think…`). At least one word must be
 * a word of the sender's name or its short form, so `G. (Mrs)` is not.
 */
function startsWithSenderName(line: string, senderTokens: ReadonlySet<string>): boolean {
  if (senderTokens.size === 0) return false;
  const text = line.trim().replace(/[.,!]+$/, '');
  if (text === '' || text.length > MAX_SIGNATURE_LINE_LENGTH) return false;
  const before = AFTER_SIGNATURE_NAME.exec(text)?.[1];
  const name = (before ?? text).trim();
  const words = name.split(/\s+/u);
  if (name === '' || name.length > MAX_NAME_LINE_LENGTH || (before !== undefined && words.length < 2)) return false;
  let named = false;
  for (const word of words) {
    const bare = word.replace(/[.]+$/, '');
    if (senderTokens.has(bare.toLowerCase()) || isShortFormOfSender(bare, senderTokens)) named = true;
    else if (/^\p{Lu}$/u.test(bare) && [...senderTokens].some((token) => token.startsWith(bare.toLowerCase()))) continue;
    else if (!SIGNATURE_TITLE.test(word)) return false;
  }
  return named;
}

/** `-roman` under the text: the sender's name, or one word right after the dash when the sender is unknown and it is no list item. */
function isDashedSignOff(name: string, line: string, previous: string, senderTokens: ReadonlySet<string>): boolean {
  const words = name.split(' ');
  if (senderTokens.size > 0) return words.every((word) => senderTokens.has(word.replace(/[.]+$/, '').toLowerCase()));
  return words.length === 1 && /^\s*-{1,2}\S/.test(line) && !/^\s*[-*•]/.test(previous);
}

/** `bare` for a valediction alone on its line ("Regards,"), `with-name` for one with a name ("Cheers, Sam"), else null. */
function valedictionOf(line: string, senderTokens: ReadonlySet<string>): 'bare' | 'with-name' | null {
  const text = line.trim();
  if (text.length > MAX_NAME_LINE_LENGTH * 2) return null;
  if (VALEDICTIONS.has(normalisedClosing(text))) return 'bare';
  const split = /^([^,–—-]{2,40})(?:,|\s[-–—])\s*(.{1,40})$/u.exec(text);
  if (split === null) return null;
  const [, head = '', tail = ''] = split;
  return VALEDICTIONS.has(normalisedClosing(head)) && isNameLine(tail, senderTokens) ? 'with-name' : null;
}

function normalisedClosing(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s,.!:;…]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A line that can be a person's name: up to four capitalised words (or the sender's own name words). */
function isNameLine(line: string, senderTokens: ReadonlySet<string>): boolean {
  const text = line
    .trim()
    .replace(/^[/~-]\s?/, '')
    .replace(/[.,!]+$/, '');
  if (text === '' || text.length > MAX_NAME_LINE_LENGTH) return false;
  const words = text.split(/\s+/);
  if (words.length > 4) return false;
  let nameWords = 0;
  for (const word of words) {
    if (senderTokens.has(word.toLowerCase())) nameWords += 1;
    else if (NAME_WORD.test(word)) nameWords += 1;
    else if (!NAME_PARTICLES.has(word.toLowerCase())) return false;
  }
  return nameWords > 0;
}

/**
 * A line that is nothing but the sender's name, or part of it ("Jane", "Jane Doe"), or the short
 * form of their given name a sender signs with (`Des` from Desmond, `Chris` from Christopher).
 */
function isSenderName(line: string, senderTokens: ReadonlySet<string>): boolean {
  if (senderTokens.size === 0) return false;
  const text = line.trim().replace(/[.,!]+$/, '');
  if (text === '' || text.length > MAX_NAME_LINE_LENGTH) return false;
  return text.split(/\s+/).every((word) => senderTokens.has(word.toLowerCase()) || isShortFormOfSender(word, senderTokens));
}

/** A capitalised word of three letters or more that the sender's given name or surname starts with (`Des` for `Desmond Achterberg`). */
function isShortFormOfSender(word: string, senderTokens: ReadonlySet<string>): boolean {
  if (!/^\p{Lu}\p{Ll}{2,}$/u.test(word)) return false;
  const lower = word.toLowerCase();
  return [...senderTokens].some((token) => token.length > lower.length && token.startsWith(lower));
}
