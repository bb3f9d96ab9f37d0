import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { loadBuiltCli, type BuiltCli } from '../builders/built-cli.js';
import { makeRecord } from '../builders/record-builder.js';
import { writeStore } from '../builders/store-builder.js';
import { withTempDir } from '../builders/temp-dir.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';

const TEXTS = [
  'Carers need respite and a short break, not a carer’s allowance form.',
  'Our #UnpaidCarers group met @TLAP_News at https://example.org/event; communities matter.',
  'The personal budget was cut again; cuts everywhere, and staff did not listen to us.',
  'Nothing about themes here.',
  'Ça va? Café culture in the community centre &amp; the library.',
];

const CAMPAIGN = 'We the undersigned carers ask the council to keep the respite centre open and to fund short breaks for every family.';

/**
 * Records that exercise every part of the report kept in store order: campaign copies (exact and
 * edited) from many voices, quotes excluded by id, dated and undated records, survey questions,
 * several channels, authors, and unthemed words that repeat.
 */
function variedRecords(): ReturnType<typeof makeRecord>[] {
  const channels = ['survey', 'email', 'twitter', 'blog-comment'] as const;
  return Array.from({ length: 1500 }, (_unused, index) => {
    const channel = channels[index % channels.length] ?? 'survey';
    const text =
      index % 7 === 0
        ? index % 21 === 0
          ? `${CAMPAIGN} Thank you.`
          : CAMPAIGN
        : index % 5 === 0
          ? `Parking at the leisure centre and bus routes number ${index % 13} are a worry for Jane Smith at jane${index}@example.org.`
          : `${TEXTS[index % TEXTS.length]} (${index})`;
    return makeRecord({
      sourceId: `v${index}`,
      channel,
      text,
      author: index % 3 === 0 ? null : `person${index % 40}`,
      date: index % 11 === 0 ? null : `2024-0${1 + (index % 6)}-1${index % 10}T10:00:00Z`,
      meta:
        channel === 'survey'
          ? {
              question: `Q${1 + (index % 3)} What matters to you?`,
              respondent: `resp${index % 90}`,
              answers: index % 5 === 0 ? {} : { 'Responding as?': index % 3 === 0 ? 'An organisation' : 'Individual' },
            }
          : {},
    });
  });
}

let cli: BuiltCli;

/** `tlap themes` with these options once per thread count, in `format`: the reports written, in that order. */
async function reportsWithThreads(dir: string, options: string[], format: string, threadCounts: string[]): Promise<string[]> {
  const reports: string[] = [];
  for (const threads of threadCounts) {
    const out = join(dir, `report-${threads}.${format}`);
    const result = await cli.run(['themes', ...options, '--out', out, '--threads', threads], { cwd: dir });
    expect(result.exitCode === 0 ? 0 : result.stderr).toBe(0);
    reports.push(readFileSync(out, 'utf8'));
  }
  return reports;
}

beforeAll(async () => {
  cli = await loadBuiltCli();
});

