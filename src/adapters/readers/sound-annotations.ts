/**
 * The first words of the bracketed notes transcribers add for sounds and gaps, not speech:
 * `[Music]`, `(laughs)`, `[inaudible 00:12:03]`, `[crosstalk]`, `[BLANK_AUDIO]`.
 */
const SOUND_WORDS = [
  'applause',
  'applauding',
  'background',
  'beep',
  'beeping',
  'blank_audio',
  'bleep',
  'cheering',
  'cheers',
  'chuckles',
  'chuckling',
  'clapping',
  'cough',
  'coughing',
  'coughs',
  'cross-talk',
  'crosstalk',
  'foreign',
  'giggles',
  'giggling',
  'inaudible',
  'indistinct',
  'laugh',
  'laughing',
  'laughs',
  'laughter',
  'music',
  'no audio',
  'noise',
  'overlapping',
  'pause',
  'pauses',
  'sighs',
  'sighing',
  'silence',
  'sniffs',
  'sound',
  'sounds',
  'speaking foreign language',
  'static',
  'unintelligible',
];

const SOUND_NOTE = new RegExp(
  String.raw`[\[(]\s*(?:${SOUND_WORDS.map((word) => word.replace(/[-_]/g, '[-_ ]')).join('|')})\b[^\[\]()]{0,40}[\])]`,
  'giu',
);

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
