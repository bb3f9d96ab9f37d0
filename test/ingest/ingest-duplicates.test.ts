import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/ingest.js';
import { readExports } from '../../src/ingest/read-exports.js';
import { readStoreRecords } from '../../src/store/record-store.js';
import { csvExport } from '../builders/export-files.js';

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
});
