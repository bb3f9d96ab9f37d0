import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import type { FeedbackRecord } from '../../../src/record/record.js';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import { detectFormat } from '../../../src/adapters/format-detection.js';
import { docDocumentAdapter } from '../../../src/adapters/formats/doc-document.js';
import { InputError } from '../../../src/errors.js';
import type { SniffInput } from '../../../src/adapters/format-adapter.js';
import { countItems, PROJECT_ROOT, readFileItems, recordsOf, type FileReadResult } from '../../helpers/read-fixture.js';
import { expectGoldenBytes } from '../../helpers/golden.js';
import {
  buildDamagedHeader,
  buildDoc,
  buildEncryptedPackage,
  buildLegacyFormDocx,
  DOC_LAYOUT,
  docParagraph,
  docTable,
  type DocSpec,
} from '../../builders/doc-documents.js';

function sniffInput(path: string, bytes: Buffer): SniffInput {
  const dot = path.lastIndexOf('.');
  return {
    path,
    extension: dot === -1 ? '' : path.slice(dot),
    headBytes: bytes.subarray(0, 65536),
    headText: bytes.toString('latin1', 0, 65536),
  };
}

const folder = mkdtempSync(join(tmpdir(), 'tlap-doc-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function read(name: string, bytes: Buffer, options: { documentText?: boolean } = {}): Promise<FileReadResult> {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return readFileItems(path, { displayPath: name, ...options });
}

async function notes(spec: DocSpec): Promise<Record<string, unknown>[]> {
  const result = await read('n.doc', buildDoc(spec));
  expect(result.error).toBeNull();
  return recordsOf(result).map((record) => ({ text: record.text, ...record.meta }));
}

/** What a record says, whichever format it was read from: its provenance, format and ids left out. */
function said(record: FeedbackRecord): unknown {
  return { channel: record.channel, author: record.author, date: record.date, text: record.text, meta: record.meta };
}

function fixture(format: string, name: string, file = `input.${format}`): string {
  return join(PROJECT_ROOT, 'fixtures/adapters', format, name, file);
}

const HEADINGS = [
  { name: 'heading 1', sti: 1 },
  { name: 'heading 2', sti: 2 },
];

describe('a .doc LibreOffice saved reads to the same records as the same document saved as .odt and .docx', () => {
  test.each(['libreoffice-response', 'libreoffice-contact-only', 'libreoffice-form-declined', 'libreoffice-reviewed-draft'])(
    '%s',
    async (name) => {
      const doc = await readFileItems(fixture('doc', name), { displayPath: 'response' });
      expect(doc.format).toBe('doc');
      expect(recordsOf(doc).length).toBeGreaterThan(0);
      for (const other of ['odt', 'docx']) {
        const read = await readFileItems(fixture(other, name), { displayPath: 'response' });
        expect(recordsOf(doc).map(said)).toEqual(recordsOf(read).map(said));
        expect(countItems(doc)).toEqual(countItems(read));
      }
    },
  );

  test('libreoffice-letter: the sender’s address, the salutation and the signature are filtered, the response read, as from .odt and .docx', async () => {
    const doc = await readFileItems(fixture('doc', 'libreoffice-letter'), { displayPath: 'letter' });
    const odt = await readFileItems(fixture('odt', 'libreoffice-letter'), { displayPath: 'letter' });
    const docx = await readFileItems(fixture('docx', 'libreoffice-letter'), { displayPath: 'letter' });
    expect(recordsOf(doc).length).toBeGreaterThan(0);
    expect(recordsOf(doc).map(said)).toEqual(recordsOf(odt).map(said));
    expect(recordsOf(doc).map(said)).toEqual(recordsOf(docx).map(said));
    expect(countItems(doc)).toEqual(countItems(odt));
  });

  test('teams-transcript: a Teams transcript saved as .doc is a speaker transcript, as its .docx is', async () => {
    const doc = await readFileItems(fixture('doc', 'teams-transcript'), { displayPath: 'meeting' });
    const docx = await readFileItems(fixture('docx', 'teams-transcript'), { displayPath: 'meeting' });
    expect(recordsOf(doc).map((record) => [record.channel, record.author])).toEqual([
      ['transcript', 'Jane Smith'],
      ['transcript', 'Ahmed Khan'],
      ['transcript', 'Mary Jones'],
    ]);
    expect(recordsOf(doc).map(said)).toEqual(recordsOf(docx).map(said));
    expect(countItems(doc)).toEqual(countItems(docx));
  });

  test.each(['welsh-event-notes', 'response-form', 'legacy-form-fields'])('%s, from one document saved as .doc and .docx', async (name) => {
    const doc = await readFileItems(fixture('doc', name), { displayPath: 'response' });
    const docx = await readFileItems(fixture('doc', name, 'same-as.docx'), { displayPath: 'response' });
    expect(recordsOf(doc).length).toBeGreaterThan(0);
    expect(recordsOf(doc).map(said)).toEqual(recordsOf(docx).map(said));
    expect(countItems(doc)).toEqual(countItems(docx));
  });

  test("a reviewed draft read with its text: the comments, then the draft's paragraphs, as from .odt", async () => {
    const doc = await readFileItems(fixture('doc', 'libreoffice-reviewed-draft'), { displayPath: 'draft', documentText: true });
    const odt = await readFileItems(fixture('odt', 'libreoffice-reviewed-draft'), { displayPath: 'draft', documentText: true });
    expect(recordsOf(doc).map(said)).toEqual(recordsOf(odt).map(said));
    expect(recordsOf(doc).filter((record) => record.channel === 'event-note').length).toBeGreaterThan(0);
  });
});

describe('what a .doc holds reaches the store as from .docx', () => {
  test('contact details in a response form never reach the records; the organisation and consent are answers', async () => {
    for (const name of ['response-form', 'libreoffice-form-declined', 'libreoffice-response']) {
      const records = recordsOf(await readFileItems(fixture('doc', name)));
      expect(JSON.stringify(records)).not.toMatch(/prydderch|01234|heol y bont|jane|peter|okafor|@example/i);
    }
    const form = recordsOf(await readFileItems(fixture('doc', 'response-form')));
    expect(form.map((record) => record.meta['answers'])).toEqual(
      form.map(() => ({ Organisation: 'Llanfair Reading Group', 'May we publish your response?': 'Yes' })),
    );
  });

  test('legacy form check boxes, a form drop-down and Wingdings boxes are answers, as in the .docx', async () => {
    const records = recordsOf(await readFileItems(fixture('doc', 'legacy-form-fields')));
    expect(records.map((record) => [record.text, record.meta['answers']])).toEqual([
      [
        'Keep the evening 42, even if it runs every hour.',
        {
          'Q1. Do you use the 42 bus?': 'Yes',
          'Which area do you live in?': 'Southgate',
          'Do you drive?': 'No',
          'I agree to my response being published': 'Yes',
        },
      ],
    ]);
  });

  test('Welsh letters, curly quotes and emoji are read as written, and nested list items name their parent', async () => {
    const records = recordsOf(await readFileItems(fixture('doc', 'welsh-event-notes')));
    const texts = records.map((record) => record.text);
    expect(texts).toContain('Notes from the drop-in at the Tŷ Cymunedol, 12 March 2024. We asked “what would make caring easier?” 🙂');
    expect(texts.some((text) => text.includes('ŵyr') && text.includes('Fryn-ŷd'))).toBe(true);
    expect(records.find((record) => record.text === 'Saturday mornings')?.meta).toMatchObject({
      section: 'Fforwm gofalwyr / Carers’ forum, Llanfair › Respite',
      parent: 'More respite care, please — at weekends too',
    });
  });

  test('the date is when the document was created, from its summary information', async () => {
    const records = recordsOf(await readFileItems(fixture('doc', 'libreoffice-reviewed-draft'), { documentText: true }));
    const docx = recordsOf(await readFileItems(fixture('docx', 'libreoffice-reviewed-draft'), { documentText: true }));
    expect(records.map((record) => record.date)).toEqual(docx.map((record) => record.date));
  });
});

describe('.doc paragraphs, headings, lists and tables', () => {
  test('headings by style name or outline level give the section; body paragraphs are records', async () => {
    expect(
      await notes({
        styles: HEADINGS,
        paragraphs: [
          docParagraph('Carers forum', { style: 1 }),
          docParagraph('Respite', { style: 2 }),
          docParagraph('More weekend respite.'),
          docParagraph('Transport', { outline: 1 }),
          docParagraph('Buses stop at six.', { outline: 9 }),
        ],
      }),
    ).toEqual([
      { text: 'More weekend respite.', section: 'Carers forum › Respite' },
      { text: 'Buses stop at six.', section: 'Carers forum › Transport' },
    ]);
  });

  test('a built-in heading or contents style is read by its built-in id, whatever name a translated Word gave it', async () => {
    expect(
      await notes({
        styles: [
          { name: 'Pennawd 1', sti: 1 },
          { name: 'TOC 1 Cymraeg', sti: 19 },
          { name: 'Teitl', sti: 62 },
        ],
        paragraphs: [
          docParagraph('Cynnwys: Ymateb', { style: 2 }),
          docParagraph('Ymateb i’r ymgynghoriad', { style: 3 }),
          docParagraph('Trafnidiaeth', { style: 1 }),
          docParagraph('Mae angen bws gyda’r nos.'),
        ],
      }),
    ).toEqual([{ text: 'Mae angen bws gyda’r nos.', section: 'Trafnidiaeth' }]);
  });

  test('a list item nested under another names it as its parent; numbering removed (ilfo 0) is no list', async () => {
    expect(
      await notes({
        paragraphs: [
          docParagraph('More respite care', { list: { ilfo: 1, ilvl: 0 } }),
          docParagraph('Saturday mornings', { list: { ilfo: 1, ilvl: 1 } }),
          docParagraph('Not a list item', { list: { ilfo: 0, ilvl: 1 } }),
        ],
      }),
    ).toEqual([{ text: 'More respite care' }, { text: 'Saturday mornings', parent: 'More respite care' }, { text: 'Not a list item' }]);
  });

  test('a Question | Response table gives each answer its question; rows and cells come from cell and row-end marks', async () => {
    expect(
      await notes({
        paragraphs: [
          docParagraph('Intro'),
          ...docTable([
            ['Question', 'Response'],
            ['What works well?', 'The staff at the café know everyone by name.'],
            ['What should change?', 'Longer opening hours on Fridays.'],
          ]),
          docParagraph('After the table'),
        ],
      }),
    ).toEqual([
      { text: 'Intro' },
      { text: 'The staff at the café know everyone by name.', question: 'What works well?' },
      { text: 'Longer opening hours on Fridays.', question: 'What should change?' },
      { text: 'After the table' },
    ]);
  });

  test("field codes are left out and their results kept (nested too); a field left open hides the code, not the document's end", async () => {
    expect(
      await notes({
        paragraphs: [
          docParagraph('See page \x13 PAGE \x144\x15 of the \x13 HYPERLINK "https://example.org" \x13 X \x14\x15\x14charter\x15.'),
          docParagraph('Line one\x0bline two\ttabbed\x1enon-breaking'),
          docParagraph('Open \x13 code never ends'),
          docParagraph('Next'),
        ],
      }),
    ).toEqual([{ text: 'See page 4 of the charter.' }, { text: 'Line one\nline two tabbed-non-breaking' }, { text: 'Open' }]);
  });

  test('text stored one byte a character is cp1252 (curly quotes, the euro sign)', async () => {
    expect(await notes({ compressed: true, paragraphs: [docParagraph('The carers’ “café” costs €2.')] })).toEqual([
      { text: 'The carers’ “café” costs €2.' },
    ]);
  });

  test('a paragraph that is only a content control placeholder (a form field left empty) is no record', async () => {
    expect(await notes({ paragraphs: [docParagraph('Click or tap here to enter text.'), docParagraph('Real answer')] })).toEqual([
      { text: 'Real answer' },
    ]);
  });
});

describe('.doc detection and refusals', () => {
  test('a compound file holding a WordDocument stream is a .doc whatever its name (a long one, whose directory lies past what sniffing sees, by the Word header its stream starts with); a .docx named .doc is the docx reader’s', () => {
    const doc = buildDoc({ paragraphs: [docParagraph('Hello')] });
    expect(detectFormat(ADAPTERS, sniffInput('response.doc', doc))?.adapter.name).toBe('doc');
    expect(detectFormat(ADAPTERS, sniffInput('response', doc))).toMatchObject({ adapter: { name: 'doc' }, reason: 'content' });
    const name = Buffer.from('WordDocument', 'utf16le');
    const directoryUnseen = buildDoc({
      paragraphs: Array.from({ length: 200 }, (_, index) => docParagraph(`Paragraph ${index} of a long response.`)),
    });
    directoryUnseen.fill(0, directoryUnseen.indexOf(name), directoryUnseen.indexOf(name) + name.length);
    expect(detectFormat(ADAPTERS, sniffInput('response', directoryUnseen))).toMatchObject({ adapter: { name: 'doc' }, reason: 'content' });
    const docx = readFileSync(fixture('docx', 'libreoffice-response'));
    expect(detectFormat(ADAPTERS, sniffInput('response.doc', docx))?.adapter.name).toBe('docx');
  });

  test('an encrypted .doc is one error naming the file, with a hint to remove the password', async () => {
    const result = await read('locked.doc', buildDoc({ encrypted: true, paragraphs: [docParagraph('Secret')] }));
    expect(result.error).toBe('locked.doc: a password-protected Word 97-2003 document; tlap cannot read encrypted documents');
    expect(result.items).toEqual([]);
  });

  test('a password-protected .docx (a compound file with an EncryptedPackage) is one error, named .doc or .docx', async () => {
    expect((await read('locked.doc', buildEncryptedPackage())).error).toBe(
      'locked.doc: a password-protected Office document; tlap cannot read encrypted documents',
    );
    expect((await read('locked.docx', buildEncryptedPackage())).error).toMatch(/^locked\.docx: a password-protected Word document/);
  });

  test('--format docx on a .doc says it is a .doc', async () => {
    const path = join(folder, 'old.doc');
    writeFileSync(path, buildDoc({ paragraphs: [docParagraph('Hello')] }));
    expect((await readFileItems(path, { displayPath: 'old.doc', format: 'docx' })).error).toBe(
      'old.doc: a Word 97-2003 (.doc) document, not a .docx',
    );
  });

  test('an RTF or text file named .doc is refused saying what it is', async () => {
    expect((await read('letter.doc', Buffer.from('{\\rtf1\\ansi hello}'))).error).toBe(
      'letter.doc: not a Word 97-2003 .doc document (it does not start with a compound file signature); it is a Rich Text (RTF) document',
    );
    expect((await read('page.doc', Buffer.from('<html>hello</html>'))).error).toContain('it looks like text');
  });

  test('the damaged-header fixture, and the .docx the legacy-form-fields one was converted from, are generated by test/builders/doc-documents.ts', () => {
    expectGoldenBytes(fixture('doc', 'damaged-header'), buildDamagedHeader());
    expectGoldenBytes(fixture('doc', 'legacy-form-fields', 'same-as.docx'), buildLegacyFormDocx());
  });
});

describe('a damaged .doc is one InputError naming the file, never a crash or an endless loop', () => {
  /** Reads through the adapter itself, so that an error other than an InputError fails the test. */
  async function errorOf(bytes: Buffer): Promise<string | null> {
    const path = join(folder, 'bad.doc');
    writeFileSync(path, bytes);
    try {
      const result = await readFileItems(path, { displayPath: 'bad.doc' });
      return result.error;
    } catch (error) {
      if (error instanceof InputError) return error.message;
      throw error;
    }
  }

  const sample: DocSpec = {
    styles: HEADINGS,
    paragraphs: [
      docParagraph('Title', { style: 1 }),
      ...docTable([
        ['Question', 'Response'],
        ['Q?', 'A.'],
      ]),
      docParagraph('End'),
    ],
  };

  test('every truncation of a real .doc is refused as damaged', async () => {
    const whole = readFileSync(fixture('doc', 'response-form'));
    for (let length = 0; length < whole.length; length += 512) {
      const error = await errorOf(whole.subarray(0, length));
      expect(error).toMatch(/^bad\.doc: /);
    }
  });

  test.each<[string, (streams: { word: Buffer; table: Buffer }) => void, RegExp]>([
    [
      'a piece table past its stream',
      ({ word }) => word.writeUInt32LE(0x7fffff00, DOC_LAYOUT.fcLcb(DOC_LAYOUT.clx)),
      /damaged.*past the end/,
    ],
    ['a piece past the text', ({ word }) => word.writeUInt32LE(0xffff, DOC_LAYOUT.ccpText), /damaged/],
    ['no file header', ({ word }) => word.writeUInt16LE(0, 0), /does not start with a Word file header/],
    ['an older Word', ({ word }) => word.writeUInt16LE(0x65, 2), /Word 6 or Word 95/],
  ])('%s', async (_name, tamper, message) => {
    expect(await errorOf(buildDoc({ ...sample, tamper }))).toMatch(message);
  });

  test('a style sheet claiming 65,535 styles is read as far as its stream holds; a bin table past its stream is damage', async () => {
    const manyStyles = buildDoc({ ...sample, tamper: ({ table }) => table.writeUInt16LE(0xffff, 2) });
    expect(await errorOf(manyStyles)).toBeNull();
    const hugeBin = buildDoc({ ...sample, tamper: ({ word }) => word.writeUInt32LE(0xfffffff0, DOC_LAYOUT.fcLcb(DOC_LAYOUT.btePapx) + 4) });
    expect(await errorOf(hugeBin)).toMatch(
      /^bad\.doc: a damaged Word 97-2003 document: a structure lies past the end of its 1Table stream/,
    );
  });

  test('flipped bytes anywhere in the Word streams give records or one InputError', async () => {
    let seed = 28;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const outcomes = new Set<string>();
    for (let run = 0; run < 200; run += 1) {
      const bytes = buildDoc({
        ...sample,
        tamper: ({ word, table }) => {
          for (let flip = 0; flip < 4; flip += 1) {
            const stream = next() % 2 === 0 ? word : table;
            stream[next() % stream.length] = next() % 256;
          }
        },
      });
      const error = await errorOf(bytes);
      if (error !== null) expect(error).toMatch(/^bad\.doc: /);
      outcomes.add(error === null ? 'read' : 'refused');
    }
    expect(outcomes).toEqual(new Set(['read', 'refused']));
  });
});

describe('the doc adapter', () => {
  test('claims .doc and .dot, and sniffs a WordDocument stream', () => {
    expect(docDocumentAdapter.extensions).toEqual(['.doc', '.dot']);
    expect(docDocumentAdapter.sniff(sniffInput('x', buildDoc({ paragraphs: [docParagraph('Hi')] })))).toBe(0.9);
    expect(docDocumentAdapter.sniff(sniffInput('x', buildEncryptedPackage()))).toBe(0);
  });
});
