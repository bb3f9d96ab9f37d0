/** A note longer than this says more than "see attached", whatever its sentences are. */
const MAX_COVER_NOTE_WORDS = 90;
/** A line of a name, a job title, an organisation: at most this many words. */
const MAX_NAME_LINE_WORDS = 8;

/** Greetings that open a note (English and Welsh). */
const GREETING =
  /^(?:dear|hello|hi|hiya|hey|good (?:morning|afternoon|evening)|to whom it may concern|greetings|all|team|annwyl|helo|bore da|prynhawn da|shwmae)\b/iu;
/** Closings, on their own line or with a name after them. */
const CLOSING =
  /^(?:(?:kind|best|warm|warmest|many|with (?:best|kind|many)|all the best|yours)\b[\w ]{0,20}?(?:regards|wishes|thanks)?|regards|thanks|thank you|many thanks|cheers|yours (?:sincerely|faithfully|truly)|sincerely|best|cofion(?: cynnes| gorau)?|yn gywir|diolch(?: yn fawr)?)\b/iu;
/** Words that point at an attached document. */
const POINTER =
  /\b(?:attach(?:ed|es|ing|ment|ments)?|enclos(?:e|ed|es|ing|ure)|herewith|please find|please see|see (?:the )?(?:attached|enclosed|below)|here is (?:our|my)|(?:our|my|the) (?:response|submission|comments|letter|reply|answers|views)(?: form)?(?: is| are)? (?:attached|enclosed|below))\b/iu;
