import { DICTIONARY_WORDS } from './dictionary-words.js';

let dictionary: ReadonlySet<string> | null = null;

function loadDictionary(): ReadonlySet<string> {
  dictionary ??= new Set(DICTIONARY_WORDS.join(' ').split(' '));
  return dictionary;
}

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
  const words = loadDictionary();
  const spellings = [lower];
  for (const [british, american] of BRITISH_ENDINGS) {
    if (lower.endsWith(british)) spellings.push(lower.slice(0, -british.length) + american);
  }
  return spellings.some((spelling) => lemmaForms(spelling).some((form) => words.has(form)));
}
