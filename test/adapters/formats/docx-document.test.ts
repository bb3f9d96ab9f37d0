import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import { ingest } from '../../../src/ingest/ingest.js';
import { detectFormat } from '../../../src/adapters/format-detection.js';
import { docxDocumentAdapter, DOCX_UNPACKED_LIMIT } from '../../../src/adapters/formats/docx-document.js';
import {
  buildDocx,
  commentMark,
  commentParts,
  documentXml,
  checkBoxControl,
  DOCX_FIXTURE_INPUTS,
  dropDownControl,
  formCheckBox,
  formDropDown,
  paragraph,
  run,
  STYLES,
  symbolRun,
  table,
  textControl,
  WORD_NAMESPACE,
} from '../../builders/docx-documents.js';
import { MAX_COMMENTED_CHARS } from '../../../src/adapters/readers/document-comments.js';
import { buildZip } from '../../builders/zip-builder.js';
import { buildDamagedHeader, buildDoc, buildEncryptedPackage, docParagraph } from '../../builders/doc-documents.js';
import { withTempDir } from '../../builders/temp-dir.js';
import { expectGoldenBytes } from '../../helpers/golden.js';
import { countItems, PROJECT_ROOT, readFileItems, recordsOf, type FileReadResult } from '../../helpers/read-fixture.js';

describe('docx fixture inputs are generated reproducibly by test/builders/docx-documents.ts', () => {
  test.each(Object.entries(DOCX_FIXTURE_INPUTS))('%s', (name, input) => {
    const bytes = input.build();
    expect(input.build().equals(bytes)).toBe(true);
    const path = join(PROJECT_ROOT, 'fixtures/adapters/docx', name, input.name);
    expectGoldenBytes(path, bytes);
  });
});