describe('tlap themes on worker threads (the built CLI, where worker scripts exist)', () => {
  test('the build has the worker script, so --threads 2 starts workers', () => {
    expect(existsSync(join(PROJECT_ROOT, 'dist', 'run', 'assign-worker.js'))).toBe(true);
  });

  test('writes the same report, byte for byte, as on one thread, as a document and as rows', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'store');
      await writeStore(
        store,
        Array.from({ length: 1200 }, (_unused, index) =>
          makeRecord({ sourceId: `r${index}`, text: `${TEXTS[index % TEXTS.length]} (${index})` }),
        ),
      );
      for (const format of ['md', 'csv']) {
        const [oneThread, twoWorkers] = await reportsWithThreads(
          dir,
          ['--store', store, '--themes', join(PROJECT_ROOT, 'themes.yaml')],
          format,
          ['0', '2'],
        );
        expect(twoWorkers).toBe(oneThread);
      }
    });
  }, 120_000);

  test('writes the same report as on one thread with campaigns, excluded quotes, selections and record ids', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'store');
      const records = variedRecords();
      await writeStore(store, records);
      const codebook = join(dir, 'themes.yaml');
      const excluded = [records[3]?.id ?? '', records[10]?.sourceId ?? '', 'no-such-record'];
      writeFileSync(
        codebook,
        `${readFileSync(join(PROJECT_ROOT, 'themes.yaml'), 'utf8')}\nquotes:\n  exclude:\n${excluded.map((id) => `    - ${id}\n`).join('')}`,
      );
      const grouped = join(dir, 'grouped.yaml');
      writeFileSync(grouped, `${readFileSync(codebook, 'utf8')}\nreport:\n  groups: responding as\n`);
      const runs: [string, string, string[]][] = [
        ['md', codebook, []],
        ['json', codebook, []],
        ['md', codebook, ['--since', '2024-02-01', '--channel', 'survey', 'email']],
        ['json', codebook, ['--question', 'q2']],
        ['md', grouped, []],
        ['json', grouped, ['--channel', 'survey']],
      ];
      for (const [format, themes, selection] of runs) {
        const [oneThread, threeWorkers] = await reportsWithThreads(dir, ['--store', store, '--themes', themes, ...selection], format, [
          '0',
          '3',
        ]);
        if (themes === grouped) {
          expect(oneThread).toContain(format === 'md' ? 'All records and voices by respondent group' : '"group": {');
          expect(oneThread).toContain(format === 'md' ? ': records and voices by respondent group' : '"voices": {');
        }
        expect(threeWorkers).toBe(oneThread);
      }
    });
  }, 120_000);

  test('finds the unthemed quotes again by store line in a store edited by hand: CRLF, blank lines, no final newline', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'store');
      await writeStore(store, variedRecords());
      const file = join(store, 'records.jsonl');
      const lines = readFileSync(file, 'utf8').split('\n');
      const edited = lines.flatMap((line, index) => (index % 97 === 5 ? ['', line] : [line])).join('\r\n');
      const options = ['--store', store, '--themes', join(PROJECT_ROOT, 'themes.yaml')];
      for (const bytes of [edited, edited.replace(/\r\n$/, '')]) {
        writeFileSync(file, bytes);
        const [oneThread, twoWorkers] = await reportsWithThreads(dir, options, 'md', ['0', '2']);
        expect([twoWorkers === oneThread, oneThread?.includes('## Unthemed feedback')]).toEqual([true, true]);
      }
    });
  }, 120_000);

  test('a damaged line stops the run at that line, as on one thread', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'store');
      await writeStore(
        store,
        Array.from({ length: 1200 }, (_unused, index) =>
          makeRecord({ sourceId: `d${index}`, text: `${TEXTS[index % TEXTS.length]} (${index})` }),
        ),
      );
      const file = join(store, 'records.jsonl');
      const lines = readFileSync(file, 'utf8').split('\n');
      lines[700] = (lines[700] ?? '').replace('"d', '"x');
      writeFileSync(file, lines.join('\n'));
      const errors: string[] = [];
      for (const threads of ['0', '2']) {
        const result = await cli.run(['themes', '--store', store, '--themes', join(PROJECT_ROOT, 'themes.yaml'), '--threads', threads], {
          cwd: dir,
        });
        expect(result.exitCode).toBe(2);
        errors.push(result.stderr);
      }
      expect(errors[0]).toContain('records.jsonl:701');
      expect(errors[1]).toBe(errors[0]);
    });
  }, 60_000);

  test('an empty store is still an error with workers', async () => {
    await withTempDir(async (dir) => {
      await writeStore(join(dir, 'store'), []);
      const result = await cli.run(
        ['themes', '--store', join(dir, 'store'), '--themes', join(PROJECT_ROOT, 'themes.yaml'), '--threads', '2'],
        { cwd: dir },
      );
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('holds no records');
    });
  }, 60_000);

  test('workers started before the codebook is read are ended when the run stops before using them', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'store');
      await writeStore(store, variedRecords().slice(0, 50));
      const badCodebook = join(dir, 'bad.yaml');
      writeFileSync(badCodebook, 'themes: [');
      const themes = join(PROJECT_ROOT, 'themes.yaml');
      const runs: [string[], string][] = [
        [['--themes', badCodebook], 'bad.yaml'],
        [['--themes', themes, '--format', 'md', '--out', join(store, 'records.jsonl')], 'the store’s records'],
        [['--themes', themes, '--since', '2024-13-01'], '--since'],
      ];
      for (const [options, said] of runs) {
        // A worker left running would keep the process from exiting: the timeout only ends such a run.
        const result = spawnSync(
          process.execPath,
          [join(PROJECT_ROOT, 'bin', 'tlap.js'), 'themes', '--store', store, '--threads', '2', ...options],
          {
            cwd: dir,
            encoding: 'utf8',
            env: { ...process.env, NO_COLOR: '1' },
            timeout: 60_000,
          },
        );
        expect([result.status, result.stderr.includes(said)]).toEqual([2, true]);
      }
    });
  }, 200_000);
});
