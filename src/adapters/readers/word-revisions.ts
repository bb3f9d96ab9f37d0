import { toIsoDate } from '../../record/dates.js';
import { addPiece, RevisionCollector, type RevisionPiece, type TrackedChanges } from './document-revisions.js';
import { NoteOutline } from './note-outline.js';
import { isWord, MARKUP_COMPATIBILITY, readParagraph, wordAttribute, type Styles } from './word-paragraphs.js';
import { readXmlElements, type XmlElement, type XmlName, type XmlSelection } from './xml-elements.js';
import { zipPartSource } from './zip-parts.js';

/** Selects the document's outermost paragraphs (table cells' included), outside any drawing's fallback copy. */
function selectParagraphs(path: readonly XmlName[]): XmlSelection {
  const element = path[path.length - 1];
  if (element === undefined || !isWord(element, 'p')) return 'skip';
  if (path.some((name) => name.local === 'Fallback' && name.uri === MARKUP_COMPATIBILITY)) return 'skip';
  return path.slice(0, -1).some((name) => isWord(name, 'p')) ? 'skip' : 'element';
}

/**
 * The stretches of a paragraph in order, each typed-in or struck-out one with its reviewer and
 * date; moved text read where it now stands, as the draft's; field codes and properties left out.
 * Walked with an explicit stack, so nesting costs memory, never call stack.
 */
function paragraphPieces(paragraph: XmlElement): RevisionPiece[] {
  const pieces: RevisionPiece[] = [];
  const stack: { element: XmlElement; change: RevisionPiece | null }[] = [...paragraph.children]
    .reverse()
    .map((element) => ({ element, change: null }));
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const { element, change } = entry;
    let inner = change;
    if (isWord(element)) {
      switch (element.local) {
        case 'pPr':
        case 'rPr':
        case 'instrText':
        case 'delInstrText':
        case 'moveFrom':
          continue;
        case 't':
        case 'delText': {
          addPiece(pieces, {
            kind: change?.kind ?? 'text',
            text: element.text,
            author: change?.author ?? null,
            date: change?.date ?? null,
          });
          continue;
        }
        case 'tab':
        case 'br':
        case 'cr':
          addPiece(pieces, { kind: change?.kind ?? 'text', text: ' ', author: change?.author ?? null, date: change?.date ?? null });
          continue;
        case 'ins':
        case 'del':
          inner = {
            kind: element.local,
            text: '',
            author: wordAttribute(element, 'author')?.trim() || null,
            date: toIsoDate(wordAttribute(element, 'date')),
          };
          break;
        default:
          break;
      }
    } else if (element.local === 'Fallback' && element.uri === MARKUP_COMPATIBILITY) continue;
    for (let index = element.children.length - 1; index >= 0; index -= 1) {
      stack.push({ element: element.children[index] as XmlElement, change: inner });
    }
  }
  return pieces;
}

/**
 * Reads the tracked changes of a Word document's body, paragraph by paragraph: each suggested edit
 * (a reviewer's insertions and deletions in one place, with no untouched words between them), with
 * the paragraph as the draft had it and the headings above it. Malformed XML is an InputError
 * naming the part.
 */
export async function readTrackedChanges(name: string, data: Buffer, styles: Styles): Promise<TrackedChanges> {
  const outline = new NoteOutline();
  const collector = new RevisionCollector();
  for await (const event of readXmlElements(zipPartSource(name, data), selectParagraphs)) {
    if (event.kind !== 'element') continue;
    collector.paragraph(paragraphPieces(event.element), outline.section());
    const paragraph = readParagraph(event.element, styles);
    if (paragraph.heading !== null && paragraph.text !== '') outline.setHeading(paragraph.heading, paragraph.text);
  }
  return collector.tracked;
}
