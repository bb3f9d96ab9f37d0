import { describe, expect, test } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { renderCsvHeader, renderCsvRow } from '../../src/report/csv-rows.js';
import { createRedactor } from '../../src/report/publication-redactor.js';
import { withholdingWords } from '../../src/report/withheld-words.js';
import type { ThemedRecord } from '../../src/themes/themed-record.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { makeThemedRecord } from '../builders/themed-record-builder.js';
import { buildReport } from './report-fixture.js';

const codebook = makeCodebook([
  { id: 'carers', keywords: ['carer'] },
  { id: 'money', keywords: ['budget'] },
  { id: 'places', keywords: ['day centre'] },
]);

function csvOf(rows: readonly ThemedRecord[], includeAuthors = false, includeSourceIds = true): string[][] {
  const text =
    renderCsvHeader(codebook, { includeSourceIds }) +
    rows.map((row) => renderCsvRow(row, codebook, { redact: createRedactor(codebook), includeAuthors, includeSourceIds })).join('');
  return parse(text, { bom: true }) as string[][];
}

describe('CSV rows', () => {
  test('the header starts with a BOM and has one column per theme, in codebook order, before text', () => {
    expect(renderCsvHeader(codebook).startsWith('\ufeffid,')).toBe(true);
    expect(csvOf([])[0]).toEqual([
      'id',
      'source_id',
      'channel',
      'author',
      'date',
      'context',
      'themes',
      'campaign',
      'carers',
      'money',
      'places',
      'text',
    ]);
  });

  test('one row per record: 0/1 per theme in codebook order, themes joined by ;', () => {
    const both = makeThemedRecord(codebook, { text: 'The day centre for carers', date: '2014-01-02T00:00:00.000Z', channel: 'email' });
    const none = makeThemedRecord(codebook, { text: 'Unrelated, with a comma and a "quote"\nand a new line' });
    const [, first, second] = csvOf([both, none]);
    expect(first).toEqual([
      both.record.id,
      both.record.sourceId,
      'email',
      '',
      '2014-01-02T00:00:00.000Z',
      '',
      'carers;places',
      '',
      '1',
      '0',
      '1',
      'The day centre for carers',
    ]);
    expect(second).toEqual([
      none.record.id,
      none.record.sourceId,
      'survey',
      '',
      '',
      '',
      '',
      '',
      '0',
      '0',
      '0',
      'Unrelated, with a comma and a "quote"\nand a new line',
    ]);
  });

  test("cells a spreadsheet would run as a formula are prefixed with '", () => {
    const rows = ['=HYPERLINK("http://x")', '+1 carer', '-2 carers', '@ carers'].map((text) =>
      makeThemedRecord(codebook, { text, author: '=cmd|calc' }),
    );
    const parsed = csvOf(rows, true).slice(1);
    expect(parsed.map((row) => row[11])).toEqual(['\'=HYPERLINK("http://x")', "'+1 carer", "'-2 carers", "'@ carers"]);
    expect(parsed.map((row) => row[3])).toEqual(Array(4).fill("'=cmd|calc"));
  });

  test('a cell holding a bare carriage return is quoted, so the row stays one row', () => {
    const record = makeThemedRecord(codebook, { text: 'line one\rline two', author: '\rCr' });
    const row = renderCsvRow(record, codebook, { redact: createRedactor(codebook), includeAuthors: true });
    expect(row).toContain(`,"'\rCr",`);
    expect(row).toContain(`,"line one\rline two"\n`);
    const parsed = csvOf([record], true);
    expect(parsed).toHaveLength(2);
    expect(parsed[1]?.[3]).toBe("'\rCr");
  });

  test('the author column is empty unless authors are asked for', () => {
    const record = makeThemedRecord(codebook, { text: 'A carer', author: 'Asha' });
    expect(csvOf([record])[1]?.[3]).toBe('');
    expect(csvOf([record], true)[1]?.[3]).toBe('Asha');
  });
});

describe('CSV rows are published text', () => {
  test('personal data in the text and, with authors, in the author column is redacted under the codebook policy', () => {
    const record = makeThemedRecord(codebook, { text: 'Call 07700 900123 or mail jo@example.com about carers', author: '@jo_carer' });
    const [, row] = csvOf([record], true);
    expect(row?.[11]).toBe('Call [phone] or mail [email] about carers');
    expect(row?.[3]).toBe('[handle]');
  });
});

describe('CSV ids', () => {
  test("records are identified by tlap's id alone unless the export's ids are asked for", () => {
    const record = makeThemedRecord(codebook, { text: 'A carer', sourceId: 'helen-001@example.com', channel: 'email' });
    const [header, row] = csvOf([record], false, false);
    expect(header?.slice(0, 2)).toEqual(['id', 'channel']);
    expect(row?.[0]).toBe(record.record.id);
    expect(JSON.stringify(csvOf([record], false, false))).not.toContain('example.com');
    expect(csvOf([record], false, true)[1]?.[1]).toBe('helen-001@example.com');
  });
});

