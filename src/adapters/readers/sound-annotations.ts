/**
 * The first words of the bracketed notes transcribers add for sounds and gaps, not speech:
 * `[Music]`, `(laughs)`, `[inaudible 00:12:03]`, `[crosstalk]`, `[BLANK_AUDIO]`.
 */
const SOUND_WORDS = [
  'applauding',
  'applause',
  'background',
  'beep',
  'beeping',
  'blank_audio',
  'bleep',
  'breathing',
  'chatter',
  'chattering',
  'cheering',
  'cheers',
  'chuckles',
  'chuckling',
  'clapping',
  'clears throat',
  'cough',
  'coughing',
  'coughs',
  'cross-talk',
  'crosstalk',
  'crying',
  'exhales',
  'foreign',
  'gasping',
  'gasps',
  'giggles',
  'giggling',
  'groaning',
  'groans',
  'grunts',
  'inaudible',
  'indistinct',
  'inhales',
  'laugh',
  'laughing',
  'laughs',
  'laughter',
  'murmuring',
  'music',
  'no audio',
  'noise',
  'overlapping',
  'panting',
  'pause',
  'pauses',
  'screaming',
  'screams',
  'shouting',
  'sighing',
  'sighs',
  'silence',
  'sniffles',
  'sniffs',
  'sobbing',
  'sobs',
  'sound',
  'sounds',
  'speaking foreign language',
  'static',
  'unintelligible',
  'whispering',
  'whispers',
  'yelling',
];

const SOUND_NOTE = new RegExp(
  String.raw`[\[(]\s*(?:${SOUND_WORDS.map((word) => word.replace(/[-_]/g, '[-_ ]')).join('|')})\b[^\[\]()]{0,40}[\])]`,
  'giu',
);

/** True when `text` is one transcriber's note for a sound or gap and nothing else: `[Music]`, `(laughs)`. */
export function isSoundNote(text: string): boolean {
  return removeSoundAnnotations(text).trim() === '' && text.trim() !== '';
}

/** Meeting-corpus markers in braces (AMI, ICSI): `{vocalsound}`, `{disfmarker}`, `{gap}`, `{pause}`. */
const BRACED_MARKER = /\{[a-z_]+\}/g;

/** A clock time in brackets, written into the middle of a transcript: `[00:12:03]`, `(1:02)`. */
const BRACKETED_TIME = /[[(]\s*(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\s*[\])]/g;

/** Marks where a note was cut, so the space it leaves can be closed up before punctuation. */
const CUT = '\u0000';

/**
 * Removes transcribers' notes for sounds and gaps (`[Music]`, `(laughs)`, `[inaudible 00:12:03]`,
 * `[crosstalk]`, `{vocalsound}`, `{disfmarker}`) and bracketed clock times from spoken text, closing
 * up the space a note leaves before punctuation; other brackets, which may hold a
 * speaker's own words or an editor's clarification, are kept.
 */
export function removeSoundAnnotations(text: string): string {
  if (!text.includes('[') && !text.includes('(') && !text.includes('{')) return text;
  return text
    .replace(SOUND_NOTE, CUT)
    .replace(BRACED_MARKER, CUT)
    .replace(BRACKETED_TIME, CUT)
    .replace(/[ \t]*\u0000[\s\u0000]*(?=[.,!?;:…]|$)/g, '')
    .replace(/^[\s\u0000]+/, '')
    .replace(/[ \t]*\u0000[\s\u0000]*/g, ' ');
}
