import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/ingest.js';
import { readExports } from '../../src/ingest/read-exports.js';
import { readStoreRecords } from '../../src/store/record-store.js';
import { csvExport } from '../builders/export-files.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

/** fixtures/ingest/same-email-saved-twice: one e-mail saved as Outlook text and as .eml, and the same words sent again the next day. */
const SAVED_TWICE = join(PROJECT_ROOT, 'fixtures/ingest/same-email-saved-twice');
const AS_TEXT = 'outlook-saved-as-text.txt';
const AS_EML = 'saved-from-thunderbird.eml';
const SENT_AGAIN = 'sent-again-next-day.eml';

/** A one-line summary of each file's counts. */
function perFileCounts(summary: Awaited<ReturnType<typeof ingest>>): string[] {
  return summary.perFile.map((file) => `${file.file}: ${file.added} added, ${file.duplicates} duplicates`);
}

/** An e-mail from Daniel Okafor with the given Message-ID and Date, always the same words. */
function resendEml(messageId: string | null, date: string, subject = 'Direct payments'): string {
  return [
    'From: "Daniel Okafor" <daniel.okafor@example.org>',
    'To: Consultation Team <consult@example.gov.uk>',
    `Subject: ${subject}`,
    `Date: ${date}`,
    ...(messageId === null ? [] : [`Message-ID: <${messageId}>`]),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="utf-8"',
    '',
    'Please keep the minibus to the day centre.',
    '',
  ].join('\r\n');
}

/** The same words saved from Outlook as text, sent at the given local time (`20 May 2014 10:14`). */
function resendText(sent: string, subject = 'Direct payments'): string {
  return [
    'From:\tDaniel Okafor <daniel.okafor@example.org>',
    `Sent:\t${sent}`,
    'To:\tConsultation Team',
    `Subject:\t${subject}`,
    '',
    'Please keep the minibus to the day centre.',
    '',
  ].join('\r\n');
}

