import { isNameLikeWord } from '../privacy/person-names.js';
import { REDACTION_TOKENS } from '../privacy/personal-data-kinds.js';

/** The prefix {@link recordSource} gives a source that is an export file. */
export const FILE_SOURCE = 'file: ';

/**
 * A path from the root of a file system (`/home/…`, `C:\Users\…`, `\\server\share\…`), or one
 * that climbs out of the folder it was given in (`../../home/jane.smith/…`): either may hold the
 * names of folders above the exports, a home folder among them.
 */
function reachesAboveExports(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\\\') || /^[A-Za-z]:[\\/]/.test(path) || /(?:^|[\\/])\.\.(?:[\\/]|$)/.test(path);
}

function pathParts(path: string): string[] {
  return path.split(/[\\/]+/).filter((part) => part !== '' && part !== '.' && part !== '..');
}

/**
 * How a published report names the export files among `sources` (the keys of its "by source"
 * tables: `file: …`, `post: …`, `thread: …`). A file stored by an absolute path, as a shell
 * writes `~/Downloads/survey.csv`, would print the analyst's folders and user name; it is named
 * instead by the fewest trailing parts of its path that tell it apart from every other source
 * (`file: survey.csv`, or `file: trust-a/survey.csv` beside `file: trust-b/survey.csv`). A path
 * given relative to the analyst's folder is printed as stored. The names depend only on the set of
 * sources, not their order, so the same store always prints the same names.
 *
 * @returns each renamed source's published name; sources not in it print as they are.
 */
export function publishedFileNames(sources: Iterable<string>): Map<string, string> {
  const absolute: { source: string; parts: string[] }[] = [];
  const taken = new Set<string>();
  for (const source of new Set(sources)) {
    const path = source.startsWith(FILE_SOURCE) ? source.slice(FILE_SOURCE.length) : null;
    if (path !== null && reachesAboveExports(path)) absolute.push({ source, parts: pathParts(path) });
    else taken.add(source);
  }
  const names = new Map<string, string>();
  if (absolute.length === 0) return names;
  const nameOf = (parts: readonly string[], depth: number): string => `${FILE_SOURCE}${parts.slice(-depth).join('/')}`;
  let pending = absolute.map((entry) => ({ ...entry, depth: 1 }));
  while (pending.length > 0) {
    const holders = new Map<string, number>();
    for (const entry of pending) {
      const name = nameOf(entry.parts, entry.depth);
      holders.set(name, (holders.get(name) ?? 0) + 1);
    }
    const clashing: typeof pending = [];
    for (const entry of pending) {
      const name = nameOf(entry.parts, entry.depth);
      const whole = entry.depth >= entry.parts.length;
      if (whole || ((holders.get(name) ?? 0) === 1 && !taken.has(name))) {
        names.set(entry.source, name);
      } else {
        clashing.push({ ...entry, depth: entry.depth + 1 });
      }
    }
    pending = clashing;
  }
  return names;
}

/**
 * The codebook's file as a published report names it: a path given from the root of the file
 * system is cut to the file's own name, for the same reason as {@link publishedFileNames}.
 */
export function publishedCodebookFile(file: string): string {
  return reachesAboveExports(file) ? (pathParts(file).at(-1) ?? file) : file;
}

/**
 * A `--source` glob as a published report's selection names it: one given from the root of the
 * file system or climbing out with `..` (`/home/jane.smith/exports/*.csv`) is cut to its last
 * part (`*.csv`; `…/**` for a last part of wildcards only), for the same reason as
 * {@link publishedFileNames}: every folder above it may be a home folder.
 */
export function publishedSourceGlob(glob: string): string {
  if (!reachesAboveExports(glob)) return glob;
  const last = pathParts(glob).at(-1) ?? '';
  return /^[*?]*$/u.test(last) ? `…/${last}` : last;
}

/** A file's extension (`.csv`, `.eml`, `.tar.gz` is read as `.gz`), kept as written when the name before it is redacted. */
const EXTENSION = /\.[A-Za-z0-9]{1,5}$/u;
/** Marks that file names use between words (`priya_sharma`, `Response-Jane-Smith`, `Jane.Smith`, `Jane+Smith`). */
const NAME_SEPARATORS = /[_.+\-]+/gu;

/**
 * A file source (`file: exports/responses/Margaret Okafor.csv`) as a published report prints it:
 * each part of the path is redacted as people's words are, since a folder of one response per file
 * is often named by who sent each (`Response from Mrs Okafor.docx`, `WhatsApp Chat with Jane
 * Smith.txt`, `sandra.m@example.com.eml`). A part is read as written, then, when that finds
 * nothing, with the marks file names put between words (`_ - . +`) read as spaces
 * (`Kwame_Mensah` as `Kwame Mensah`); a part in which either reading finds personal data is
 * printed as that reading redacted (`[name].csv`, `notes - call with [name].txt`), its extension kept.
 * Parts in which nothing is found print as written, so `file: exports/survey.csv` is unchanged.
 * Any other source is returned as it is.
 */
export function redactedFileSource(source: string, redact: (text: string) => string): string {
  if (!source.startsWith(FILE_SOURCE)) return source;
  const parts = source.slice(FILE_SOURCE.length).split('/');
  return FILE_SOURCE + parts.map((part, index) => redactedPathPart(part, index === parts.length - 1, redact)).join('/');
}

function redactedPathPart(part: string, isFile: boolean, redact: (text: string) => string): string {
  const extension = isFile ? (EXTENSION.exec(part)?.[0] ?? '') : '';
  const stem = part.slice(0, part.length - extension.length);
  if (stem === '') return part;
  const asWritten = redact(stem);
  if (asWritten !== stem) return withGivenNameBefore(asWritten) + extension;
  const spaced = stem.replace(NAME_SEPARATORS, ' ').trim();
  if (spaced === stem) return part;
  const asWords = redact(spaced);
  return asWords === spaced ? part : withGivenNameBefore(asWords) + extension;
}

/** A capitalised word right before a name redacted in a file's name. */
const WORD_BEFORE_NAME = /(?<![\p{L}\p{M}\p{N}'’-])(\p{Lu}[\p{Ll}\p{M}]+)[ \t]+\[name\]/gu;

/**
 * A file's name redacted, with a word that may be a name right before a name redacted taken too:
 * a name alone, with no sentence around it, is read by its surname only (`Priya Sharma` as
 * `Priya [name]`). A word compromise's lexicon does not know goes too (`Response_Kwame_Mensah` is
 * published `[name]`): in a file's name that already names someone, that loses little.
 */
function withGivenNameBefore(redacted: string): string {
  return redacted.replace(WORD_BEFORE_NAME, (found: string, word: string) => (isNameLikeWord(word) ? REDACTION_TOKENS.name : found));
}
