import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, test } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { runCli } from '../builders/cli-runner.js';
import { makeRecord } from '../builders/record-builder.js';
import { writeStore } from '../builders/store-builder.js';
import { expectGolden } from '../helpers/golden.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';
import { buildOds } from '../builders/ods-spreadsheets.js';

/** The small-consultation case: a survey export, a codebook with known collisions, and a gold file. */
const CASE = join(PROJECT_ROOT, 'fixtures/analysis/small-consultation');

let temp = '';
let store = '';

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'tlap-analysis-'));
  store = join(temp, 'store');
  const ingested = await runCli(['ingest', 'feedback.csv', '--store', store], { cwd: CASE });
  expect(ingested.exitCode).toBe(0);
});

afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

describe('tlap audit / eval / gaps on fixtures/analysis/small-consultation', () => {
  test('tlap audit shows each keyword, the words it matched, and a fix per problem', async () => {
    const result = await runCli(['audit', '--store', store], { cwd: CASE });
    expect(result.exitCode).toBe(0);
    expectGolden(join(CASE, 'expected/audit.txt'), result.stdout);
    const json = JSON.parse((await runCli(['audit', '--store', store, '--json'], { cwd: CASE })).stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['codebook', 'records', 'themed', 'keywords', 'unmatched', 'shared', 'problems']);
  });

  test('tlap eval --suggest --patch scores against the gold, names the keyword behind each error and writes the patched codebook', async () => {
    const patch = join(temp, 'themes.patched.yaml');
    const result = await runCli(['eval', '--store', store, '--gold', 'gold.csv', '--suggest', '--patch', patch], { cwd: CASE });
    expect(result.exitCode).toBe(0);
    expectGolden(join(CASE, 'expected/eval.txt'), result.stdout);
    expectGolden(join(CASE, 'expected/themes.patched.yaml'), await readFile(patch, 'utf8'));
    expect(result.stderr).toContain(`wrote ${patch} with 1 suggested change`);
  });

  test('a codebook saved as Windows-1252 is scored and patched with its words intact, with a warning to save it as UTF-8', async () => {
    const ansi = join(temp, 'ansi.yaml');
    const comment = '# Budgets in £, from the carer’s view\n';
    await writeFile(ansi, iconv.encode(comment + (await readFile(join(CASE, 'themes.yaml'), 'utf8')), 'windows-1252'));
    const patch = join(temp, 'ansi.patched.yaml');
    const result = await runCli(['eval', '--store', store, '--gold', 'gold.csv', '--themes', ansi, '--patch', patch], { cwd: CASE });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain(
      `${ansi}:1:1: the codebook is not all UTF-8: 1 line was read as Windows-1252 (what Notepad calls "ANSI"), the first of them here`,
    );
    expect(result.stderr).toContain(`wrote ${patch} with 1 suggested change`);
    const patched = await readFile(patch, 'utf8');
    expect(patched.startsWith(comment)).toBe(true);
    expect(patched).not.toContain('\ufffd');
  });

  test('a codebook whose bytes are no text is told to be saved as UTF-8, not to be created', async () => {
    const garbled = join(temp, 'garbled.yaml');
    await writeFile(
      garbled,
      Buffer.concat([Buffer.from('version: 1\nthemes:\n  - id: a\n    label: "'), Buffer.from([0x81]), Buffer.from('"\n')]),
    );
    const result = await runCli(['audit', '--store', store, '--themes', garbled], { cwd: CASE });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`${garbled}:4: the codebook cannot be read as text: byte 0x81 is neither UTF-8 nor Windows-1252`);
    expect(result.stderr).toContain('hint: save the codebook as UTF-8 (in Notepad: Save as, Encoding UTF-8)');
    expect(result.stderr).not.toContain('create themes.yaml');
  });

  test('tlap eval --json has the documented shape', async () => {
    const result = await runCli(['eval', '--store', store, '--gold', 'gold.csv', '--json', '--suggest'], { cwd: CASE });
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining([
        'records',
        'macro_f1',
        'micro_f1',
        'macro_f1_ci',
        'themes',
        'keywords',
        'missing_from_store',
        'missing_from_gold',
        'unknown_gold_themes',
        'gold_theme_labels',
        'suggestions',
      ]),
    );
    expect(json['missing_from_store']).toBe(1);
    expect(json['missing_from_gold']).toBe(1);
    const themes = json['themes'] as { id: string; false_positives: { source_id: string; keywords: string[] }[] }[];
    expect(Object.keys(themes[0] ?? {})).toEqual([
      'id',
      'precision',
      'recall',
      'f1',
      'kappa',
      'support',
      'false_positives',
      'false_negatives',
    ]);
    expect(themes.find((theme) => theme.id === 'communities')?.false_positives[0]).toEqual({
      id: expect.any(String),
      source_id: 'r02:What would make support better?',
      keywords: ['community'],
      text: expect.stringContaining('Communication'),
    });
    expect(json['gold_theme_labels']).toEqual([]);
    const suggestions = json['suggestions'] as Record<string, unknown>[];
    expect(Object.keys(suggestions[0] ?? {})).toEqual(['theme', 'action', 'keyword', 'precision', 'support', 'delta_f1']);
  });

  test('tlap gaps and tlap gaps --discover', async () => {
    const gaps = await runCli(['gaps', '--store', store], { cwd: CASE });
    expect(gaps.exitCode).toBe(0);
    expectGolden(join(CASE, 'expected/gaps.txt'), gaps.stdout);
    const discover = await runCli(['gaps', '--discover', '--store', store], { cwd: CASE });
    expect(discover.exitCode).toBe(0);
    expectGolden(join(CASE, 'expected/discover.yaml'), discover.stdout);
  });

  test('a gold file without the columns is an error naming the file and line (exit 2); --gold is required', async () => {
    const bad = join(temp, 'bad-gold.csv');
    await writeFile(bad, 'record,codes\nr01,x\n');
    const result = await runCli(['eval', '--store', store, '--gold', bad], { cwd: CASE });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`${bad}:1: the header has no source_id or id column`);
    expect((await runCli(['eval', '--store', store], { cwd: CASE })).exitCode).toBe(2);
  });
});

