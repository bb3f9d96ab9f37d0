/**
 * What is left of a lower-case word without a regular English inflection: `communities` →
 * `community`, `looked` / `looking` → `look`, `stopped` → `stop`. A rough lemma, used only to tell
 * a keyword's own forms from other words that share its Porter stem.
 */
function inflectionRoot(word: string): string {
  let root = word;
  if (root.length > 4 && /ie[sd]$/.test(root)) root = `${root.slice(0, -3)}y`;
  else if (root.length > 5 && root.endsWith('ing')) root = root.slice(0, -3);
  else if (root.length > 4 && root.endsWith('ed')) root = root.slice(0, -2);
  else if (root.length > 4 && root.endsWith('es') && /(?:s|x|z|ch|sh)es$/.test(root)) root = root.slice(0, -2);
  else if (root.length > 3 && root.endsWith('s') && !root.endsWith('ss')) root = root.slice(0, -1);
  if (root !== word && /([b-df-hj-np-tv-z])\1$/.test(root) && !/(?:ll|ss|ff|zz)$/.test(root)) root = root.slice(0, -1);
  return root;
}

/** Words at least this long that differ by one letter are read as one misspelt: shorter ones are often two words (`police`, `policy`). */
const MISSPELLING_MIN_LETTERS = 7;

function sameLemma(a: string, b: string): boolean {
  const rootA = inflectionRoot(a);
  const rootB = inflectionRoot(b);
  if (rootA === rootB || `${rootA}e` === rootB || rootA === `${rootB}e`) return true;
  return Math.min(a.length, b.length) >= MISSPELLING_MIN_LETTERS && withinOneEdit(a, b);
}

/** Whether one letter added, dropped, changed, or two neighbours swapped, makes `a` into `b` (`excellant`, `recieved`). */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const differA = endA - start;
  const differB = endB - start;
  if (differA <= 1 && differB <= 1) return true;
  return differA === 2 && differB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start];
}

/**
 * True when `words` (as matched in a record) are the keyword's own words, a regular inflection of
 * each (`carers` for `carer`, `looked after` for `looking after`) or a one-letter misspelling of a
 * word of seven letters or more (`excellant` for `excellent`); false when the stemmer joined
 * two different words (`communication` for `community`, `consultant` for `consultation`).
 */
export function isFormOfKeyword(keyword: string, words: string): boolean {
  const keywordWords = keyword
    .toLowerCase()
    .split(/[^\p{L}\p{N}*]+/u)
    .filter((word) => word !== '');
  const matchedWords = words
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  if (keywordWords.length !== matchedWords.length) return true;
  return keywordWords.every((word, index) => {
    const matched = matchedWords[index] ?? '';
    if (word.endsWith('*')) return true;
    return sameLemma(word, matched);
  });
}
