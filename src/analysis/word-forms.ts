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

function sameLemma(a: string, b: string): boolean {
  const rootA = inflectionRoot(a);
  const rootB = inflectionRoot(b);
  return rootA === rootB || `${rootA}e` === rootB || rootA === `${rootB}e`;
}

/**
 * True when `words` (as matched in a record) are the keyword's own words or a regular inflection of
 * each (`carers` for `carer`, `looked after` for `looking after`); false when the stemmer joined
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
