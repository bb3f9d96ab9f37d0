import type { AdapterItem } from '../format-adapter.js';
import { parseSpeakerLabel } from './speaker-label.js';
import { looksLikeSpeakerTranscript, SPEAKER_SNIFF_LINES, TranscriptTextReader } from './typed-transcript.js';

/** A paragraph's lines, numbered by the paragraph they are in (counting those with text, as notes are). */
export interface NumberedLine {
  text: string;
  paragraph: number;
}

/**
 * The lines of a document that is a speaker transcript (a Teams meeting transcript downloaded as
 * .docx: `Jane Smith   0:03` then what she said), or null when it is not one, from the text of
 * each of its paragraphs in order. Each paragraph ends with a blank line, as a typed transcript's
 * do, except a speaker label alone, which heads the paragraph after it; the document is a
 * transcript when most of those paragraphs start with a speaker label, from two or more speakers,
 * in its first lines as in a text file's. A document that is not one is read no further than
 * those lines. An error reading the paragraphs is the caller's.
 */
export async function speakerTranscriptLines(paragraphs: AsyncIterable<string> | Iterable<string>): Promise<NumberedLine[] | null> {
  const lines: NumberedLine[] = [];
  let paragraph = 0;
  for await (const text of paragraphs) {
    if (text === '') continue;
    paragraph += 1;
    const before = lines.length;
    for (const line of text.split('\n')) lines.push({ text: line, paragraph });
    const labelOnly = !text.includes('\n') && parseSpeakerLabel(text)?.rest.trim() === '';
    if (!labelOnly) lines.push({ text: '', paragraph });
    if (before < SPEAKER_SNIFF_LINES && lines.length >= SPEAKER_SNIFF_LINES && !isTranscript(lines)) return null;
  }
  return isTranscript(lines) ? lines : null;
}

/** Whether the first {@link SPEAKER_SNIFF_LINES} lines make a speaker transcript, as they do for a text file. */
function isTranscript(lines: readonly NumberedLine[]): boolean {
  return looksLikeSpeakerTranscript(lines.slice(0, SPEAKER_SNIFF_LINES).map((line) => line.text));
}

/**
 * A speaker transcript's turns, read as a typed transcript's are (channel `transcript`), located by
 * paragraph and dated, as notes are, by when the document was created (Teams makes it at the meeting).
 */
export function* transcriptItems(file: string, lines: readonly NumberedLine[], date: string | null): Iterable<AdapterItem> {
  const reader = new TranscriptTextReader(file);
  const located = (item: AdapterItem): AdapterItem => {
    if (item.kind === 'record') {
      const { line, ...provenance } = item.draft.provenance;
      const dated = date === null ? {} : { date };
      return {
        kind: 'record',
        draft: { ...item.draft, ...dated, channel: 'transcript', provenance: { ...provenance, part: `paragraph ${line ?? 0}` } },
      };
    }
    if (item.kind === 'filtered' || item.kind === 'rejected' || item.kind === 'warning') {
      const { line, ...provenance } = item.provenance;
      return line === undefined ? item : { ...item, provenance: { ...provenance, part: `paragraph ${line}` } };
    }
    return item;
  };
  for (const line of lines) yield* [...reader.feed({ text: line.text, line: line.paragraph })].map(located);
  yield* [...reader.end()].map(located);
}
