import { open } from 'node:fs/promises';

/** Bytes read at a time: small enough to stay out of V8's large-object space. */
const READ_BYTES = 64 * 1024;

const NEWLINE = 0x0a;
const RETURN = 0x0d;

/** One line of a text file with its 1-based line number. */
export interface FileLine {
  text: string;
  line: number;
}

/**
 * The lines of a UTF-8 file as `node:readline` gives them with `crlfDelay: Infinity` (a line ends
 * at `\n`, `\r\n` or a lone `\r`; no empty last line after a final break), each numbered, read in
 * 64 KiB pieces and cut with `indexOf` instead of a pattern per line. Each line is decoded on its
 * own, so a part of it kept (a record's text) keeps only its line alive, not the whole read.
 * Empty lines are counted but not yielded. A file that is not there has no lines.
 */
export async function* readFileLines(path: string): AsyncIterable<FileLine> {
  for await (const batch of readFileLineBatches(path)) yield* batch;
}

/** {@link readFileLines}, the lines of each read at once (a read that ends no line gives none). */
export async function* readFileLineBatches(path: string): AsyncIterable<FileLine[]> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    const chunk = Buffer.allocUnsafe(READ_BYTES);
    const counter = { line: 0 };
    let held: Buffer[] = [];
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, READ_BYTES, null);
      if (bytesRead === 0) break;
      const data = chunk.subarray(0, bytesRead);
      const batch: FileLine[] = [];
      let from = 0;
      for (let to = data.indexOf(NEWLINE, from); to !== -1; to = data.indexOf(NEWLINE, from)) {
        const piece =
          held.length === 0 ? data.toString('utf8', from, to) : Buffer.concat([...held, data.subarray(from, to)]).toString('utf8');
        held = [];
        from = to + 1;
        if (piece.includes('\r')) {
          for (const line of piecesOf(piece, counter)) batch.push(line);
        } else {
          counter.line += 1;
          if (piece !== '') batch.push({ text: piece, line: counter.line });
        }
      }
      if (from < bytesRead) held.push(Buffer.from(data.subarray(from)));
      if (batch.length > 0) yield batch;
    }
    const rest = Buffer.concat(held).toString('utf8');
    if (rest !== '') yield [...piecesOf(rest, counter)];
  } finally {
    await handle.close();
  }
}

/** The lines of a piece of text that ended at a `\n` (or at the end of the file), numbered on from `counter`. */
function* piecesOf(piece: string, counter: { line: number }): Iterable<FileLine> {
  const text = piece.charCodeAt(piece.length - 1) === RETURN ? piece.slice(0, -1) : piece;
  if (!text.includes('\r')) {
    counter.line += 1;
    if (text !== '') yield { text, line: counter.line };
    return;
  }
  for (const part of text.split('\r')) {
    counter.line += 1;
    if (part !== '') yield { text: part, line: counter.line };
  }
}