/** Courtesies around a submission that say nothing about what is consulted on. */
const COURTESIES: readonly RegExp[] = [
  /\bthank(?:s| you)\b.{0,40}\b(?:opportunity|chance|invitation|inviting|consulting|reminder)\b/iu,
  /\b(?:do not|don't) hesitate\b/iu,
  /\b(?:let (?:me|us) know|get in touch|contact (?:me|us))\b/iu,
  /\bif you (?:have|need|require) (?:any(?:thing)?|further|more)\b/iu,
  /\b(?:happy|glad|pleased|willing) to (?:discuss|provide|answer|help|clarify|meet)\b/iu,
  /\b(?:confirm|acknowledge) (?:receipt|that you)\b/iu,
  /\bhope (?:this|these|that|it) (?:is|are|will be|helps?)\b/iu,
  /\b(?:look|looking) forward to\b/iu,
  /\bapologi[sz]e|\bapologies\b|\bsorry\b/iu,
  /\bon behalf of\b/iu,
  /\b(?:the|a) (?:version|copy|file|document) (?:i|we) sent\b/iu,
  /\b(?:can't|cannot|can not) open it\b/iu,
];
/** Words that carry a view or an experience: a sentence holding one is the sender's own say, even beside "attached". */
const OPINION =
  /\b(?:oppose|object|objection|support|welcome|concern(?:ed|s)?|worr(?:y|ied)|disagree|agree|urge|must|need(?:s)?|should not|shouldn't|cut|cuts|clos(?:e|ing|ure)|devastat\w*|dangerous|complain\w*|priorit\w+|problem\w*|rely|relies|unfair|too (?:short|long|little|late)|not enough|felt|feel|believe|think|want|experience)\b/iu;
/** Contact lines under a signature: a phone number, an address on the web or by e-mail. */
const CONTACT =
  /(?:\b(?:tel|telephone|phone|mobile|mob|email|e-mail|web|fax)\b\s*[:.]|\+?\d[\d ]{8,}\d|\bwww\.|https?:\/\/|@[\w-]+\.[\w.]+)/iu;

/**
 * True when an e-mail's new words say nothing beyond pointing at the document attached to it
 * ("Please find attached our response…", a greeting, thanks, an offer to answer questions, a
 * signature): every sentence is a greeting, a closing, a pointer at the attachment or a courtesy,
 * or a line of a name, title, organisation or contact details, and none carries a view (once its
 * courtesies are set aside: "if you need anything further" is no need). A note
 * over {@link MAX_COVER_NOTE_WORDS} words, or with any other sentence, is the sender's own say.
 */
export function isCoverNote(text: string): boolean {
  const words = text.split(/\s+/u).filter((word) => word !== '');
  if (words.length === 0 || words.length > MAX_COVER_NOTE_WORDS) return false;
  let points = false;
  for (const sentence of sentencesOf(text)) {
    const courtesy = COURTESIES.some((pattern) => pattern.test(sentence));
    const rest = COURTESIES.reduce((left, pattern) => left.replace(pattern, ' '), sentence);
    if (OPINION.test(rest)) return false;
    if (POINTER.test(sentence)) {
      points = true;
      continue;
    }
    if (GREETING.test(sentence) || CLOSING.test(sentence) || CONTACT.test(sentence)) continue;
    if (courtesy) continue;
    if (isNameLine(sentence)) continue;
    return false;
  }
  return points;
}

/** The note's sentences: its lines, each split after a full stop, question or exclamation mark. */
function sentencesOf(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .flatMap((line) => line.split(/(?<=[.!?;])\s+/u))
    .map((sentence) => sentence.trim())
    .filter((sentence) => /\p{L}/u.test(sentence));
}

/**
 * A short line of capitalised words (a name, a job title, an organisation: `Jane Smith`,
 * `Head of Policy | North Somerset CVS`), small joining words allowed, with no full sentence's
 * ending.
 */
function isNameLine(sentence: string): boolean {
  const words = sentence
    .replace(/[|,&()]/gu, ' ')
    .split(/\s+/u)
    .filter((word) => word !== '');
  if (words.length === 0 || words.length > MAX_NAME_LINE_WORDS || (/[.!?]$/u.test(sentence) && words.length > 3)) return false;
  return words.every((word) => /^(?:\p{Lu}|\d|-)/u.test(word) || /^(?:of|and|the|for|to|in|on|at|de|y|a|an)$/u.test(word));
}

/**
 * A text that is only a pointer to an attached file, as regulations.gov writes for a comment
 * submitted as files alone (`See attached file(s)`) and as people type it (`See Attached`, `Please
 * see attached comments.`, `see attachment`, `Comments attached`, `Attached`): its words are in
 * the file. A sentence beyond the pointer is the writer's own say.
 */
const ATTACHMENT_POINTER =
  /^(?:(?:please|kindly)\s+)?(?:(?:see|refer\s+to|find|view|read)\s+(?:the\s+|my\s+|our\s+)?)?(?:attached|attachments?|enclosed)(?:\s+(?:files?|file\(s\)|documents?|document\(s\)|letter|comments?|pdf|submission|response))?(?:\s+(?:for|with)\s+(?:my|our)\s+(?:comments?|response|submission))?$|^(?:(?:my|our|the)\s+)?(?:comments?|response|submission|letter|file|document)s?\s+(?:is\s+|are\s+)?(?:attached|enclosed)$/iu;

/**
 * A word every {@link ATTACHMENT_POINTER} holds: ingest asks of every record whether its text is
 * only a pointer, and this one search answers most of them (it took 0.85 s of a 400,000-record
 * ingest's 6.5 s to make every text plain first).
 */
const ATTACHMENT_WORD = /attach|enclos/iu;

/**
 * True when a text says nothing but that its words are in an attached file (see
 * {@link ATTACHMENT_POINTER}), quotes, trailing full stops and spaces aside.
 */
export function isOnlyAttachmentPointer(text: string): boolean {
  if (!ATTACHMENT_WORD.test(text)) return false;
  const words = text
    .trim()
    .replace(/^["'\u201c]+|["'\u201d]+$/gu, '')
    .replace(/[\s.!:;,-]+$/u, '')
    .replace(/\s+/gu, ' ');
  return words.length <= 80 && ATTACHMENT_POINTER.test(words);
}
