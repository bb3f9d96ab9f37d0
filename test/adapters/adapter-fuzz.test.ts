import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { ADAPTERS } from '../../src/adapters/registry.js';
import { TlapError } from '../../src/errors.js';
import { openInputFile } from '../../src/ingest/read-input-file.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';
import { propertyRuns } from '../helpers/property-runs.js';

/** Runs per adapter: enough to shake out crashes, few enough for every CI run. */
const RUNS = propertyRuns(40);
const SEED = 20140131;
const FUZZ_FIXTURES = join(PROJECT_ROOT, 'fixtures/fuzz');

/** The fixture inputs of a format: the seeds the fuzzer mutates. */
function seedInputs(format: string): { bytes: Buffer; extension: string }[] {
  const root = join(PROJECT_ROOT, 'fixtures/adapters', format);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const dir = join(root, entry.name);
      const input = readdirSync(dir).find((file) => file.startsWith('input'));
      return input === undefined ? [] : [{ bytes: readFileSync(join(dir, input)), extension: extname(input) }];
    });
}

const HOSTILE_PIECES = [
  '"',
  "'",
  ',',
  ';',
  '\n',
  '\r\n',
  '\u0000',
  '\ufeff',
  '<',
  '>',
  '</',
  ']]>',
  '<!ENTITY a "b">',
  '&a;',
  '{',
  '}',
  '[',
  ']',
  '\\',
  'From ',
  '>From ',
  '--',
  '\u2028',
  '\ud800',
  '€',
  '\xff',
  'WEBVTT',
  '-->',
  '00:00:01.000 --> 00:00:02.000',
  '# ',
  '- ',
  '=?utf-8?b?',
  'Content-Type: multipart/mixed; boundary=x\n\n--x\n',
];

/** One mutation of a seed file. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    piece: fc.constantFrom(...HOSTILE_PIECES),
  }),
  fc.record({
    kind: fc.constant('repeat' as const),
    from: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 400 }),
    times: fc.integer({ min: 2, max: 50 }),
  }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(seed: Buffer, mutations: readonly Mutation[]): Buffer {
  let bytes = seed;
  for (const change of mutations) {
    if (change.kind === 'truncate') bytes = bytes.subarray(0, Math.floor(bytes.length * change.at));
    else if (change.kind === 'flip') {
      if (bytes.length === 0) continue;
      bytes = Buffer.from(bytes);
      bytes[Math.min(bytes.length - 1, Math.floor(bytes.length * change.at))] = change.byte;
    } else if (change.kind === 'insert') {
      const at = Math.floor(bytes.length * change.at);
      bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(change.piece, 'utf8'), bytes.subarray(at)]);
    } else {
      const from = Math.floor(bytes.length * change.from);
      const slice = bytes.subarray(from, from + change.length);
      const at = from + slice.length;
      bytes = Buffer.concat([bytes.subarray(0, at), ...Array.from({ length: change.times }, () => slice), bytes.subarray(at)]);
    }
  }
  return bytes;
}

/** Reads a file with one adapter; returns the unexpected error, if any (a TlapError is an expected refusal). */
async function crashOf(path: string, format: string): Promise<unknown> {
  try {
    const opened = await openInputFile(path, { map: {}, format });
    for await (const item of opened.items) {
      if (item.kind === 'record' && typeof item.record.text !== 'string') return new Error('record without text');
    }
    return null;
  } catch (error) {
    return error instanceof TlapError ? null : error;
  }
}

function keepCrash(format: string, extension: string, bytes: Buffer): string {
  const dir = join(FUZZ_FIXTURES, format);
  const name = `crash-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}${extension}`;
  if (process.env['CI'] !== 'true') {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
  return join('fixtures/fuzz', format, name);
}

let workDir = '';
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'tlap-fuzz-'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('fuzzing every adapter with mutated fixtures (fixed seed): no crash, only clean refusals', () => {
  test.each(ADAPTERS.map((adapter) => [adapter.name] as const))('%s', async (format) => {
    const seeds = seedInputs(format);
    expect(seeds.length).toBeGreaterThan(0);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: seeds.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        async (seedIndex, mutations) => {
          const seed = seeds[seedIndex];
          if (seed === undefined) return;
          const bytes = mutate(seed.bytes, mutations);
          run += 1;
          const path = join(workDir, `${format}-${run}${seed.extension}`);
          await writeFile(path, bytes);
          const crash = await crashOf(path, format);
          if (crash !== null) {
            const kept = keepCrash(format, seed.extension, bytes);
            throw new Error(`${format} crashed on ${kept}: ${crash instanceof Error ? (crash.stack ?? crash.message) : String(crash)}`);
          }
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });
});

describe('inputs that once crashed an adapter (fixtures/fuzz/<format>/) are refused cleanly now', () => {
  const kept = existsSync(FUZZ_FIXTURES)
    ? readdirSync(FUZZ_FIXTURES, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .flatMap((format) =>
          readdirSync(join(FUZZ_FIXTURES, format))
            .filter((file) => file.startsWith('crash-'))
            .map((file) => [`${format}/${file}`, format, join(FUZZ_FIXTURES, format, file)] as const),
        )
    : [];
  test('the fuzz fixture folder documents itself', () => {
    expect(existsSync(join(FUZZ_FIXTURES, 'README.md'))).toBe(true);
  });
  if (kept.length > 0) {
    test.each(kept)('%s', async (_name, format, path) => {
      expect(await crashOf(path, format)).toBeNull();
    });
  }
});