describe('tlap eval --gold on an export that holds its own coding', () => {
  test('the error names --gold-column, which reads the coding from the ingested export, beside the layout of a gold file', async () => {
    const codedExport = join(temp, 'coded-export.csv');
    await writeFile(codedExport, 'code,target,feedback\nss,Staff,The nurses were kind\n');
    const result = await runCli(['eval', '--store', store, '--gold', codedExport], { cwd: CASE });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`${codedExport}:1: the header has no source_id or id column`);
    expect(result.stderr).toContain(
      'if it is an export you ingested with the coding in a column of its own, name that column instead: tlap eval --gold-column COLUMN',
    );
  });
});

describe('tlap sample on a store of thousands', () => {
  test('counts its records as eval, audit and the report do, with a thousands separator', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tlap-sample-count-'));
    try {
      const records = Array.from({ length: 1200 }, (_unused, index) =>
        makeRecord({ text: `The staff on ward ${index} were kind.`, provenance: { file: 'comments.csv', line: index + 2 } }),
      );
      await writeStore(join(dir, 'store'), records);
      await writeFile(join(dir, 'themes.yaml'), 'version: 1\nthemes:\n  - id: staff\n    label: Staff\n    keywords: [staff]\n');
      const drawn = await runCli(['sample', '--store', 'store', '--size', '1100', '--out', 'coding.csv'], { cwd: dir });
      expect(drawn.exitCode).toBe(0);
      expect(drawn.stderr).toContain('drew 1,100 of 1,200 records at random (seed 1) into coding.csv');
      const all = await runCli(['sample', '--store', 'store', '--size', '1300', '--out', 'all.csv'], { cwd: dir });
      expect(all.stderr).toContain('drew all 1,200 records the selection holds into all.csv (fewer than --size 1300)');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('tlap sample, coded by hand, then tlap eval --gold', () => {
  /** The store's records by id, with the gold's coding of each (the small-consultation gold keys them by source id). */
  async function goldById(): Promise<Map<string, { sourceId: string; themes: string[] }>> {
    const goldLines = (await readFile(join(CASE, 'gold.csv'), 'utf8')).trim().split('\n').slice(1);
    const themesBySource = new Map(goldLines.map((line) => [line.slice(0, line.lastIndexOf(',')), line.slice(line.lastIndexOf(',') + 1)]));
    const stored = (await readFile(join(store, 'records.jsonl'), 'utf8')).trim().split('\n');
    return new Map(
      stored.map((line) => {
        const record = JSON.parse(line) as { id: string; sourceId: string };
        const themes = (themesBySource.get(record.sourceId) ?? '').split(';').filter((theme) => theme !== '');
        return [record.id, { sourceId: record.sourceId, themes }];
      }),
    );
  }

  test('the sheet a coder fills in part is scored on the rows marked coded, as the same rows of a gold file are', async () => {
    const sheetPath = join(temp, 'coding.csv');
    const drawn = await runCli(['sample', '--store', store, '--size', '12', '--out', sheetPath], { cwd: CASE });
    expect(drawn.exitCode).toBe(0);
    expect(drawn.stderr).toContain(`drew 12 of 32 records at random (seed 1) into ${sheetPath}`);
    expect(drawn.stderr).toContain(`then run tlap eval --store ${store} --gold ${sheetPath}\n`);
    const sheet = parse(await readFile(sheetPath, 'utf8'), { bom: true }) as string[][];
    const header = sheet[0] ?? [];
    expect(header.slice(0, 5)).toEqual(['id', 'channel', 'context', 'text', 'coded']);
    const coding = await goldById();
    const coded = sheet.slice(1, 9);
    for (const row of coded) {
      row[4] = 'x';
      for (const theme of coding.get(row[0] ?? '')?.themes ?? []) row[header.indexOf(theme)] = '1';
    }
    await writeFile(sheetPath, stringify(sheet));
    const scored = await runCli(['eval', '--store', store, '--gold', sheetPath, '--json'], { cwd: CASE });
    expect(scored.exitCode).toBe(0);
    const fromSheet = JSON.parse(scored.stdout) as Record<string, unknown>;
    expect(fromSheet['sample']).toEqual({ rows: 12, coded: 8, coded_by_themes: 0, not_coded: 4, outside: 20 });
    expect(fromSheet['missing_from_gold']).toBe(0);

    const subset = join(temp, 'gold-subset.csv');
    const rows = coded.map((row) => {
      const entry = coding.get(row[0] ?? '');
      return [entry?.sourceId ?? '', (entry?.themes ?? []).join(';')];
    });
    await writeFile(subset, stringify([['source_id', 'themes'], ...rows]));
    const fromGold = JSON.parse((await runCli(['eval', '--store', store, '--gold', subset, '--json'], { cwd: CASE })).stdout) as Record<
      string,
      unknown
    >;
    for (const key of ['records', 'macro_f1', 'micro_f1', 'themes', 'keywords'])
      expect([key, fromSheet[key]]).toEqual([key, fromGold[key]]);

    const text = await runCli(['eval', '--store', store, '--gold', sheetPath], { cwd: CASE });
    expect(text.stdout.split('\n')[0]).toBe(
      '8 records coded in both the store and the gold, a coding sheet of 12 rows (8 marked coded, 4 not yet: left out); 0 gold rows missing from the store, 20 store records outside the sheet',
    );
  });

  test('the hint to score the sheet names the store and codebook it was drawn with, quoted for the shell when they need it', async () => {
    const spaced = join(temp, "Ann's coding.csv");
    const drawn = await runCli(['sample', '--store', store, '--themes', 'themes.yaml', '--size', '2', '--out', spaced], { cwd: CASE });
    expect(drawn.exitCode).toBe(0);
    expect(drawn.stderr).toContain(`then run tlap eval --store ${store} --gold '${temp}/Ann'\\''s coding.csv'\n`);
  });

  test('--out NAME.xlsx writes the sheet as an Excel workbook, which eval --gold reads back', async () => {
    const workbookPath = join(temp, 'coding.xlsx');
    const drawn = await runCli(['sample', '--store', store, '--size', '5', '--out', workbookPath], { cwd: CASE });
    expect(drawn.exitCode).toBe(0);
    expect((await readFile(workbookPath)).subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
    const scored = await runCli(['eval', '--store', store, '--gold', workbookPath, '--json'], { cwd: CASE });
    expect(scored.exitCode).toBe(0);
    expect((JSON.parse(scored.stdout) as Record<string, unknown>)['sample']).toEqual({
      rows: 5,
      coded: 0,
      coded_by_themes: 0,
      not_coded: 5,
      outside: 27,
    });
  });

  test('a sample is not drawn over a coding sheet holding coded rows (exit 2, the sheet untouched); an uncoded one is replaced', async () => {
    const sheetPath = join(temp, 'coded-sheet.csv');
    expect((await runCli(['sample', '--store', store, '--size', '3', '--out', sheetPath], { cwd: CASE })).exitCode).toBe(0);
    const redrawn = await runCli(['sample', '--store', store, '--size', '4', '--out', sheetPath], { cwd: CASE });
    expect(redrawn.exitCode).toBe(0);
    const sheet = parse(await readFile(sheetPath, 'utf8'), { bom: true }) as string[][];
    expect(sheet).toHaveLength(5);
    const firstRow = sheet[1] ?? [];
    firstRow[4] = 'x';
    const coded = stringify(sheet);
    await writeFile(sheetPath, coded);
    const refused = await runCli(['sample', '--store', store, '--size', '4', '--seed', '2', '--out', sheetPath], { cwd: CASE });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain(`error: ${sheetPath} is a coding sheet with 1 coded row; a new sample would replace it`);
    expect(refused.stderr).toContain(`hint: draw it into another file (tlap sample --out ${join(temp, 'coded-sheet-2.csv')}), or move`);
    expect(await readFile(sheetPath, 'utf8')).toBe(coded);
  });

  test('--out NAME.ods is refused before anything is drawn (exit 2), naming what tlap sample writes', async () => {
    const odsPath = join(temp, 'coding.ods');
    const refused = await runCli(['sample', '--store', store, '--size', '5', '--out', odsPath], { cwd: CASE });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('error: tlap sample writes a coding sheet as CSV (.csv) or as an Excel workbook (.xlsx), not as .ods');
    expect(refused.stderr).toContain(`hint: name it ${join(temp, 'coding')}.xlsx`);
    await expect(readFile(odsPath)).rejects.toThrow('ENOENT');
  });

  test('the sheet goes to stdout without --out; a selection that keeps nothing, or a bad --size, is a usage error (exit 2)', async () => {
    const stdout = await runCli(['sample', '--store', store, '--size', '3', '--channel', 'survey'], { cwd: CASE });
    expect(stdout.exitCode).toBe(0);
    expect((parse(stdout.stdout, { bom: true }) as string[][]).length).toBe(4);
    const none = await runCli(['sample', '--store', store, '--channel', 'twitter'], { cwd: CASE });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('tlap sample without them draws from the whole store');
    const bad = await runCli(['sample', '--store', store, '--size', 'ten'], { cwd: CASE });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--size takes a whole number of at least 1, not "ten"');
  });
});

describe('tlap agree: two people coding the same sheet', () => {
  test('prints the records both coded, kappa per theme and the records coded differently; --json has the documented shape', async () => {
    const header = 'id,channel,context,text,coded,communities,information,carers,funding,involvement,integrated';
    const first = join(temp, 'coder-a.csv');
    const second = join(temp, 'coder-b.csv');
    await writeFile(
      first,
      [header, 'r1,survey,,one,x,1,,,,,', 'r2,survey,,two,x,,1,,,,', 'r3,survey,,three,x,,,1,,,', 'r4,survey,,four,,,,,,,'].join('\n'),
    );
    await writeFile(
      second,
      [header, 'r1,survey,,one,x,1,,,,,', 'r2,survey,,two,x,,,1,,,', 'r3,survey,,three,x,,,1,,,', 'r4,survey,,four,x,maybe,,,,,'].join(
        '\n',
      ),
    );
    const result = await runCli(['agree', first, second], { cwd: CASE });
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`3 records coded by both ${first} and ${second}; 0 coded only in ${first}, 0 only in ${second}`);
    expect(lines[1]).toBe('The same themes for 2 of 3 records (66.7%); mean kappa 0.467 over the themes either coder used');
    expect(result.stdout).toContain(`  r2  ${first}:3 information  ${second}:3 carers`);
    expect(result.stderr).toContain(`${second}:5: the communities cell holds "maybe"`);
    const json = JSON.parse((await runCli(['agree', first, second, '--json'], { cwd: CASE })).stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'key_column',
      'records',
      'first_only_records',
      'second_only_records',
      'same_themes',
      'mean_kappa',
      'themes',
      'disagreements',
      'unknown_themes',
      'problems',
    ]);
    expect(json['problems']).toEqual([
      {
        file: second,
        line: 5,
        message: 'the communities cell holds "maybe": mark a theme with 1 (or x), or leave it empty; this row is left out',
      },
    ]);
  });

  test('two coding sheets saved as .ods are compared as the same sheets saved as CSV are', async () => {
    const header = ['id', 'channel', 'context', 'text', 'coded', 'communities', 'information', 'carers'];
    const sheets = {
      a: [header, ['r1', 'survey', null, 'one', 'x', 1, null, null], ['r2', 'survey', null, 'two', 'x', null, 1, null]],
      b: [header, ['r1', 'survey', null, 'one', 'x', 1, null, null], ['r2', 'survey', null, 'two', 'x', null, null, 1]],
    };
    for (const [coder, rows] of Object.entries(sheets)) {
      await writeFile(join(temp, `coder-${coder}-sheet.ods`), buildOds([{ name: 'coding', rows }]));
      await writeFile(join(temp, `coder-${coder}-sheet.csv`), stringify(rows.map((row) => row.map((cell) => cell ?? ''))));
    }
    const named = (extension: string): string[] => ['a', 'b'].map((coder) => join(temp, `coder-${coder}-sheet${extension}`));
    const fromOds = await runCli(['agree', ...named('.ods'), '--json'], { cwd: CASE });
    const fromCsv = await runCli(['agree', ...named('.csv'), '--json'], { cwd: CASE });
    expect(fromOds.exitCode).toBe(0);
    expect(JSON.parse(fromOds.stdout.replaceAll('.ods', '.csv'))).toEqual(JSON.parse(fromCsv.stdout));
    expect((JSON.parse(fromOds.stdout) as { records: number; same_themes: number }).records).toBe(2);
  });

  test('a row a coder marked a theme in but left the coded cell of is read as coded, with a warning naming its line', async () => {
    const header = 'id,channel,context,text,coded,communities,information,carers,funding,involvement,integrated';
    const first = join(temp, 'coder-a-forgot.csv');
    const second = join(temp, 'coder-b-marked.csv');
    await writeFile(first, [header, 'r1,survey,,one,x,1,,,,,', 'r2,survey,,two,,,1,,,,', 'r3,survey,,three,,,,,,,'].join('\n'));
    await writeFile(second, [header, 'r1,survey,,one,x,1,,,,,', 'r2,survey,,two,x,,1,,,,', 'r3,survey,,three,,,,,,,'].join('\n'));
    const result = await runCli(['agree', first, second], { cwd: CASE });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(
      `2 records coded by both ${first} and ${second}; 0 coded only in ${first}, 0 only in ${second}`,
    );
    expect(result.stderr).toContain(
      `${first}:3: 1 row marks a theme but leaves its coded cell empty (line 3): read as coded; put 1 in the coded cell of every row you have coded`,
    );
  });
});

describe('tlap eval --gold-column: the coding an export already holds', () => {
  const coding = ['staff', 'Staff', 'care', '', 'staff;care', 'care', 'staff', ''];
  const texts = [
    'The nurse was kind.',
    'Staff were lovely.',
    'Good care on the ward.',
    'Nothing to add.',
    'Kind staff and good care.',
    'The treatment helped.',
    'The doctor listened.',
    'All fine.',
  ];
  const codebookText =
    'version: 1\nthemes:\n  - id: staff\n    label: Staff\n    keywords: [staff, nurse]\n  - id: care\n    label: Care\n    keywords: [care]\n';

  test('scores as a gold file holding the same coding does, and with neither or both ways of giving it is a usage error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tlap-gold-column-'));
    try {
      const records = texts.map((text, index) =>
        makeRecord({
          text,
          meta: { question: 'Q1', answers: { Theme: coding[index] ?? '' } },
          provenance: { file: 'coded.csv', line: index + 2 },
        }),
      );
      await writeStore(join(dir, 'store'), records);
      await writeFile(join(dir, 'themes.yaml'), codebookText);
      await writeFile(
        join(dir, 'gold.csv'),
        ['id,themes', ...records.map((record, index) => `${record.id},"${coding[index] ?? ''}"`)].join('\n'),
      );
      const fromColumn = await runCli(['eval', '--store', 'store', '--gold-column', 'Theme', '--json'], { cwd: dir });
      const fromFile = await runCli(['eval', '--store', 'store', '--gold', 'gold.csv', '--json'], { cwd: dir });
      expect(fromColumn.exitCode).toBe(0);
      const column = JSON.parse(fromColumn.stdout) as Record<string, unknown>;
      const file = JSON.parse(fromFile.stdout) as Record<string, unknown>;
      expect(column['themes']).toEqual(file['themes']);
      expect(column['records']).toBe(8);
      expect(column['gold_theme_labels']).toEqual([{ label: 'Staff', theme: 'staff' }]);
      for (const argv of [
        ['eval', '--store', 'store'],
        ['eval', '--store', 'store', '--gold', 'gold.csv', '--gold-column', 'Theme'],
      ]) {
        const usage = await runCli(argv, { cwd: dir });
        expect(usage.exitCode).toBe(2);
        expect(usage.stderr).toContain('give the human coding with one of --gold or --gold-column');
      }
      const missing = await runCli(['eval', '--store', 'store', '--gold-column', 'Code'], { cwd: dir });
      expect(missing.exitCode).toBe(2);
      expect(missing.stderr).toContain('no record of the store holds a column "Code"');
      expect(missing.stderr).toContain('columns the records hold: Theme, question');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('tlap eval --gold with a ThemeFinder mapping (fixtures/analysis/themefinder-mapping)', () => {
  const THEMEFINDER = join(PROJECT_ROOT, 'fixtures/analysis/themefinder-mapping');

  test('reads mapping.jsonl as the gold, its topic codes through the themes.json beside it, and reports the topic no theme has', async () => {
    const mappingStore = join(temp, 'themefinder-store');
    expect((await runCli(['ingest', 'inputs', '--store', mappingStore], { cwd: THEMEFINDER })).exitCode).toBe(0);
    const result = await runCli(['eval', '--store', mappingStore, '--gold', 'outputs/question_part_1/mapping.jsonl'], { cwd: THEMEFINDER });
    expect(result.exitCode).toBe(0);
    expectGolden(join(THEMEFINDER, 'expected/eval.txt'), result.stdout);
    const json = JSON.parse(
      (await runCli(['eval', '--store', mappingStore, '--gold', 'outputs/question_part_1/mapping.jsonl', '--json'], { cwd: THEMEFINDER }))
        .stdout,
    ) as Record<string, unknown>;
    expect(json['gold_code_labels_file']).toBe('outputs/question_part_1/themes.json');
    expect(json['gold_theme_labels']).toEqual([
      { label: 'A', theme: 'isolation', code_label: 'Isolation and Friendship' },
      { label: 'B', theme: 'cost', code_label: 'Cost and Budgets' },
      { label: 'C', theme: 'respite', code_label: 'Respite for Carers' },
    ]);
    expect(json['unknown_gold_themes']).toEqual([{ theme: 'D', records: 2, first_line: 6 }]);
    expect(json['gold_question_part']).toBe('question_part_1');
  });

  test('a store holding a second question of the consultation scores only the question the mapping is for, matched by respondent', async () => {
    const consultation = join(temp, 'two-questions');
    await cp(join(THEMEFINDER, 'inputs'), join(consultation, 'inputs'), { recursive: true });
    await cp(join(THEMEFINDER, 'inputs/question_part_1'), join(consultation, 'inputs/question_part_2'), { recursive: true });
    const twoStore = join(temp, 'two-questions-store');
    expect((await runCli(['ingest', join(consultation, 'inputs'), '--store', twoStore], { cwd: THEMEFINDER })).exitCode).toBe(0);
    const gold = 'outputs/question_part_1/mapping.jsonl';
    const json = JSON.parse((await runCli(['eval', '--store', twoStore, '--gold', gold, '--json'], { cwd: THEMEFINDER })).stdout) as Record<
      string,
      unknown
    >;
    expect(json['records']).toBe(8);
    expect(json['other_question_records']).toBe(8);
    expect(json['missing_from_gold']).toBe(0);
    expect(json['missing_from_store']).toBe(0);
    const text = (await runCli(['eval', '--store', twoStore, '--gold', gold], { cwd: THEMEFINDER })).stdout;
    expect(text).toContain(
      'The gold codes question_part_1 (the folder it is in), matched by respondent; 8 answers to other questions left out',
    );
  });
});
