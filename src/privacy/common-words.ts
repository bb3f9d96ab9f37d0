import { DICTIONARY_WORDS } from './dictionary-words.js';

/** The first word of a line of {@link DICTIONARY_WORDS}. */
function firstWord(line: string): string {
  const space = line.indexOf(' ');
  return space === -1 ? line : line.slice(0, space);
}

/**
 * Whether WordNet lists a word (lower case), found by a binary search of the sorted lines and a look
 * along the one that may hold it: no set of 77,000 words is built in each thread that asks.
 */
function isDictionaryWord(word: string): boolean {
  let low = 0;
  let high = DICTIONARY_WORDS.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (firstWord(DICTIONARY_WORDS[middle] ?? '') <= word) low = middle;
    else high = middle - 1;
  }
  const line = DICTIONARY_WORDS[low] ?? '';
  let at = line.indexOf(word);
  while (at !== -1) {
    const end = at + word.length;
    if ((at === 0 || line.charCodeAt(at - 1) === SPACE) && (end === line.length || line.charCodeAt(end) === SPACE)) return true;
    at = line.indexOf(word, at + 1);
  }
  return false;
}

const SPACE = 0x20;

/** British spellings WordNet gives in their American form, as [ending, its American form]. */
const BRITISH_ENDINGS: readonly (readonly [string, string])[] = [
  ['isation', 'ization'],
  ['isations', 'izations'],
  ['ise', 'ize'],
  ['ised', 'ized'],
  ['ises', 'izes'],
  ['ising', 'izing'],
  ['our', 'or'],
  ['ours', 'ors'],
  ['ourhood', 'orhood'],
  ['tre', 'ter'],
  ['tres', 'ters'],
  ['ogue', 'og'],
];

/** Inflectional endings and what a lemma ends in instead (`carers` → `carer`, `signposting` → `signpost`, `cities` → `city`). */
const INFLECTIONS: readonly (readonly [string, string])[] = [
  ['ies', 'y'],
  ['ied', 'y'],
  ['es', ''],
  ['s', ''],
  ['ed', ''],
  ['ed', 'e'],
  ['d', ''],
  ['ing', ''],
  ['ing', 'e'],
  ['ly', ''],
  ['ily', 'y'],
  ['er', ''],
  ['est', ''],
];

function lemmaForms(word: string): string[] {
  const forms = [word];
  for (const [ending, lemma] of INFLECTIONS) {
    if (word.length > ending.length + 2 && word.endsWith(ending)) forms.push(word.slice(0, -ending.length) + lemma);
  }
  return forms;
}

/**
 * True when a word (any letter case) is a common English word: one of WordNet's lemmas, as
 * written, with an inflection taken off (`carers`, `signposting`), or in its American spelling
 * (`personalisation`, `neighbourhood`). What a capitalised word no name lexicon lists is read as
 * before it is taken for a name that may be someone's (`Community`, `Mental` opening a sentence;
 * not `Kaelynn`). WordNet also holds some famous people's names; a given name tlap lists is looked
 * up in its own lexicons first.
 */
export function isCommonEnglishWord(word: string): boolean {
  const lower = word.toLowerCase();
  const spellings = [lower];
  for (const [british, american] of BRITISH_ENDINGS) {
    if (lower.endsWith(british)) spellings.push(lower.slice(0, -british.length) + american);
  }
  return spellings.some((spelling) => lemmaForms(spelling).some(isDictionaryWord));
}