const folder = mkdtempSync(join(tmpdir(), 'tlap-docx-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function read(
  name: string,
  bytes: Buffer,
  options: { channel?: 'survey'; documentText?: boolean; reviewedDraft?: boolean } = {},
): Promise<FileReadResult> {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return readFileItems(path, { displayPath: name, ...options });
}

async function notes(body: string, styles?: string): Promise<Record<string, unknown>[]> {
  const result = await read('n.docx', buildDocx(styles === undefined ? { body } : { body, styles }));
  expect(result.error).toBeNull();
  return recordsOf(result).map((record) => ({ text: record.text, ...record.meta }));
}

describe('docx paragraphs and headings', () => {
  test('each paragraph with text is a record; empty paragraphs are no items at all', async () => {
    const result = await read(
      'n.docx',
      buildDocx({ body: [paragraph('one'), paragraph(''), paragraph('   '), paragraph('two')].join('') }),
    );
    expect(countItems(result)).toEqual({ record: 2 });
    expect(recordsOf(result).map((record) => record.provenance)).toEqual([
      { file: 'n.docx', part: 'paragraph 1' },
      { file: 'n.docx', part: 'paragraph 2' },
    ]);
  });

  test('heading styles set the section path like markdown headings, and are not records', async () => {
    const body = [
      paragraph('Day 1', { style: 'Heading1' }),
      paragraph('Workshop A', { style: 'Heading2' }),
      paragraph('one'),
      paragraph('Workshop B', { style: 'Heading2' }),
      paragraph('two'),
      paragraph('Day 2', { style: 'Heading1' }),
      paragraph('three'),
    ].join('');
    expect(await notes(body)).toEqual([
      { text: 'one', section: 'Day 1 › Workshop A' },
      { text: 'two', section: 'Day 1 › Workshop B' },
      { text: 'three', section: 'Day 2' },
    ]);
  });

  test('a translated Word names its heading styles differently: the style name from styles.xml decides', async () => {
    const body = [paragraph('Tag 2', { style: 'berschrift1' }), paragraph('eins')].join('');
    expect(await notes(body, STYLES)).toEqual([{ text: 'eins', section: 'Tag 2' }]);
  });

  test("a paragraph's own outline level makes it a heading; level 9 is body text", async () => {
    const heading = '<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>Workshop C</w:t></w:r></w:p>';
    const body = '<w:p><w:pPr><w:outlineLvl w:val="9"/></w:pPr><w:r><w:t>plain</w:t></w:r></w:p>';
    expect(await notes(heading + body)).toEqual([{ text: 'plain', section: 'Workshop C' }]);
  });

  test('nested list items name their parent; a plain paragraph ends the list', async () => {
    const body = [
      paragraph('Transport', { list: 0 }),
      paragraph('Buses stop at six', { list: 1 }),
      paragraph('Evenings', { list: 2 }),
      paragraph('Parking', { list: 1 }),
      paragraph('Money', { list: 0 }),
      paragraph('That is all for now.'),
      paragraph('Not nested', { list: 1 }),
    ].join('');
    expect(await notes(body)).toEqual([
      { text: 'Transport' },
      { text: 'Buses stop at six', parent: 'Transport' },
      { text: 'Evenings', parent: 'Buses stop at six' },
      { text: 'Parking', parent: 'Transport' },
      { text: 'Money' },
      { text: 'That is all for now.' },
      { text: 'Not nested' },
    ]);
  });

  test('a one-line question or session name right above a list labels it, as in event notes: the last part of its section, no record', async () => {
    const body = [
      paragraph('Day 1', { style: 'Heading1' }),
      paragraph('Workshop 1 - What matters to you?'),
      paragraph('Being listened to', { list: 0 }),
      paragraph('by everyone', { list: 1 }),
      paragraph('Table 5'),
      paragraph(''),
      paragraph('Action: ask the council'),
      paragraph('More respite care', { list: 0 }),
    ].join('');
    expect(await notes(body)).toEqual([
      { text: 'Being listened to', section: 'Day 1 › Workshop 1 - What matters to you?' },
      { text: 'by everyone', section: 'Day 1 › Workshop 1 - What matters to you?', parent: 'Being listened to' },
      { text: 'Table 5', section: 'Day 1' },
      { text: 'Action: ask the council', section: 'Day 1' },
      { text: 'More respite care', section: 'Day 1' },
    ]);
  });

  test('a table of contents is filtered as not feedback', async () => {
    const toc = (text: string, style: string) => paragraph(text, { style });
    const result = await read(
      'toc.docx',
      buildDocx({ body: [toc('Contents', 'TOCHeading'), toc('Day 2\t3', 'TOC1'), paragraph('An idea.')].join('') }),
    );
    expect(countItems(result)).toEqual({ 'filtered:not-feedback': 2, record: 1 });
  });

  test('list styles (List Bullet 2) give their level; numId 0 takes the numbering away', async () => {
    const unnumbered =
      '<w:p><w:pPr><w:pStyle w:val="Aufzhlungszeichen2"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>plain</w:t></w:r></w:p>';
    const body = [paragraph('top', { style: 'Aufzhlungszeichen' }), paragraph('under', { style: 'Aufzhlungszeichen2' }), unnumbered].join(
      '',
    );
    expect(await notes(body, STYLES)).toEqual([{ text: 'top' }, { text: 'under', parent: 'top' }, { text: 'plain' }]);
  });
});

describe('docx text', () => {
  test('runs join as written, tabs are spaces, breaks are line breaks, smart quotes stay', async () => {
    const body =
      '<w:p><w:r><w:t xml:space="preserve">It’s </w:t></w:r><w:r><w:t>“good”</w:t><w:tab/><w:t>really</w:t><w:br/><w:t>next line</w:t><w:cr/><w:t>and one more</w:t></w:r></w:p>';
    expect(await notes(body)).toEqual([{ text: 'It’s “good” really\nnext line\nand one more' }]);
  });

  test('tracked changes: what the document says now (deletions and moved-away text out, insertions in); field codes out, results in', async () => {
    const result = await read('t.docx', DOCX_FIXTURE_INPUTS['tracked-changes']?.build() ?? Buffer.alloc(0));
    expect(recordsOf(result).map((record) => record.text)).toEqual([
      'The day centre is not open long enough.',
      'See the carers’ charter page 4',
      'Moved: new place',
      'Text box: call the helpline',
    ]);
  });
});

describe('docx tables', () => {
  test('each cell paragraph is its own record, never glued to the next cell', async () => {
    const body = table([
      ['Good', 'Bad'],
      [[paragraph('Friendly staff'), paragraph('Good food')], 'Long waits'],
    ]);
    const records = await notes(body);
    expect(records.map((record) => record.text)).toEqual(['Good', 'Bad', 'Friendly staff', 'Good food', 'Long waits']);
    expect(records.every((record) => !('question' in record))).toBe(true);
  });

  test('a question | answer table gives each answer its question; the header row and contact rows are filtered, the organisation is an answer about the respondent', async () => {
    const result = await read('r.docx', DOCX_FIXTURE_INPUTS['consultation-response']?.build() ?? Buffer.alloc(0));
    expect(countItems(result)).toEqual({ record: 9, 'filtered:not-feedback': 3 });
    const answers = recordsOf(result).filter((record) => record.meta['question'] !== undefined);
    expect(answers.map((record) => [record.meta['question'], record.text])).toEqual([
      ['Q1. What matters most to you about care and support?', 'Being listened to, and having one person who knows our story.'],
      ['Q1. What matters most to you about care and support?', 'Not having to repeat it at every appointment.'],
      ['Q2. What should the partnership do first?', 'Fund peer support groups in every area.'],
    ]);
    expect(answers[0]?.provenance).toEqual({ file: 'r.docx', part: 'table 1, row 4, paragraph 10' });
    expect(result.items.filter((item) => item.kind === 'filtered').map((item) => (item.kind === 'filtered' ? item.detail : ''))).toEqual([
      'table header',
      'contact details',
      'answer about the respondent',
    ]);
    expect(
      recordsOf(result).every((record) => (record.meta['answers'] as Record<string, string>)['Organisation'] === 'Anytown Carers Network'),
    ).toBe(true);
    expect(recordsOf(result).some((record) => record.text.includes('Jane'))).toBe(false);
  });

  test('rows asking for a surname, a hyphenated e-mail or an address line are contact details too, as a PDF form field asking for them is', async () => {
    const body = table([
      ['Surname', 'Okafor'],
      ['E-mail', 'peter@example.net'],
      ['Address line 1', '12 High Street'],
      ['Q1. What works well?', 'The day centre staff know us well and ring when plans change.'],
    ]);
    expect((await notes(body)).map((record) => [record['text'], record['question']])).toEqual([
      ['The day centre staff know us well and ring when plans change.', 'Q1. What works well?'],
    ]);
  });

  test('form fields still showing their placeholder are no items; a filled one is read', async () => {
    const control = (placeholder: boolean, content: string) =>
      `<w:sdt><w:sdtPr>${placeholder ? '<w:showingPlcHdr/>' : ''}<w:text/></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
    const inline = (placeholder: boolean, text: string) =>
      `<w:p><w:r><w:t xml:space="preserve">Other: </w:t></w:r>${control(placeholder, `<w:r><w:t>${text}</w:t></w:r>`)}</w:p>`;
    const body = [
      table([
        ['Q1. What works well?', [control(false, paragraph('The day centre staff know us well.'))]],
        ['Q2. What could be better?', [control(true, paragraph('Click or tap here to enter text.'))]],
      ]),
      control(true, paragraph('Click or tap here to enter text.')),
      paragraph('After the form.'),
      inline(true, 'Click or tap here to enter text.'),
      inline(false, 'buses'),
    ].join('');
    const result = await read('form.docx', buildDocx({ body }));
    expect(countItems(result)).toEqual({ record: 4 });
    expect(recordsOf(result).map((record) => [record.text, record.meta['question'] ?? null])).toEqual([
      ['The day centre staff know us well.', 'Q1. What works well?'],
      ['After the form.', null],
      ['Other:', null],
      ['Other: buses', null],
    ]);
  });

  test('an empty left cell continues the question above it (merged cells)', async () => {
    const body = table([
      ['Q1. Anything else?', 'First part of a long answer.'],
      ['', 'Second part of the same answer.'],
    ]);
    expect((await notes(body)).map((record) => record.question)).toEqual(['Q1. Anything else?', 'Q1. Anything else?']);
  });
});

describe('docx records', () => {
  test('channel event-note (or --channel), no author, the date the document was created; the creator is not kept', async () => {
    const bytes = buildDocx({
      body: paragraph('idea'),
      core: { creator: 'Note Taker', created: '2024-03-04T17:30:00Z', modified: '2024-03-09T08:00:00Z' },
    });
    const [record] = recordsOf(await read('d.docx', bytes));
    expect(record).toMatchObject({ channel: 'event-note', format: 'docx', author: null, date: '2024-03-04T17:30:00.000Z' });
    expect(JSON.stringify(record)).not.toContain('Note Taker');
    const [survey] = recordsOf(await read('d.docx', bytes, { channel: 'survey' }));
    expect(survey?.channel).toBe('survey');
  });

  test('without a creation date the last-saved date is used; without properties the date is null', async () => {
    const saved = recordsOf(await read('m.docx', buildDocx({ body: paragraph('idea'), core: { modified: '2024-03-09T08:00:00Z' } })));
    expect(saved[0]?.date).toBe('2024-03-09T08:00:00.000Z');
    expect(recordsOf(await read('p.docx', buildDocx({ body: paragraph('idea') })))[0]?.date).toBeNull();
  });

  test('the same paragraph twice in a document is two records; reading the document again gives the same ids', async () => {
    const bytes = buildDocx({ body: [paragraph('Parking'), paragraph('Parking')].join(''), core: { created: '2024-03-04T17:30:00Z' } });
    const first = recordsOf(await read('twice.docx', bytes)).map((record) => record.sourceId);
    expect(first).toHaveLength(2);
    expect(first[1]).toBe(`${first[0]}#2`);
    expect(recordsOf(await read('twice.docx', bytes)).map((record) => record.sourceId)).toEqual(first);
  });
});

describe('docx in a folder', () => {
  test('a folder ingest reads its .docx files (a damaged .doc beside them is the .doc reader’s one rejection); ingesting again adds nothing', async () => {
    await withTempDir(async (dir) => {
      mkdirSync(join(dir, 'exports'));
      writeFileSync(join(dir, 'exports', 'notes.docx'), DOCX_FIXTURE_INPUTS['event-notes']?.build() ?? Buffer.alloc(0));
      writeFileSync(join(dir, 'exports', 'old.doc'), buildDamagedHeader());
      const first = await ingest({ paths: ['exports'], cwd: dir, storeDir: '.tlap' });
      expect(first.perFile.map((file) => [file.file, file.format, file.added, file.rejected])).toEqual([
        ['exports/notes.docx', 'docx', 8, 0],
        ['exports/old.doc', 'doc', 0, 1],
      ]);
      expect(first.skipped).toEqual([]);
      const again = await ingest({ paths: ['exports'], cwd: dir, storeDir: '.tlap' });
      expect([again.added, again.duplicates]).toEqual([0, 8]);
    });
  });
});

describe('docx edited and saved again', () => {
  test('the creation date stays when a document is edited, so its unchanged paragraphs are duplicates and only the new one is added', async () => {
    await withTempDir(async (dir) => {
      const created = '2024-03-04T17:30:00Z';
      const first = buildDocx({
        body: [paragraph('Parking'), paragraph('Buses')].join(''),
        core: { created, modified: '2024-03-04T18:00:00Z' },
      });
      const edited = buildDocx({
        body: [paragraph('Parking'), paragraph('Buses'), paragraph('Added later')].join(''),
        core: { created, modified: '2024-03-09T08:00:00Z' },
      });
      writeFileSync(join(dir, 'notes.docx'), first);
      await ingest({ paths: ['notes.docx'], cwd: dir, storeDir: '.tlap' });
      writeFileSync(join(dir, 'notes.docx'), edited);
      const again = await ingest({ paths: ['notes.docx'], cwd: dir, storeDir: '.tlap' });
      expect([again.added, again.duplicates]).toEqual([1, 2]);
    });
  });
});

describe('docx detection and refusals', () => {
  const sniff = (path: string, bytes: Buffer) =>
    detectFormat(ADAPTERS, { path, extension: path.slice(path.lastIndexOf('.')), headText: '', headBytes: bytes })?.adapter.name;

  test('a .docx or .docm is read as docx; a Word zip under another name is recognised by its word/ entries; a workbook is not', async () => {
    const docx = buildDocx({ body: paragraph('x') });
    expect(sniff('a.docx', docx)).toBe('docx');
    expect(sniff('a.docm', docx)).toBe('docx');
    expect(sniff('download.bin', docx)).toBe('docx');
    expect(
      docxDocumentAdapter.sniff({
        path: 'a.zip',
        extension: '.zip',
        headText: '',
        headBytes: buildZip([{ name: 'xl/workbook.xml', content: '<x/>' }]),
      }),
    ).toBe(0);
  });

  test('a Word 97-2003 .doc read as a .docx is refused saying it is a .doc; a password-protected .docx says it is encrypted', async () => {
    const path = join(folder, 'old.docx');
    writeFileSync(path, buildDoc({ paragraphs: [docParagraph('Hello')] }));
    const result = await readFileItems(path, { displayPath: 'old.docx', format: 'docx' });
    expect([result.format, result.error]).toEqual(['docx', 'old.docx: a Word 97-2003 (.doc) document, not a .docx']);
    expect((await read('locked.docx', buildEncryptedPackage())).error).toBe(
      'locked.docx: a password-protected Word document (or another Office compound file); tlap cannot read encrypted documents',
    );
  });

  test('an RTF or text file named .doc is refused saying what it is', async () => {
    expect((await read('letter.docx', Buffer.from('{\\rtf1\\ansi hello}'))).error).toBe(
      'letter.docx: not a Word .docx document (it does not start with a zip signature); it is a Rich Text (RTF) document',
    );
    expect((await read('page.docx', Buffer.from('<html>hello</html>'))).error).toContain('it looks like text');
  });

  test('a truncated document, a zip without word/document.xml and a workbook named .docx are each refused by name', async () => {
    expect((await read('cut.docx', DOCX_FIXTURE_INPUTS['damaged-zip']?.build() ?? Buffer.alloc(0))).error).toBe(
      'cut.docx: cannot read the Word document (the file ends in the middle of the zip, or its zip is damaged; is it truncated?)',
    );
    expect((await read('empty.docx', buildDocx({ body: '', withoutDocument: true }))).error).toBe(
      'empty.docx: a zip, not a Word document (it holds no word/document.xml)',
    );
    expect((await read('sheet.docx', buildZip([{ name: 'xl/workbook.xml', content: '<workbook/>' }]))).error).toBe(
      'sheet.docx: an Excel workbook, not a Word document (it holds no word/document.xml)',
    );
  });

  test('malformed XML: the paragraphs before it are read, then one refusal naming the part, line and column', async () => {
    const broken = buildZip([{ name: 'word/document.xml', content: documentXml(`${paragraph('kept')}<w:p><w:r><w:t>lost</w:r></w:p>`) }]);
    const result = await read('broken.docx', broken);
    expect(recordsOf(result).map((record) => record.text)).toEqual(['kept']);
    expect(result.error).toMatch(/^broken\.docx: word\/document\.xml:2:\d+: XML_MALFORMED: /);
  });

  test('a table broken off by malformed XML keeps the cells read before the break', async () => {
    const xml = documentXml(`${table([['a', 'b']]).replace('</w:tbl>', '')}<w:p><w:r><w:t>x</w:p>`);
    const result = await read('cut-table.docx', buildZip([{ name: 'word/document.xml', content: xml }]));
    expect(recordsOf(result).map((record) => record.text)).toEqual(['a', 'b']);
    expect(result.error).toContain('XML_MALFORMED');
  });

  test('a document whose zip declares more than the limit is refused before anything is inflated', async () => {
    const bomb = buildZip([
      { name: 'word/document.xml', content: 'x'.repeat(1024 * 1024), repeat: DOCX_UNPACKED_LIMIT / (1024 * 1024) + 1 },
    ]);
    expect((await read('bomb.docx', bomb)).error).toBe(
      "bomb.docx: the Word document's text unpacks to 65.0 MB, over the 64.0 MB tlap reads from one file; refused",
    );
  });

  test('a damaged styles or properties part costs a warning, not the document', async () => {
    const bytes = buildDocx({ body: paragraph('still read'), styles: '<w:style w:styleId="A"><w:name w:val="x"/>' });
    const result = await read('s.docx', bytes);
    expect(result.error).toBeNull();
    expect(countItems(result)).toEqual({ record: 1, warning: 1 });
  });
});

describe("docx: a draft sent back with reviewers' comments", () => {
  const body = [
    paragraph('Our commitments', { style: 'Heading1' }),
    `<w:p>${run('Everyone gets ')}${commentMark.start(0)}${run('care that fits their life')}${commentMark.end(0)}${commentMark.reference(0)}${run('.')}</w:p>`,
    paragraph('We will publish what we learn.'),
  ].join('');
  const comment = {
    id: 0,
    author: 'Jane Smith',
    date: '2024-03-05T10:12:00Z',
    paragraphs: ['And for carers?'],
    paraId: '1A2B3C4D',
  };

  test('its comments are the records, its own text is not read, and one warning says so', async () => {
    const result = await read('draft.docx', buildDocx({ body, extra: commentParts([comment]) }));
    expect(result.error).toBeNull();
    expect(countItems(result)).toEqual({ record: 1, warning: 1 });
    expect(recordsOf(result).map(({ text, author, channel, meta }) => ({ text, author, channel, meta }))).toEqual([
      {
        text: 'And for carers?',
        author: 'Jane Smith',
        channel: 'other',
        meta: { section: 'Our commitments', commentedText: 'care that fits their life' },
      },
    ]);
  });

  test('with the documentText option its own paragraphs are read too, after the comments', async () => {
    const result = await read('draft.docx', buildDocx({ body, extra: commentParts([comment]) }), { documentText: true });
    expect(recordsOf(result).map((record) => [record.provenance.part, record.text])).toEqual([
      ['comment 1', 'And for carers?'],
      ['paragraph 2', 'Everyone gets care that fits their life.'],
      ['paragraph 3', 'We will publish what we learn.'],
    ]);
    expect(countItems(result)).toEqual({ record: 3 });
  });

  test('comments from an older Word (no threads, no paraIds) are read; a comment range that never ends runs to the end', async () => {
    const comments = `<?xml version="1.0"?><w:comments xmlns:w="${WORD_NAMESPACE}"><w:comment w:id="5" w:author="R" w:date="2010-05-01T09:00:00Z"><w:p><w:r><w:t>Too long.</w:t></w:r></w:p></w:comment></w:comments>`;
    const unended = `${paragraph('First.')}<w:p>${commentMark.start(5)}${run('Second')}</w:p>${paragraph('Third.')}`;
    const result = await read('old.docx', buildDocx({ body: unended, extra: [{ name: 'word/comments.xml', content: comments }] }));
    expect(recordsOf(result).map(({ text, date, inReplyTo, meta }) => ({ text, date, inReplyTo, meta }))).toEqual([
      { text: 'Too long.', date: '2010-05-01T09:00:00.000Z', inReplyTo: null, meta: { commentedText: 'Second Third.' } },
    ]);
  });

  test('a damaged comments part costs a warning, and the document is read as notes', async () => {
    const result = await read(
      'c.docx',
      buildDocx({ body, extra: [{ name: 'word/comments.xml', content: '<w:comments xmlns:w="x"><w:comment>' }] }),
    );
    expect(result.error).toBeNull();
    expect(countItems(result)).toEqual({ record: 2, warning: 1 });
  });

  test('a long commented passage is cut at a word with an ellipsis', async () => {
    const long = Array.from({ length: 80 }, (_, index) => `word${index}`).join(' ');
    const passage = `<w:p>${commentMark.start(0)}${run(long)}${commentMark.end(0)}${commentMark.reference(0)}</w:p>`;
    const [record] = recordsOf(await read('l.docx', buildDocx({ body: passage, extra: commentParts([comment]) })));
    const commented = String(record?.meta['commentedText']);
    expect(commented.length).toBeLessThanOrEqual(MAX_COMMENTED_CHARS);
    expect(commented).toMatch(/^word0 word1 .* word\d+…$/);
  });
});

describe('docx: a draft sent back with tracked changes and no comments', () => {
  const edited = buildDocx({
    body: [
      paragraph('Our shared commitments', { style: 'Heading1' }),
      `<w:p>${run('We will publish what we learn')}<w:ins w:id="1" w:author="Sam Osei" w:date="2024-03-06T09:30:00Z"><w:r><w:t xml:space="preserve"> every six months</w:t></w:r></w:ins>${run('.')}</w:p>`,
      paragraph('Everyone will have a named contact who knows them.'),
    ].join(''),
  });

  test('is read as notes, its text as the changes leave it, with a warning saying it holds tracked changes', async () => {
    const result = await read('edited.docx', edited);
    expect(recordsOf(result).map((record) => record.text)).toEqual([
      'We will publish what we learn every six months.',
      'Everyone will have a named contact who knows them.',
    ]);
    expect(result.items.flatMap((item) => (item.kind === 'warning' ? [[item.code, item.message]] : []))).toEqual([
      ['TRACKED_CHANGES_ACCEPTED', 'holds 1 tracked change by 1 person and no comments: read as notes, its text as the changes leave it'],
    ]);
  });

  test('with the reviewedDraft option, is read for its edits only, as a draft with comments is', async () => {
    const result = await read('edited.docx', edited, { reviewedDraft: true });
    expect(recordsOf(result).map((record) => [record.author, record.text, record.meta['change'], record.provenance.part])).toEqual([
      ['Sam Osei', 'every six months', 'insertion', 'change 1'],
    ]);
    expect(result.items.flatMap((item) => (item.kind === 'warning' ? [item.code] : []))).toEqual(['DOCUMENT_TEXT_SKIPPED']);
  });

  test('notes without tracked changes are read with no such warning, whatever the option', async () => {
    const result = await read('plain.docx', buildDocx({ body: paragraph('More respite, please.') }), { reviewedDraft: true });
    expect(recordsOf(result).map((record) => record.text)).toEqual(['More respite, please.']);
    expect(result.items.filter((item) => item.kind === 'warning')).toEqual([]);
  });
});

describe('docx response forms: the answer on publishing', () => {
  const form = (question: string, answer: string) =>
    buildDocx({
      core: { created: '2024-05-21T09:00:00Z' },
      body: [
        paragraph('We use the Northgate library every week.'),
        table([
          [question, answer],
          ['Q1. Should Northgate close on Wednesdays?', 'No'],
          ['Q2. What would help you use the library more?', 'Opening until eight, and a quiet room for homework.'],
        ]),
      ].join(''),
    });

  test('the row is filtered, every record carries it, and the records keep the ids they have when it asks something else', async () => {
    const declined = await read('f.docx', form('May we publish your response?', 'No'));
    const other = await read('f.docx', form('May we contact you about this?', 'No'));
    expect(countItems(declined)).toEqual({ record: 3, 'filtered:not-feedback': 1 });
    const kept = recordsOf(other).filter((record) => record.meta['question'] !== 'May we contact you about this?');
    expect(recordsOf(declined).map((record) => [record.id, record.text])).toEqual(kept.map((record) => [record.id, record.text]));
    expect(recordsOf(declined).map((record) => record.meta['answers'])).toEqual(Array(3).fill({ 'May we publish your response?': 'No' }));
    expect(recordsOf(other).every((record) => record.meta['answers'] === undefined)).toBe(true);
  });

  test('a blank answer is kept as ""', async () => {
    const result = await read('f.docx', form('Do you consent to publication?', ''));
    expect(countItems(result)).toEqual({ record: 3 });
    expect(recordsOf(result)[0]?.meta['answers']).toEqual({ 'Do you consent to publication?': '' });
  });

  test('a question paragraph with a short answer below it is the answer; with a longer paragraph below, both stay notes', async () => {
    const answered = await notes(
      [
        paragraph('The library is our only quiet space.'),
        paragraph('May we publish your response?'),
        paragraph('Do not publish response'),
      ].join(''),
    );
    expect(answered).toEqual([
      { text: 'The library is our only quiet space.', answers: { 'May we publish your response?': 'Do not publish response' } },
    ]);
    const asked = await notes(
      [paragraph('May we publish your response?'), paragraph('We asked the council this at the meeting and nobody could tell us.')].join(
        '',
      ),
    );
    expect(asked.map((record) => record.text)).toEqual([
      'May we publish your response?',
      'We asked the council this at the meeting and nobody could tell us.',
    ]);
  });

  test('an answer in tick boxes says what is ticked: typed glyphs, symbol-font boxes and legacy form check boxes', async () => {
    const answered = async (answer: string) => {
      const result = await read('f.docx', form('May we publish your response?', answer));
      return { counts: countItems(result), answers: recordsOf(result).map((record) => record.meta['answers']) };
    };
    expect(await answered('Yes ☐  No ☒')).toEqual({
      counts: { record: 3, 'filtered:not-feedback': 1 },
      answers: Array(3).fill({ 'May we publish your response?': 'No' }),
    });
    expect((await answered('☒ Yes ☐ No')).answers[0]).toEqual({ 'May we publish your response?': 'Yes' });
    const boxes = (first: string, second: string) => `<w:p>${first}${run(' Yes ')}${second}${run(' No')}</w:p>`;
    const bodyForm = (answer: string) =>
      notes([paragraph('The library is our only quiet space.'), paragraph('May we publish your response?'), answer].join(''));
    expect(await bodyForm(boxes(symbolRun('Wingdings', 'F0FE'), symbolRun('Wingdings', 'F0A8')))).toEqual([
      { text: 'The library is our only quiet space.', answers: { 'May we publish your response?': 'Yes' } },
    ]);
    expect(await bodyForm(boxes(symbolRun('Wingdings 2', 'F0A3'), symbolRun('Wingdings 2', 'F053')))).toEqual([
      { text: 'The library is our only quiet space.', answers: { 'May we publish your response?': 'No' } },
    ]);
    expect(await bodyForm(boxes(formCheckBox({ checked: false, default: true }), formCheckBox({ checked: true })))).toEqual([
      { text: 'The library is our only quiet space.', answers: { 'May we publish your response?': 'No' } },
    ]);
    expect(await bodyForm(boxes(formCheckBox({ default: true }), formCheckBox({ default: false })))).toEqual([
      { text: 'The library is our only quiet space.', answers: { 'May we publish your response?': 'Yes' } },
    ]);
  });

  test('Word check box content controls read as the box their state says, whatever glyph they draw or none', async () => {
    const boxes = (first: string, second: string) => `<w:p>${first}${run(' Yes ')}${second}${run(' No')}</w:p>`;
    const bodyForm = (answer: string) =>
      notes([paragraph('The library is our only quiet space.'), paragraph('May we publish your response?'), answer].join(''));
    const wingdings = '<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>þ</w:t></w:r>';
    expect(
      await bodyForm(
        boxes(
          checkBoxControl({ checked: false, content: '' }),
          checkBoxControl({ checked: true, content: wingdings, checkedGlyph: { char: '00FE', font: 'Wingdings' } }),
        ),
      ),
    ).toEqual([{ text: 'The library is our only quiet space.', answers: { 'May we publish your response?': 'No' } }]);
    expect(await bodyForm(boxes(checkBoxControl({ checked: true }), checkBoxControl({ checked: false, content: run('☒') })))).toEqual([
      { text: 'The library is our only quiet space.', answers: { 'May we publish your response?': 'Yes' } },
    ]);
  });

  test('drop-downs answer with their chosen item; one still showing Choose an item. is a blank answer', async () => {
    const publish = async (answer: string) => {
      const result = await read(
        'f.docx',
        buildDocx({
          body: [
            paragraph('We use the Northgate library every week.'),
            table([
              ['May we publish your response?', [`<w:p>${answer}</w:p>`]],
              ['Q2. What would help you use the library more?', 'Opening until eight, and a quiet room for homework.'],
            ]),
          ].join(''),
        }),
      );
      expect(recordsOf(result).map((record) => record.text)).toEqual([
        'We use the Northgate library every week.',
        'Opening until eight, and a quiet room for homework.',
      ]);
      return recordsOf(result)[0]?.meta['answers'];
    };
    const items = [
      { text: 'Choose an item.', value: '' },
      { text: 'Yes', value: 'Yes' },
      { text: 'No', value: 'No' },
    ];
    const question = 'May we publish your response?';
    expect(await publish(dropDownControl({ items, shown: 'No' }))).toEqual({ [question]: 'No' });
    expect(await publish(dropDownControl({ items, shown: 'Yes', kind: 'comboBox' }))).toEqual({ [question]: 'Yes' });
    expect(await publish(dropDownControl({ items, shown: 'Choose an item.', placeholder: true }))).toEqual({ [question]: '' });
    expect(await publish(dropDownControl({ items, shown: 'Choose an item.' }))).toEqual({ [question]: '' });
    expect(await publish(dropDownControl({ items: [{ text: 'Select one', value: '' }, ...items.slice(1)], shown: 'Select one' }))).toEqual({
      [question]: '',
    });
    expect(await publish(dropDownControl({ items, shown: 'Yes', placeholder: '0' }))).toEqual({ [question]: 'Yes' });
    expect(await publish(formDropDown(['Yes', 'No'], { result: 1 }))).toEqual({ [question]: 'No' });
    expect(await publish(formDropDown(['Yes', 'No'], { result: 1, shown: 'No' }))).toEqual({ [question]: 'No' });
    expect(await publish(formDropDown(['Yes', 'No'], { default: 1 }))).toEqual({ [question]: 'No' });
    expect(await publish(formDropDown(['Yes', 'No'], {}))).toEqual({ [question]: 'Yes' });
    expect(await publish(formDropDown(['Yes', 'No'], { result: 5 }))).toEqual({ [question]: '' });
  });

  test('a drop-down alone in its cell or paragraph is a closed answer, its question answered with its chosen item', async () => {
    const areas = [
      { text: 'Choose an item.', value: '' },
      { text: 'Central', value: 'C' },
      { text: 'Northgate', value: 'N' },
    ];
    const result = await read(
      'f.docx',
      buildDocx({
        body: [
          table([
            ['Which area do you live in?', [`<w:p>${dropDownControl({ items: areas, shown: 'Northgate' })}</w:p>`]],
            ['Q1. What would help you use the library more?', 'Opening until eight, and a quiet room for homework.'],
          ]),
          paragraph('How often do you visit?'),
          `<w:p>${formDropDown(['Weekly', 'Monthly', 'Rarely'], { result: 0 })}</w:p>`,
          paragraph('Which library do you use?'),
          `<w:p>${dropDownControl({ items: areas, shown: 'Westfield', kind: 'comboBox' })}</w:p>`,
        ].join(''),
      }),
    );
    const answers = { 'Which area do you live in?': 'Northgate', 'How often do you visit?': 'Weekly' };
    expect(recordsOf(result).map((record) => [record.text, record.meta['answers']])).toEqual([
      ['Opening until eight, and a quiet room for homework.', answers],
      ['Which library do you use?', answers],
      ['Westfield', answers],
    ]);
    expect(result.items.flatMap((item) => (item.kind === 'filtered' ? [item.provenance.part] : []))).toEqual([
      'table 1, row 1, paragraph 2',
      'paragraph 5',
      'paragraph 6',
    ]);
  });

  test('a legacy drop-down inside a sentence reads as its chosen entry, the words around it kept', async () => {
    expect(
      await notes(
        `<w:p>${run('We visit the ')}${formDropDown(['Central', 'Northgate'], { result: 1 })}${run(' library on Saturdays.')}</w:p>`,
      ),
    ).toEqual([{ text: 'We visit the Northgate library on Saturdays.' }]);
  });

  test('a closed question answered in tick boxes is no note: its ticked options join the answers every record carries', async () => {
    const result = await read(
      'f.docx',
      buildDocx({
        body: [
          paragraph('We use the Northgate library every week.'),
          table([
            ['Are you responding as an individual or on behalf of an organisation?', '☒ An individual ☐ An organisation'],
            ['Q2. What would help you use the library more?', 'Opening until eight, and a quiet room for homework.'],
          ]),
          paragraph('Which services do you use?'),
          paragraph('[x] Day centre [ ] Home care [x] Respite'),
          paragraph('☒ I agree to my response being published'),
          paragraph('[ ] Call the council about the buses'),
          paragraph('☐ Yes ☒ No'),
        ].join(''),
      }),
    );
    expect(countItems(result)).toEqual({ record: 3, 'filtered:not-feedback': 5 });
    const answers = {
      'Are you responding as an individual or on behalf of an organisation?': 'An individual',
      'Which services do you use?': 'Day centre; Respite',
      'I agree to my response being published': 'Yes',
    };
    expect(recordsOf(result).map((record) => [record.text, record.meta['answers']])).toEqual([
      ['We use the Northgate library every week.', answers],
      ['Opening until eight, and a quiet room for homework.', answers],
      ['[ ] Call the council about the buses', answers],
    ]);
    expect(result.items.flatMap((item) => (item.kind === 'filtered' ? [item.detail] : []))).toEqual([
      'tick-box answer',
      'tick-box answer',
      'tick-box answer',
      'consent to publish',
      'tick-box answer',
    ]);
  });

  test('options one to a paragraph under a question are its answer, one alone under a question mark too; under a label such as Actions: they stay notes', async () => {
    const result = await read(
      'f.docx',
      buildDocx({
        body: [
          paragraph('We use the Northgate library every week.'),
          paragraph('Are you responding as:'),
          paragraph('☐ An individual'),
          paragraph('☒ On behalf of an organisation'),
          paragraph('Do you drive?'),
          paragraph('☒ Yes'),
          paragraph('The bus is the only way I can get there.'),
          paragraph('Actions:'),
          paragraph('[ ] Call the council'),
          paragraph('[x] Book the hall'),
        ].join(''),
      }),
    );
    expect(countItems(result)).toEqual({ record: 5, 'filtered:not-feedback': 5 });
    const answers = { 'Are you responding as': 'On behalf of an organisation', 'Do you drive?': 'Yes' };
    expect(recordsOf(result).map((record) => [record.text, record.meta['answers']])).toEqual([
      ['We use the Northgate library every week.', answers],
      ['The bus is the only way I can get there.', answers],
      ['Actions:', answers],
      ['[ ] Call the council', answers],
      ['[x] Book the hall', answers],
    ]);
  });

  test('a grid (options in its header row, boxes under them) answers each statement with the heading of its ticked column', async () => {
    const result = await read(
      'f.docx',
      buildDocx({
        body: [
          paragraph('Please tick one box for each statement:'),
          table([
            ['', 'Agree', 'Neither', 'Disagree'],
            ['Open on Sundays', '☐', [`<w:p>${checkBoxControl({ checked: true })}</w:p>`], '☐'],
            ['Close on Wednesdays', '', '', 'x'],
            ['Longer evenings', '☒', '', '☒'],
            ['Keep the café', '', '', ''],
            ['Other (please say)', '☒ a quiet room', '', ''],
          ]),
          paragraph('The library is our only quiet space.'),
        ].join(''),
      }),
    );
    const answers = {
      'Open on Sundays': 'Neither',
      'Close on Wednesdays': 'Disagree',
      'Longer evenings': 'Agree; Disagree',
      'Keep the café': '',
    };
    expect(recordsOf(result).map((record) => [record.text, record.meta['answers']])).toEqual([
      ['Other (please say)', answers],
      ['☒ a quiet room', answers],
      ['The library is our only quiet space.', answers],
    ]);
    expect(countItems(result)).toEqual({ record: 3, 'filtered:not-feedback': 14 });
    expect(result.items.flatMap((item) => (item.kind === 'filtered' ? [item.detail] : [])).slice(0, 4)).toEqual([
      'tick-box answer',
      'table header',
      'table header',
      'table header',
    ]);
  });

  test('a table of other cells under a header row stays notes, and so does the line above it', async () => {
    const texts = await notes(
      [
        paragraph('Which days suit you?'),
        table([
          ['', 'Morning', 'Evening'],
          ['Monday', 'Yes, before ten', ''],
          ['Tuesday', '', 'After six'],
        ]),
      ].join(''),
    );
    expect(texts.map((record) => record.text)).toEqual([
      'Which days suit you?',
      'Morning',
      'Evening',
      'Monday',
      'Yes, before ten',
      'Tuesday',
      'After six',
    ]);
  });

  test('an action table with a column of ticks and a column of words is no grid: its actions stay notes', async () => {
    const texts = await notes(
      table([
        ['Action', 'Owner', 'Done'],
        ['Book the hall', 'Jane', '✓'],
        ['Call the council about the buses', '', '✓'],
      ]),
    );
    expect(texts.filter((record) => record['answers'] !== undefined)).toEqual([]);
    expect(texts.map((record) => record.text)).toContain('Call the council about the buses');
  });

  test('Word’s placeholders, English or Welsh, are no answer even where the file no longer marks them as placeholders', async () => {
    const controls = [
      textControl({ shown: 'Cliciwch neu tapiwch yma i roi testun.' }),
      textControl({ shown: 'Click or tap here to enter text.' }),
      textControl({ shown: 'Cliciwch neu tapiwch i roi dyddiad.', date: true }),
      textControl({ shown: 'Click here to enter a date.', date: true }),
      dropDownControl({
        items: [
          { text: 'Canol', value: 'C' },
          { text: 'Gogledd', value: 'G' },
        ],
        shown: 'Dewiswch eitem.',
      }),
    ];
    expect(await notes(controls.map((control) => `<w:p>${control}</w:p>`).join(''))).toEqual([]);
    expect(await notes(`<w:p>${textControl({ shown: 'Dewiswch eitem arall, os gwelwch yn dda.' })}</w:p>`)).toEqual([
      { text: 'Dewiswch eitem arall, os gwelwch yn dda.' },
    ]);
  });

  test('a bilingual form: its questions asked twice still make a question | answer table, and Enw / Name is contact details', async () => {
    const result = await read('cy.docx', DOCX_FIXTURE_INPUTS['welsh-form']?.build() ?? Buffer.alloc(0));
    expect(recordsOf(result).map((record) => record.meta['question'])).toEqual([
      'C1. Beth fyddai’n eich helpu i ddefnyddio’r llyfrgell yn fwy? / Q1. What would help you use the library more?',
    ]);
    expect(result.items.flatMap((item) => (item.kind === 'filtered' ? [item.detail] : []))).toEqual([
      'contact details',
      'consent to publish',
    ]);
    expect(recordsOf(result)[0]?.meta['answers']).toEqual({
      'A gawn ni gyhoeddi eich ymateb? / May we publish your response?': 'Nac ydw / No',
    });
  });

  test('options under an instruction to tick answer the question above it; one alone under the instruction too', async () => {
    const result = await read('f.docx', DOCX_FIXTURE_INPUTS['tick-instruction']?.build() ?? Buffer.alloc(0));
    expect(recordsOf(result)[0]?.meta['answers']).toEqual({
      'Q1. Do you use the 42 bus?': 'Yes',
      'Q2. Which days do you travel? (Tick all that apply)': 'Weekdays; Sundays',
      'C3. Ydych chi’n gyrru? / Q3. Do you drive?': 'Nac ydw / No',
      'Please tick if this applies': 'I have a disability that makes the bus hard to use',
    });
    expect(await notes([paragraph('Mark my words.'), paragraph('The buses will be cut.', { list: 0 })].join(''))).toEqual([
      { text: 'Mark my words.' },
      { text: 'The buses will be cut.' },
    ]);
    const unanswered = await notes(
      [paragraph('Q1. Do you use the 42 bus?'), paragraph('Please tick one:'), paragraph('Only on Sundays.')].join(''),
    );
    expect(unanswered.map((record) => record.text)).toEqual(['Q1. Do you use the 42 bus?', 'Please tick one:', 'Only on Sundays.']);
  });

  test('a reviewed draft is read for its comments as before', async () => {
    const result = await read('d.docx', DOCX_FIXTURE_INPUTS['reviewed-draft']?.build() ?? Buffer.alloc(0));
    expect(recordsOf(result).every((record) => record.meta['answers'] === undefined)).toBe(true);
  });
});

describe('docx letters: the formal parts are filtered, what the letter says is kept', () => {
  const texts = async (paragraphs: readonly string[]) =>
    (await notes(paragraphs.map((text) => paragraph(text)).join(''))).map((note) => note['text']);

  test('an address typed a line to a paragraph, at the head, is filtered down to its postcode; then the date, salutation and signature', async () => {
    expect(
      await texts([
        'Flat 2, Mill House',
        '14 Station Road',
        'Anytown',
        'AN1 2BC',
        'jo@example.org',
        '12 March 2024',
        'Dear Sir or Madam,',
        'The day centre should open on Saturdays.',
        'Kind regards,',
        'Jo Bloggs',
        'Secretary, Friends of the Day Centre',
      ]),
    ).toEqual(['The day centre should open on Saturdays.']);
  });

  test('short notes above a line naming a venue with its postcode are notes, not an address', async () => {
    expect(await texts(['More respite please', 'Buses stop at six', 'Venue: Anytown Library, AN1 2BC', 'Next meeting in May'])).toEqual([
      'More respite please',
      'Buses stop at six',
      'Next meeting in May',
    ]);
  });

  test('short lines at the head with no postcode below them are kept, and lines after the head are never held as an address', async () => {
    expect(
      await texts([
        'Carers’ forum',
        'Day 2',
        'We talked about transport for an hour, and everyone had a story to tell.',
        'Ward 3',
        'AN1 2BC',
      ]),
    ).toEqual(['Carers’ forum', 'Day 2', 'We talked about transport for an hour, and everyone had a story to tell.', 'Ward 3']);
  });

  test('the signature is at most five short lines under the sign-off; a paragraph after it is kept', async () => {
    expect(
      await texts([
        'We support the plan.',
        'Yours sincerely,',
        'Jo Bloggs\nChair',
        'P.S. Please keep the Saturday bus, it is the only one we have.',
      ]),
    ).toEqual(['We support the plan.', 'P.S. Please keep the Saturday bus, it is the only one we have.']);
  });
});
