#!/usr/bin/env node
// Writes src/privacy/lexicon-words.ts: the words of compromise's lexicon that name detection looks
// up (those without white space: it looks up single capitalised words), split into those tagged as
// a name and the others, so that a run needs compromise itself only for a sentence it must tag.
// Run it after upgrading compromise (test/privacy/lexicon-words.test.ts fails until then):
//   node scripts/lexicon-words.js
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The tags that make a lexicon word a name, for name detection. */
export const NAME_TAGS = ['FirstName', 'FemaleName', 'MaleName', 'LastName', 'Person', 'Honorific'];

/** The lexicon words without white space, as [names, others], each sorted. */
export function lexiconWords(lexicon) {
  const names = [];
  const others = [];
  for (const [word, tags] of Object.entries(lexicon)) {
    if (/\s/u.test(word)) continue;
    const isName = (typeof tags === 'string' ? [tags] : tags).some((tag) => NAME_TAGS.includes(tag));
    (isName ? names : others).push(word);
  }
  return [names.sort(), others.sort()];
}

/**
 * The words compromise's switches say may be a person or another thing (`Person|Noun`: `dawn`,
 * `holly`; `Person|Verb`: `sue`, `pat`; `Person|Adj`: `frank`; `Person|Date`: `june`), sorted:
 * given names that are also common words, which its lexicon files under the other word. Those
 * that may be a person or a place (`Person|Place`: `kent`, `sydney`) are left out: in UK feedback
 * they are the place.
 */
export function ambiguousNames(switches) {
  return Object.entries(switches)
    .filter(([word, kind]) => kind.startsWith('Person|') && kind !== 'Person|Place' && !/\s/u.test(word))
    .map(([word]) => word)
    .sort();
}

/** Words as the lines of a TypeScript array of strings, each line up to about 100 characters. */
export function lines(words) {
  const out = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && line.length + word.length > 100) {
      out.push(line);
      line = '';
    }
    line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') out.push(line);
  return out.map((text) => `  ${JSON.stringify(text)},`).join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const require = createRequire(import.meta.url);
  const compromise = require('compromise');
  const { version } = compromise;
  const [names, others] = lexiconWords(compromise.model().one.lexicon);
  const ambiguous = ambiguousNames(compromise.model().two.switches);
  const target = fileURLToPath(new URL('../src/privacy/lexicon-words.ts', import.meta.url));
  writeFileSync(
    target,
    `// Written by scripts/lexicon-words.js from compromise ${version}; test/privacy/lexicon-words.test.ts checks it against compromise.

/** The compromise version the word lists were taken from. */
export const LEXICON_VERSION = ${JSON.stringify(version)};

/** The tags that make a lexicon word a name. */
export const LEXICON_NAME_TAGS: readonly string[] = ${JSON.stringify(NAME_TAGS)};

/** compromise's lexicon words (without white space) tagged with one of {@link LEXICON_NAME_TAGS}, space-separated lines. */
export const LEXICON_NAMES: readonly string[] = [
${lines(names)}
];

/** compromise's other lexicon words (without white space), space-separated lines. */
export const LEXICON_OTHER_WORDS: readonly string[] = [
${lines(others)}
];

/**
 * The words compromise's switches say may be a person or another thing (\`Person|Noun\`,
 * \`Person|Verb\`, \`Person|Adj\`, \`Person|Date\`: \`dawn\`, \`sue\`, \`frank\`, \`june\`; not
 * \`Person|Place\`), space-separated lines: given names its lexicon files as another word.
 */
export const LEXICON_AMBIGUOUS_NAMES: readonly string[] = [
${lines(ambiguous)}
];
`,
  );
  process.stdout.write(
    `wrote ${target}: ${names.length} names, ${others.length} other words, ${ambiguous.length} words that may be names\n`,
  );
}