describe('ingest duplicates', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tlap-ingest-'));
    await writeFile(
      join(dir, 'survey.csv'),
      'Response ID,Comment\nR-1,More respite please.\nR-2,Less paperwork.\nR-1,More respite please.\n',
    );
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('counts an id repeated within one file as a duplicate, and every record as one on a second run', async () => {
    const first = await ingest({ paths: ['survey.csv'], storeDir: 'store', cwd: dir });
    expect({ read: first.read, added: first.added, duplicates: first.duplicates }).toEqual({ read: 3, added: 2, duplicates: 1 });

    const second = await ingest({ paths: ['survey.csv'], storeDir: 'store', cwd: dir });
    expect({ read: second.read, added: second.added, duplicates: second.duplicates }).toEqual({ read: 3, added: 0, duplicates: 3 });
  });

  it('keeps records from two exports that number their rows alike, and a second run finds them all', async () => {
    await writeFile(
      join(dir, 'event-a.csv'),
      csvExport([
        { id: '1', text: 'Respite saved our family.' },
        { id: '2', text: 'Forms are too long.' },
      ]),
    );
    await writeFile(
      join(dir, 'event-b.csv'),
      csvExport([
        { id: '1', text: 'Buses to the day centre stopped.' },
        { id: '2', text: 'Forms are too long.' },
      ]),
    );
    const first = await ingest({ paths: ['event-a.csv', 'event-b.csv'], storeDir: 'store', cwd: dir });
    expect({ read: first.read, added: first.added, duplicates: first.duplicates }).toEqual({ read: 4, added: 3, duplicates: 1 });
    expect(first.warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(/^event-b\.csv:2: 1 record has the id of a different text already read .* kept as its own record$/),
    ]);
    const texts: string[] = [];
    for await (const record of readStoreRecords(join(dir, 'store'))) texts.push(`${record.sourceId} ${record.text}`);
    expect(texts).toEqual([
      '1 Respite saved our family.',
      '2 Forms are too long.',
      expect.stringMatching(/^1#[0-9a-f]{8} Buses to the day centre stopped\.$/),
    ]);

    const second = await ingest({ paths: ['event-b.csv', 'event-a.csv'], storeDir: 'store', cwd: dir });
    expect({ read: second.read, added: second.added, duplicates: second.duplicates, warnings: second.warnings }).toEqual({
      read: 4,
      added: 0,
      duplicates: 4,
      warnings: [],
    });
  });

  it('compares texts within one reading when no store is given', async () => {
    await writeFile(join(dir, 'event-a.csv'), csvExport([{ id: '7', text: 'More day trips.' }]));
    await writeFile(
      join(dir, 'event-b.csv'),
      csvExport([
        { id: '7', text: 'Fewer forms.' },
        { id: '7', text: 'Fewer forms.' },
      ]),
    );
    const reading = readExports(['event-a.csv', 'event-b.csv'], { cwd: dir });
    const kinds: string[] = [];
    for await (const item of reading)
      if (item.kind === 'record' || item.kind === 'duplicate') kinds.push(`${item.kind} ${item.record.text}`);
    expect(kinds).toEqual(['record More day trips.', 'record Fewer forms.', 'duplicate Fewer forms.']);
  });

  it('remembers each file that held a record once, however often the file or the record is read', async () => {
    await writeFile(
      join(dir, 'a.csv'),
      csvExport([
        { id: '1', text: 'Respite saved us.' },
        { id: '1', text: 'Respite saved us.' },
        { id: '2', text: 'Fewer forms.' },
      ]),
    );
    await writeFile(
      join(dir, 'b.csv'),
      csvExport([
        { id: '2', text: 'Fewer forms.' },
        { id: '2', text: 'Fewer forms.' },
      ]),
    );
    await ingest({ paths: ['a.csv', 'b.csv'], storeDir: 'store', cwd: dir });
    await ingest({ paths: ['b.csv', 'a.csv'], storeDir: 'store', cwd: dir });
    const lines = (await readFile(join(dir, 'store', 'sources.jsonl'), 'utf8')).trim().split('\n');
    const sightings = lines.map((line) => JSON.parse(line) as { id: string; file: string }).map((entry) => `${entry.id} ${entry.file}`);
    expect(sightings).toHaveLength(3);
    expect(new Set(sightings).size).toBe(3);
    expect(sightings.map((sighting) => sighting.split(' ')[1])).toEqual(['a.csv', 'a.csv', 'b.csv']);
  });

  it('counts an e-mail saved as Outlook text and as .eml once, whichever is read first, and keeps the same words sent again', async () => {
    const store = join(dir, 'one-run');
    const together = await ingest({ paths: [AS_TEXT, AS_EML, SENT_AGAIN], storeDir: store, cwd: SAVED_TWICE });
    expect(perFileCounts(together)).toEqual([
      `${AS_TEXT}: 1 added, 0 duplicates`,
      `${AS_EML}: 0 added, 1 duplicates`,
      `${SENT_AGAIN}: 1 added, 0 duplicates`,
    ]);
    expect({ read: together.read, added: together.added, duplicates: together.duplicates }).toEqual({ read: 3, added: 2, duplicates: 1 });

    const emlFirst = join(dir, 'eml-first');
    await ingest({ paths: [AS_EML], storeDir: emlFirst, cwd: SAVED_TWICE });
    const later = await ingest({ paths: [AS_TEXT, SENT_AGAIN], storeDir: emlFirst, cwd: SAVED_TWICE });
    expect(perFileCounts(later)).toEqual([`${AS_TEXT}: 0 added, 1 duplicates`, `${SENT_AGAIN}: 1 added, 0 duplicates`]);
    const sources = (await readFile(join(emlFirst, 'sources.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; file: string });
    const stored: string[] = [];
    for await (const record of readStoreRecords(emlFirst)) stored.push(`${record.id} ${record.sourceId}`);
    expect(stored).toEqual([
      expect.stringMatching(/ CAF7b3Xy0123@mail\.example\.org$/),
      expect.stringMatching(/ CAF7b3Xy0456@mail\.example\.org$/),
    ]);
    const emlId = stored[0]?.split(' ')[0];
    expect(sources.filter((entry) => entry.id === emlId).map((entry) => entry.file)).toEqual([AS_EML, AS_TEXT]);
  });

  it('finds the copy within one reading when no store is given', async () => {
    const kinds: string[] = [];
    for await (const item of readExports([AS_EML, AS_TEXT], { cwd: SAVED_TWICE }))
      if (item.kind === 'record' || item.kind === 'duplicate') kinds.push(`${item.kind} ${item.record.format}`);
    expect(kinds).toEqual(['record eml', 'duplicate mail-text']);
  });

  it.each([
    [
      'two .eml with Message-IDs of their own, a minute apart',
      resendEml('a@example.org', 'Tue, 20 May 2014 10:14:52 +0100'),
      resendEml('b@example.org', 'Tue, 20 May 2014 10:15:30 +0100'),
    ],
    [
      'a text copy sent 20 minutes from the .eml (no time zone is 20 minutes off)',
      resendEml('a@example.org', 'Tue, 20 May 2014 10:14:52 +0100'),
      resendText('20 May 2014 09:34'),
    ],
    [
      'a text copy under another subject',
      resendEml('a@example.org', 'Tue, 20 May 2014 10:14:52 +0100'),
      resendText('20 May 2014 10:14', 'Minibus'),
    ],
    ['a text copy sent the next day', resendEml('a@example.org', 'Tue, 20 May 2014 10:14:52 +0100'), resendText('21 May 2014 10:14')],
  ])('keeps distinct messages apart: %s', async (_case, first, second) => {
    await writeFile(join(dir, 'first.eml'), first);
    await writeFile(join(dir, second.startsWith('From:\t') ? 'second.txt' : 'second.eml'), second);
    const summary = await ingest({
      paths: ['first.eml', second.startsWith('From:\t') ? 'second.txt' : 'second.eml'],
      storeDir: 'store',
      cwd: dir,
    });
    expect({ added: summary.added, duplicates: summary.duplicates }).toEqual({ added: 2, duplicates: 0 });
  });
});
