import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { outlookCsvAdapter } from '../../../src/adapters/formats/outlook-csv.js';
import { detectFormat } from '../../../src/adapters/format-detection.js';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import { readFileItems } from '../../helpers/read-fixture.js';

/** The columns classic Outlook writes for a mail folder exported as Comma Separated Values, in its order. */
const OUTLOOK_COLUMNS = [
  'Subject',
  'Body',
  'From: (Name)',
  'From: (Address)',
  'From: (Type)',
  'To: (Name)',
  'To: (Address)',
  'To: (Type)',
  'CC: (Name)',
  'CC: (Address)',
  'CC: (Type)',
  'BCC: (Name)',
  'BCC: (Address)',
  'BCC: (Type)',
  'Billing Information',
  'Categories',
  'Importance',
  'Mileage',
  'Sensitivity',
] as const;

type OutlookRow = Partial<Record<(typeof OUTLOOK_COLUMNS)[number], string>>;

/** An Outlook mail-folder export of these rows: every value quoted, CRLF line ends, as Outlook writes it. */
function outlookExport(rows: readonly OutlookRow[], delimiter = ','): string {
  const quoted = (value: string): string => `"${value.replaceAll('"', '""')}"`;
  const lines = [
    OUTLOOK_COLUMNS.map(quoted).join(delimiter),
    ...rows.map((row) => OUTLOOK_COLUMNS.map((column) => quoted(row[column] ?? '')).join(delimiter)),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

const sniffInput = (headText: string, path = 'inbox.csv') => ({ path, extension: '.csv', headText, headBytes: Buffer.from(headText) });

describe('outlook-csv adapter', () => {
  const folder = mkdtempSync(join(tmpdir(), 'tlap-outlook-csv-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  async function read(name: string, content: string, format?: string) {
    const path = join(folder, name);
    writeFileSync(path, content);
    return readFileItems(path, { displayPath: name, ...(format === undefined ? {} : { format }) });
  }

  test('detects the export by its header, with a byte order mark, a semicolon list separator or only the first columns', () => {
    const reply = { Subject: 'RE: consultation', Body: 'Yes.', 'From: (Name)': 'Sam Jones' };
    for (const head of [
      outlookExport([reply]),
      `\ufeff${outlookExport([reply])}`,
      outlookExport([reply], ';'),
      'Subject,Body,From: (Address)\n"a","b","c"\n',
    ]) {
      expect(outlookCsvAdapter.sniff(sniffInput(head))).toBe(0.95);
      expect(detectFormat(ADAPTERS, sniffInput(head))).toMatchObject({ adapter: { name: 'outlook-csv' } });
    }
  });

  test.each([
    [
      'a Padlet export (Subject beside Body, an Author column)',
      'Subject,Body,Attachment,Author,Created At,Updated At,Section\nA,B,,Asha,2024-01-15,2024-01-15,S\n',
    ],
    ['an idea board with a Title and a Body', 'Title,Body,Author\nA,B,Jo\n'],
    ['a table with a Subject, a Body and a From column', 'Subject,Body,From\nA,B,Jo\n'],
    ['a table mentioning the columns in a cell', 'id,comment\n1,"Subject, Body, From: (Name)"\n'],
  ])('leaves %s to the other readers', (_what, head) => {
    expect(outlookCsvAdapter.sniff(sniffInput(head))).toBe(0);
    expect(detectFormat(ADAPTERS, sniffInput(head))?.adapter.name).not.toBe('outlook-csv');
  });

  test("reads each row as an e-mail: the sender's new words, their name, the subject in meta, no address anywhere", async () => {
    const result = await read(
      'inbox.csv',
      outlookExport([
        {
          Subject: 'RE: Partnership agreement consultation',
          Body: 'More respite, please.\r\n\r\nKind regards\r\nSam\r\n\r\nFrom: TLAP <consult@example.org>\r\nSent: 01 March 2024 09:12\r\nTo: Sam Jones\r\nSubject: Partnership agreement consultation\r\n\r\nPlease send us your views.\r\n',
          'From: (Name)': 'Sam Jones (sam@example.org)',
          'From: (Address)': 'sam@example.org',
          'From: (Type)': 'SMTP',
          'To: (Name)': 'TLAP',
          'To: (Address)': 'consult@example.org',
          'CC: (Name)': 'Lee Harris',
        },
      ]),
    );
    expect(result.error).toBeNull();
    expect(result.format).toBe('outlook-csv');
    expect(result.items).toEqual([
      {
        kind: 'record',
        record: expect.objectContaining({
          channel: 'email',
          format: 'outlook-csv',
          author: 'Sam Jones',
          text: 'More respite, please.',
          meta: { subject: 'RE: Partnership agreement consultation' },
          provenance: { file: 'inbox.csv', line: 2, row: 1 },
        }),
      },
    ]);
    expect(JSON.stringify(result.items)).not.toMatch(/example\.org|Lee Harris/);
  });

  test('an address-only sender has no author; an automatic reply is filtered; an empty body is filtered as empty-text', async () => {
    const result = await read(
      'mixed.csv',
      outlookExport([
        { Subject: 'Views', Body: 'Fund the carers centre.', 'From: (Name)': 'robin@example.com', 'From: (Address)': 'robin@example.com' },
        { Subject: 'Automatic reply: Views', Body: 'I am away until Monday.', 'From: (Name)': 'Alex Rowe' },
        { Subject: 'Views', Body: '', 'From: (Name)': 'Jo' },
      ]),
    );
    expect(result.items.map((item) => item.kind)).toEqual(['record', 'filtered', 'filtered']);
    expect(result.items[0]).toMatchObject({ kind: 'record', record: { author: null, text: 'Fund the carers centre.' } });
    expect(result.items[1]).toMatchObject({ kind: 'filtered', rule: 'auto-reply', provenance: { row: 2 } });
    expect(result.items[2]).toMatchObject({ kind: 'filtered', rule: 'empty-text', provenance: { row: 3 } });
  });

  test.each([
    ['German', 'Betreff,Text,Von: (Name),Von: (Adresse),An: (Name),An: (Adresse)'],
    ['Spanish', 'Asunto,Cuerpo,De: (nombre),De: (dirección),Para: (nombre),Para: (dirección)'],
    ['Czech', 'Předmět,Tělo,Od: (jméno),Od: (adresa),Komu: (adresa)'],
    ['German, in other letter case and spacing', 'BETREFF,text,von:  (name)'],
  ])('detects an export written by an Office in %s by its header', (_language, header) => {
    const head = `${header}\r\n"a","b","c"\r\n`;
    expect(outlookCsvAdapter.sniff(sniffInput(head))).toBe(0.95);
    expect(detectFormat(ADAPTERS, sniffInput(head))).toMatchObject({ adapter: { name: 'outlook-csv' } });
  });

  test.each([
    ['names of two languages mixed', 'Betreff,Body,From: (Name)\na,b,c\n'],
    ['a German table with a subject and a text but no sender', 'Betreff,Text,Datum\na,b,c\n'],
    ['French names no source confirmed', 'Objet,Corps,De : (nom),De : (adresse)\na,b,c,d\n'],
  ])('leaves %s to the other readers', (_what, head) => {
    expect(outlookCsvAdapter.sniff(sniffInput(head))).toBe(0);
  });

  test('reads a German export as the English one: the body under Text, the sender under Von: (Name)', async () => {
    const header = ['Betreff', 'Text', 'Von: (Name)', 'Von: (Adresse)'];
    const quoted = (cells: readonly string[]): string => cells.map((cell) => `"${cell}"`).join(',');
    const result = await read(
      'posteingang.csv',
      `${quoted(header)}\r\n${quoted(['AW: Radverkehrsplan', 'Mehr Fahrradständer am Bahnhof, bitte.', 'Lena Koch', 'lena@example.de'])}\r\n`,
    );
    expect(result.format).toBe('outlook-csv');
    expect(result.items).toEqual([
      {
        kind: 'record',
        record: expect.objectContaining({
          author: 'Lena Koch',
          text: 'Mehr Fahrradständer am Bahnhof, bitte.',
          meta: { subject: 'AW: Radverkehrsplan' },
        }),
      },
    ]);
    expect(JSON.stringify(result.items)).not.toMatch(/example\.de/);
  });

  test('--format outlook-csv on another table fails naming the columns it found', async () => {
    const result = await read('other.csv', 'id,comment\n1,hello\n', 'outlook-csv');
    expect(result.error).toBe('other.csv: not an Outlook mail folder export (columns: "id", "comment")');
  });
});
