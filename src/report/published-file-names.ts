/** The prefix {@link recordSource} gives a source that is an export file. */
const FILE_SOURCE = 'file: ';

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
