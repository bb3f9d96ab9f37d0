import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { buildPrivateCli, type BuiltCli } from '../builders/built-cli.js';
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

let cli: BuiltCli;

beforeAll(async () => {
  cli = await buildPrivateCli();
}, 120_000);

afterAll(async () => {
  await cli.remove();
});

describe('tlap themes on worker threads (the built CLI, where worker scripts exist)', () => {
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
        const outputs: string[] = [];
        for (const threads of ['0', '2']) {
          const out = join(dir, `report-${threads}.${format}`);
          const result = await cli.run([
            'themes',
            '--store',
            store,
            '--themes',
            join(PROJECT_ROOT, 'themes.yaml'),
            '--out',
            out,
            '--threads',
            threads,
          ]);
          expect(result.exitCode === 0 ? 0 : result.stderr).toBe(0);
          outputs.push(readFileSync(out, 'utf8'));
        }
        expect(outputs[1]).toBe(outputs[0]);
      }
    });
  }, 120_000);

  test('an empty store is still an error with workers', async () => {
    await withTempDir(async (dir) => {
      await writeStore(join(dir, 'store'), []);
      const result = await cli.run([
        'themes',
        '--store',
        join(dir, 'store'),
        '--themes',
        join(PROJECT_ROOT, 'themes.yaml'),
        '--threads',
        '2',
      ]);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('holds no records');
    });
  }, 60_000);
});
