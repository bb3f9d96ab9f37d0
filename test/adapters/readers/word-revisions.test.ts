import { describe, expect, test } from '@jest/globals';
import { suggestedEdits, trackedChangeItems } from '../../../src/adapters/readers/document-revisions.js';
import { readTrackedChanges } from '../../../src/adapters/readers/word-revisions.js';
import { documentXml, paragraph } from '../../builders/docx-documents.js';

/** A tracked insertion (`w:ins`) or deletion (`w:del`) by `author`, as Word writes one. */
function change(kind: 'ins' | 'del', author: string, text: string, date = '2024-03-06T09:30:00Z'): string {
  const words = kind === 'ins' ? `<w:t xml:space="preserve">${text}</w:t>` : `<w:delText xml:space="preserve">${text}</w:delText>`;
  return `<w:${kind} w:id="1" w:author="${author}" w:date="${date}"><w:r>${words}</w:r></w:${kind}>`;
}

function words(text: string): string {
  return `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
}

async function changesOf(...paragraphs: string[]) {
  return readTrackedChanges('word/document.xml', Buffer.from(documentXml(paragraphs.join(''))), new Map());
}

describe('readTrackedChanges', () => {
  test('a deletion and the insertion beside it by one reviewer are one edit, with the paragraph as the draft had it', async () => {
    const tracked = await changesOf(
      `<w:p>${words('We will publish ')}${change('del', 'Sam Osei', 'what we learn')}${change('ins', 'Sam Osei', 'what people tell us')}${words(' every year.')}</w:p>`,
    );
    expect(tracked.changes).toEqual([
      {
        author: 'Sam Osei',
        date: '2024-03-06T09:30:00.000Z',
        inserted: 'what people tell us',
        deleted: 'what we learn',
        paragraph: 'We will publish what we learn every year.',
        section: '',
      },
    ]);
  });

  test('edits apart in a paragraph, or by two reviewers side by side, are edits of their own', async () => {
    const tracked = await changesOf(
      `<w:p>${change('ins', 'Sam Osei', 'Together, ')}${words('we will publish ')}${change('ins', 'Sam Osei', 'in plain English ')}${change('ins', 'Priya Shah', 'and in Welsh ')}${words('what we learn.')}</w:p>`,
    );
    expect(tracked.changes.map((edit) => [edit.author, edit.inserted])).toEqual([
      ['Sam Osei', 'Together,'],
      ['Sam Osei', 'in plain English'],
      ['Priya Shah', 'and in Welsh'],
    ]);
  });

  test('moved text is read where it now stands, as the draft’s own, and is no edit', async () => {
    const tracked = await changesOf(
      `<w:p>${words('Moved:')}<w:moveFrom w:id="4" w:author="Sam"><w:r><w:t> old place</w:t></w:r></w:moveFrom><w:moveTo w:id="5" w:author="Sam"><w:r><w:t> new place</w:t></w:r></w:moveTo></w:p>`,
    );
    expect(tracked.changes).toEqual([]);
    expect(tracked.draftChars).toBe('Moved: new place'.length);
  });

  test('an edit carries the headings above it', async () => {
    const styles = new Map([['Heading1', { name: 'heading 1', basedOn: null, outlineLevel: 0, listLevel: null }]]);
    const tracked = await readTrackedChanges(
      'word/document.xml',
      Buffer.from(
        documentXml(
          [
            paragraph('How we will know', { style: 'Heading1' }),
            `<w:p>${words('We will ')}${change('ins', 'Sam', 'always ')}${words('ask.')}</w:p>`,
          ].join(''),
        ),
      ),
      styles,
    );
    expect(tracked.changes.map((edit) => edit.section)).toEqual(['How we will know']);
  });
});

describe('suggestedEdits', () => {
  test('a document written with tracking on (most of its text inserted) has no suggested edits', async () => {
    const written = await changesOf(
      `<w:p>${change('ins', 'Note taker', 'People said the day centre closes too early for working carers.')}${words('Thanks.')}</w:p>`,
    );
    expect(written.changes).toHaveLength(1);
    expect(suggestedEdits(written)).toEqual([]);
    const edited = await changesOf(
      `<w:p>${words('People said the day centre closes too early for carers.')}${change('ins', 'Editor', 'working ')}</w:p>`,
    );
    expect(suggestedEdits(edited)).toHaveLength(1);
  });
});

describe('trackedChangeItems', () => {
  test('an edit that types words in is a record by its reviewer; one that only strikes out or changes punctuation is filtered', async () => {
    const tracked = await changesOf(
      `<w:p>${words('We will publish ')}${change('del', 'Sam Osei', 'what we learn')}${change('ins', 'Sam Osei', 'what people tell us')}${words(' every year.')}</w:p>`,
      `<w:p>${words('Budgets will be shared ')}${change('del', 'Priya Shah', 'where affordable')}${words('.')}</w:p>`,
      `<w:p>${words('We agree')}${change('ins', 'Priya Shah', ',')}${words(' together.')}</w:p>`,
    );
    const items = [...trackedChangeItems('draft.docx', tracked.changes)];
    expect(items).toEqual([
      {
        kind: 'record',
        draft: {
          sourceId: expect.stringMatching(/^content:/),
          channel: 'other',
          author: 'Sam Osei',
          date: '2024-03-06T09:30:00.000Z',
          text: 'what people tell us',
          meta: { change: 'replacement', deletedText: 'what we learn', commentedText: 'We will publish what we learn every year.' },
          provenance: { file: 'draft.docx', part: 'change 1' },
        },
      },
      { kind: 'filtered', rule: 'not-feedback', provenance: { file: 'draft.docx', part: 'change 2' }, detail: 'tracked deletion' },
      {
        kind: 'filtered',
        rule: 'not-feedback',
        provenance: { file: 'draft.docx', part: 'change 3' },
        detail: 'tracked change of punctuation or spacing',
      },
    ]);
  });
});