test('the context column holds what the words answer, redacted, as quotes are labelled', () => {
  const answer = makeThemedRecord(codebook, { text: 'A carer', meta: { question: 'Q1 Anything else? Write to help@council.example.org' } });
  const comment = makeThemedRecord(codebook, { text: 'A budget', channel: 'blog-comment', meta: { postTitle: 'Why we are updating it' } });
  const [, first, second] = csvOf([answer, comment]);
  expect([first?.[5], second?.[5]]).toEqual(['Q1 Anything else? Write to [email]', 'Why we are updating it']);
});

describe('CSV campaign column', () => {
  test('a record of a campaign carries its number; any other record leaves the column empty', () => {
    const record = makeThemedRecord(codebook, { text: 'A carer' });
    const redact = createRedactor(codebook);
    const inCampaign = parse(renderCsvRow(record, codebook, { redact, includeAuthors: false, campaign: 2 })) as string[][];
    const alone = parse(renderCsvRow(record, codebook, { redact, includeAuthors: false, campaign: null })) as string[][];
    expect(inCampaign[0]?.[6]).toBe('2');
    expect(alone[0]?.[6]).toBe('');
  });
});

describe('the group column', () => {
  test('with groups, a group column after campaign: the answer redacted as the report prints it, empty for none', () => {
    const redact = createRedactor(codebook);
    const text =
      renderCsvHeader(codebook, { groups: true }) +
      [{ group: 'On behalf of an organisation' }, { group: 'Other: jane.doe@example.org' }, { group: null }]
        .map(({ group }, index) =>
          renderCsvRow(makeThemedRecord(codebook, { text: `a carer ${index}` }), codebook, {
            redact,
            includeAuthors: false,
            groups: true,
            group,
          }),
        )
        .join('');
    const [header, ...rows] = parse(text, { bom: true }) as string[][];
    const at = header?.indexOf('group') ?? -1;
    expect(header?.[at - 1]).toBe('campaign');
    expect(header?.[at + 1]).toBe('carers');
    expect(rows.map((row) => row[at])).toEqual(['On behalf of an organisation', 'Other: [email]', '']);
    expect(rows.every((row) => row.length === header?.length)).toBe(true);
  });

  test('without groups, no group column', () => {
    expect(renderCsvHeader(codebook)).not.toContain('group');
  });
});

describe("the text of a record naming a person a codebook's keyword names", () => {
  test('withholds the keyword where redaction left it, in lower case after a role it does not read (`worker sarah`), and keeps a keyword that is a word', () => {
    const named = makeCodebook([{ id: 'staff', keywords: ['sarah', 'hope'] }]);
    const record = makeThemedRecord(named, { text: 'The day centre worker sarah gave us hope.' });
    const [, text] =
      (parse(renderCsvRow(record, named, { redact: createRedactor(named), includeAuthors: false })) as string[][])[0]?.slice(-2) ?? [];
    expect(text).toBe('The day centre worker [name] gave us hope.');
  });

  test("withholds a lower-case keyword no lexicon lists (`kaelynn`) under the redactor of its report's name words, as the report's quotes do", () => {
    const named = makeCodebook([{ id: 'staff', keywords: ['kaelynn', 'dementia'] }]);
    const lowerCase = makeThemedRecord(named, { text: 'The day centre worker kaelynn always rings back about the dementia group.' });
    const report = buildReport(named, [makeThemedRecord(named, { text: 'Kaelynn at the day centre sorted the transport.' }), lowerCase]);
    expect(report.trace.nameWords).toEqual(['kaelynn']);
    const quoted = report.themes.flatMap((theme) => theme.quotes.map((quote) => quote.text));
    const textOf = (redact: ReturnType<typeof createRedactor>): string =>
      (parse(renderCsvRow(lowerCase, named, { redact, includeAuthors: false })) as string[][])[0]?.at(-1) ?? '';
    expect(textOf(createRedactor(named))).toContain('worker kaelynn');
    const agreed = textOf(withholdingWords(createRedactor(named), report.trace.nameWords));
    expect(agreed).toBe('The day centre worker [name] always rings back about the dementia group.');
    expect(quoted).toContain(agreed);
  });

  test("the redactor of a report's name words counts what it withholds as names and leaves an author asked for as it is", () => {
    const named = makeCodebook([{ id: 'staff', keywords: ['kaelynn'] }]);
    const redact = withholdingWords(createRedactor(named), ['kaelynn']);
    expect(redact('worker kaelynn rang')).toEqual({ text: 'worker [name] rang', counts: { name: 1 } });
    expect(redact('kaelynn', { names: false }).text).toBe('kaelynn');
    expect(withholdingWords(createRedactor(named), [])('worker kaelynn rang').text).toBe('worker kaelynn rang');
  });
});
