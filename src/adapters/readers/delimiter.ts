/** The delimiters a delimited table may use, in order of preference when counts tie. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** One of {@link DELIMITERS}. */
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Picks the delimiter of a delimited table from its first lines: the one that splits the most
 * lines into the same number of fields (more than one), counting only outside quotes. Lines the
 * delimiter does not split at all (a title such as `Consultation responses` above the header, a
 * blank line) neither count for nor against it. A first line `sep=;`, which Excel writes and
 * reads to name the delimiter, decides.
 */
export function sniffDelimiter(headText: string, extension = ''): Delimiter {
  if (extension === '.tsv' || extension === '.tab') return '\t';
  const declared = declaredDelimiter(headText);
  if (declared !== null) return declared;
  const lines = headText
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, 20);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const first = counts.find((count) => count > 0) ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((count) => count === first).length;
    const score = consistent * 1000 + first;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const character of line) {
    if (character === '"') quoted = !quoted;
    else if (character === delimiter && !quoted) count += 1;
  }
  return count;
}

/** The `sep=X` line Excel writes above a table to name its delimiter, as a whole line. */
const SEPARATOR_LINE = /^sep=(.)\r?$/i;

/** The delimiter a first line `sep=;` names (Excel's own hint), or null when there is none or it names another character. */
export function declaredDelimiter(headText: string): Delimiter | null {
  const newline = headText.indexOf('\n');
  const first = SEPARATOR_LINE.exec(newline === -1 ? headText : headText.slice(0, newline));
  const named = first?.[1];
  return DELIMITERS.find((delimiter) => delimiter === named) ?? null;
}
