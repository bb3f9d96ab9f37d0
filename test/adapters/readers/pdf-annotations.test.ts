import { describe, expect, test } from '@jest/globals';
import { pdfDate } from '../../../src/adapters/formats/pdf-document.js';
import {
  holdsReviewNotes,
  markupAnnotations,
  reviewComments,
  sectionsOf,
  typedFields,
  type PdfMarkup,
} from '../../../src/adapters/readers/pdf-annotations.js';
import type { PdfParagraph, PdfTextRun } from '../../../src/adapters/readers/pdf-layout.js';

/** An annotation as pdfjs's getAnnotations() gives one, with a reviewer's sticky note unless told otherwise. */
function annotationData(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '10R',
    subtype: 'Text',
    titleObj: { str: 'Priya Shah', dir: 'ltr' },
    contentsObj: { str: 'Say who the named contact is.', dir: 'ltr' },
    creationDate: "D:20240307143000+00'00'",
    modificationDate: null,
    rect: [40, 700, 60, 716],
    ...fields,
  };
}

/** A run of the page's text on the baseline `y`. */
function run(text: string, y: number, x = 72): PdfTextRun {
  return { text, x, y, width: text.length * 5.5, size: 11, endsLine: true };
}

const PAGE_RUNS = [run('Everyone will have a named contact who knows them.', 704), run('We will publish what we hear.', 680)];

function reviewOf(markups: readonly PdfMarkup[], runs: readonly PdfTextRun[] = PAGE_RUNS) {
  return reviewComments('draft.pdf', [{ page: 1, markups, runs }]);
}

describe('markupAnnotations', () => {
  test('reads a note’s reviewer, date, words and box; links, widgets and pop-ups are no notes', () => {
    const markups = markupAnnotations(
      [
        annotationData(),
        annotationData({ id: '11R', subtype: 'Link' }),
        annotationData({ id: '12R', subtype: 'Widget' }),
        annotationData({ id: '13R', subtype: 'Popup' }),
      ],
      pdfDate,
    );
    expect(markups).toEqual([
      {
        id: '10R',
        subtype: 'Text',
        author: 'Priya Shah',
        date: '2024-03-07T14:30:00.000Z',
        text: 'Say who the named contact is.',
        rect: [40, 700, 60, 716],
        quads: null,
        inReplyTo: null,
        replyType: null,
        intent: null,
      },
    ]);
  });

  test('values of the wrong type are read as absent, never a crash', () => {
    const markups = markupAnnotations(
      [
        annotationData({ titleObj: 7, contentsObj: { str: 3 }, creationDate: 'yesterday', rect: [1, Number.NaN, 3, 4], quadPoints: ['a'] }),
        annotationData({ id: 5 }),
        null,
        'text',
      ],
      pdfDate,
    );
    expect(markups).toEqual([expect.objectContaining({ author: null, date: null, text: '', rect: null, quads: null })]);
  });
});

describe('reviewComments', () => {
  test('a sticky note is on the line beside it; a reply answers it and has no words of its own', () => {
    const [note, reply] = markupAnnotations(
      [annotationData(), annotationData({ id: '14R', inReplyTo: '10R', replyType: 'R', contentsObj: { str: 'Agreed.' } })],
      pdfDate,
    );
    if (note === undefined || reply === undefined) throw new Error('two notes');
    const review = reviewOf([note, reply]);
    expect(review.comments.map((comment) => [comment.text, comment.parentThreadId, comment.place])).toEqual([
      ['Say who the named contact is.', null, 'page 1'],
      ['Agreed.', '10R', 'page 1'],
    ]);
    expect([...review.anchors]).toEqual([['10R', { text: 'Everyone will have a named contact who knows them.', section: '' }]]);
  });

  test('a reply to a note that is not there is a note of its own', () => {
    const markups = markupAnnotations([annotationData({ inReplyTo: '99R', replyType: 'R' })], pdfDate);
    expect(reviewOf(markups).comments.map((comment) => comment.parentThreadId)).toEqual([null]);
  });

  test('a highlight is on the words inside its quadrilaterals only', () => {
    const markups = markupAnnotations(
      [annotationData({ subtype: 'Highlight', quadPoints: new Float32Array([176, 713, 258, 713, 176, 701, 258, 701]) })],
      pdfDate,
    );
    expect([...reviewOf(markups).anchors.values()].map((anchor) => anchor.text)).toEqual(['a named contact']);
  });

  test('a text box typed onto a page is an answer on a form, unless the page is a reviewed draft', () => {
    const typed = markupAnnotations(
      [annotationData({ subtype: 'FreeText', it: 'FreeTextTypeWriter', contentsObj: { str: 'Ceri Example' }, rect: [110, 690, 300, 704] })],
      pdfDate,
    );
    expect(holdsReviewNotes(typed)).toBe(false);
    expect(typedFields(typed)).toEqual([
      { value: 'Ceri Example', label: '', left: 110, bottom: 690, right: 300, top: 704, multiline: false },
    ]);
    const callout = markupAnnotations([annotationData({ subtype: 'FreeText', it: 'FreeTextCallout' })], pdfDate);
    expect(holdsReviewNotes(callout)).toBe(true);
    expect(typedFields(callout)).toEqual([]);
  });

  test('a highlight over every word of a crowded page keeps its note, without the words, past the page’s budget', () => {
    const runs = Array.from({ length: 5000 }, (_, index) => run(`line ${index}`, 800 - (index % 700)));
    const quads = new Float32Array(2000 * 8).map((_, index) => (index % 2 === 0 ? 72 + (index % 16) : 700));
    const markups = markupAnnotations(
      Array.from({ length: 3 }, (_, index) => annotationData({ id: `${index}R`, subtype: 'Highlight', quadPoints: quads })),
      pdfDate,
    );
    const review = reviewOf(markups, runs);
    expect(review.comments).toHaveLength(3);
    expect(review.anchors.size).toBe(2);
  });
});

describe('sectionsOf', () => {
  /** A paragraph of a page: a heading of `level`, or body text. */
  function paragraph(page: number, top: number, text: string, level: number | null = null): PdfParagraph {
    return { page, number: 1, top, text, kind: level === null ? 'text' : 'heading', heading: level, listLevel: null };
  }

  test('a place is under the headings above it, on its page or before; a heading replaces those of its level and below', () => {
    const sectionAt = sectionsOf([
      paragraph(1, 800, 'Draft agreement', 1),
      paragraph(1, 760, 'Our commitments', 2),
      paragraph(1, 700, 'Budgets are shared.'),
      paragraph(1, 500, 'How we will know', 2),
      paragraph(2, 780, 'Annex', 1),
    ]);
    expect(sectionAt(1, 810)).toBe('');
    expect(sectionAt(1, 705)).toBe('Draft agreement › Our commitments');
    expect(sectionAt(1, 300)).toBe('Draft agreement › How we will know');
    expect(sectionAt(2, 790)).toBe('Draft agreement › How we will know');
    expect(sectionAt(2, 100)).toBe('Annex');
    expect(sectionAt(3, 500)).toBe('Annex');
  });
});
