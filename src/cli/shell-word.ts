/**
 * A word of a command line as a POSIX shell reads it back: as it is when it holds only plain path
 * and flag characters, else in single quotes (a quote inside written `'\''`), so that a command
 * tlap prints to run next runs as printed.
 */
export function shellWord(word: string): string {
  return /^[\w./@%+=:,-]+$/u.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
