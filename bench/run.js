// npm run bench:layouts [-- --sizes 100k,1m --layouts csv,jsonl --profile --keep]
//
// Generates (or reuses) deterministic synthetic corpora under bench/corpus/ and times, each in a
// fresh child process so peak memory is per step:
//   read        stream the file and parse it (csv-parse / JSON.parse): the floor for any reader
//   baseline    the same, and tokenise every text with the project's normaliseText
//   ingest      tlap ingest FILE into a fresh store
//   themes-md   tlap themes --format md over that store, with the project's themes.yaml
//   themes-csv  tlap themes --format csv
//   reingest    tlap ingest FILE again into the full store (every record a duplicate)
// Reports wall time, CPU time, records/s and peak RSS. It reports; it never asserts timings.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CORPUS_DIR, LAYOUTS, ensureCorpus } from './make-corpus.js';
import { formatProfileSummary, summariseProfile } from './profile-summary.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('measure-child.js', import.meta.url));
const STEPS = ['read', 'baseline', 'ingest', 'themes-md', 'themes-csv', 'reingest'];
const DEFAULT_SIZES = [100_000, 1_000_000];

const USAGE = `usage: npm run bench -- [options]
  --sizes LIST     corpus sizes in records, comma-separated (100000, 100k, 1m); default 100k,1m
  --layouts LIST   export layouts: ${Object.keys(LAYOUTS).join(', ')}; default all
  --steps LIST     steps: ${STEPS.join(', ')}; default all (without ingest, a store is filled first, unmeasured)
  --seed TEXT      corpus seed (default 1)
  --profile        write a CPU profile per step (bench/corpus/profiles/) and print its hot spots
  --keep           keep stores and reports (bench/corpus/work/) after the run
  -h, --help       show this help`;

function parseSize(text) {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim().replace(/_/g, ''));
  if (match === null) throw new Error(`--sizes: "${text}" is not a size (use 100000, 100k or 1m)`);
  const factor = { '': 1, k: 1_000, m: 1_000_000 }[match[2].toLowerCase()];
  const size = Math.round(Number(match[1]) * factor);
  if (size < 1) throw new Error(`--sizes: "${text}" must be at least 1`);
  return size;
}

function parseList(text, known, flag) {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  for (const item of items) {
    if (!known.includes(item)) throw new Error(`${flag}: unknown "${item}" (known: ${known.join(', ')})`);
  }
  return items;
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      layouts: { type: 'string' },
      steps: { type: 'string' },
      seed: { type: 'string', default: '1' },
      profile: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  return {
    sizes: values.sizes === undefined ? DEFAULT_SIZES : values.sizes.split(',').map(parseSize),
    layouts: values.layouts === undefined ? Object.keys(LAYOUTS) : parseList(values.layouts, Object.keys(LAYOUTS), '--layouts'),
    steps: values.steps === undefined ? STEPS : parseList(values.steps, STEPS, '--steps'),
    seed: values.seed,
    profile: values.profile,
    keep: values.keep,
  };
}

function machineLines() {
  const cpuList = cpus();
  const model = cpuList[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown cpu';
  return [
    `machine: ${cpuList.length} cpu${cpuList.length === 1 ? '' : 's'} (${model}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${platform()} ${release()}`,
    `node: ${process.version}; load average at start: ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  ];
}

/** Runs one step in a fresh node process and returns what it measured. */
function measure(spec, nodeFlags) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, CHILD, JSON.stringify(spec)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`${spec.step} (${spec.layout}, ${spec.size}) failed with exit code ${code}:\n${stderr.trim() || stdout.trim()}`));
      }
    });
  });
}

/** Compares ingest's summary with what the corpus generator says it holds (a second ingest adds nothing). */
function checkIngest(result, corpus, again) {
  const summary = result.detail;
  if (result.exitCode !== 0 || summary === null)
    return `exit ${result.exitCode}${result.stderr ? `: ${result.stderr.trim().split('\n')[0]}` : ''}`;
  const expected = again
    ? { added: 0, filtered: corpus.expected.filtered, duplicates: corpus.expected.added + corpus.expected.duplicates }
    : corpus.expected;
  const wrong = [];
  if (summary.read !== corpus.rows) wrong.push(`read ${summary.read}, expected ${corpus.rows}`);
  for (const key of ['added', 'filtered', 'duplicates']) {
    if (summary[key] !== expected[key]) wrong.push(`${key} ${summary[key]}, expected ${expected[key]}`);
  }
  if (summary.rejected !== 0) wrong.push(`rejected ${summary.rejected}`);
  return wrong.length === 0
    ? `${summary.added} added, ${summary.filtered} filtered, ${summary.duplicates} dup`
    : `MISMATCH: ${wrong.join('; ')}`;
}

function formatMb(bytes) {
  return bytes < 2 ** 20 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

function table(headers, rows, alignRight) {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => String(row[column]).length)));
  const cell = (value, column) => (alignRight[column] ? String(value).padStart(widths[column]) : String(value).padEnd(widths[column]));
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `|${widths.map((width, column) => (alignRight[column] ? `${'-'.repeat(width + 1)}:` : `${'-'.repeat(width + 2)}`)).join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

const STEP_LABELS = {
  read: 'read only (stream + parse)',
  baseline: 'baseline (read + tokenise)',
  ingest: 'tlap ingest (fresh store)',
  'themes-md': 'tlap themes (md)',
  'themes-csv': 'tlap themes --format csv',
  reingest: 'tlap ingest again (all dups)',
};

async function main() {
  const options = readOptions();
  const themes = join(ROOT, 'themes.yaml');
  const profileDir = join(CORPUS_DIR, 'profiles');
  const lines = machineLines();
  for (const line of lines) process.stdout.write(`${line}\n`);
  process.stdout.write(
    `sizes: ${options.sizes.join(', ')}; layouts: ${options.layouts.join(', ')}; steps: ${options.steps.join(', ')}; seed ${options.seed}\n\n`,
  );

  const results = [];
  for (const size of options.sizes) {
    for (const layout of options.layouts) {
      const corpus = await ensureCorpus({ layout, size, seed: options.seed });
      process.stderr.write(
        `${corpus.reused ? 'reusing' : `generated in ${(corpus.generatedMs / 1000).toFixed(1)} s:`} ${corpus.file.slice(ROOT.length)} (${formatMb(corpus.bytes)}, ${corpus.rows} rows)\n`,
      );
      const workDir = join(CORPUS_DIR, 'work', `${layout}-${size}-seed${options.seed}`);
      await mkdir(workDir, { recursive: true });
      const storeDir = join(workDir, 'store');
      const needsStore = options.steps.some((step) => step.startsWith('themes') || step === 'reingest');
      if (needsStore && !options.steps.includes('ingest') && !existsSync(join(storeDir, 'records.jsonl'))) {
        process.stderr.write(`  ${layout} ${size}: filling a store for the themes steps (not measured)\n`);
        await measure({ step: 'ingest', layout, size, file: corpus.file, storeDir }, []);
      }
      for (const step of options.steps) {
        const outFile = join(workDir, step === 'themes-csv' ? 'coded-records.csv' : 'summary.md');
        const nodeFlags = options.profile
          ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${layout}-${size}-${step}.cpuprofile`]
          : [];
        process.stderr.write(`  ${layout} ${size} ${step}…`);
        const result = await measure({ step, layout, size, file: corpus.file, storeDir, outFile, themes }, nodeFlags);
        const records = step.startsWith('themes') ? corpus.expected.added : corpus.rows;
        const outcome =
          step === 'ingest' || step === 'reingest'
            ? checkIngest(result, corpus, step === 'reingest')
            : step === 'baseline'
              ? `${result.detail.tokens} tokens`
              : step === 'read'
                ? `${result.detail.nonEmpty} non-empty texts`
                : result.exitCode === 0
                  ? `${formatMb(result.detail.bytes ?? 0)} written`
                  : `exit ${result.exitCode}: ${(result.stderr ?? '').trim().split('\n')[0]}`;
        results.push({ size, layout, step, records, corpusBytes: corpus.bytes, outcome, ...result });
        process.stderr.write(` ${(result.wallMs / 1000).toFixed(1)} s, ${result.maxRssMb.toFixed(0)} MB\n`);
        if (options.profile) {
          const summary = await summariseProfile(join(profileDir, `${layout}-${size}-${step}.cpuprofile`), 12);
          process.stderr.write(`${formatProfileSummary(summary)}\n`);
        }
      }
      if (!options.keep) await rm(workDir, { recursive: true, force: true });
    }
  }

  process.stdout.write('\n');
  process.stdout.write(
    `${table(
      ['records', 'layout', 'file', 'step', 'wall s', 'CPU s', 'records/s', 'peak RSS MB', 'result'],
      results.map((result) => [
        result.size.toLocaleString('en-GB'),
        result.layout,
        formatMb(result.corpusBytes),
        STEP_LABELS[result.step],
        (result.wallMs / 1000).toFixed(2),
        (result.cpuMs / 1000).toFixed(2),
        result.exitCode === 0 ? Math.round(result.records / (result.wallMs / 1000)).toLocaleString('en-GB') : '-',
        result.maxRssMb.toFixed(0),
        result.outcome,
      ]),
      [true, false, true, false, true, true, true, true, false],
    )}\n`,
  );
  process.stdout.write(
    '\nrecords/s: input rows for baseline and ingest, stored records for themes. wall s and CPU s cover the step including loading its modules, not starting node; CPU s can exceed wall s (GC and I/O threads).\n',
  );

  const find = (size, layout, step) => results.find((result) => result.size === size && result.layout === layout && result.step === step);
  const ratios = [];
  for (const size of options.sizes) {
    for (const layout of options.layouts) {
      const ingest = find(size, layout, 'ingest');
      if (ingest === undefined) continue;
      for (const step of ['baseline', 'read']) {
        const base = find(size, layout, step);
        if (base === undefined) continue;
        ratios.push(
          `  ${size.toLocaleString('en-GB')} ${layout}: ingest takes ${(ingest.wallMs / base.wallMs).toFixed(2)}x the ${STEP_LABELS[step]} time (CPU ${(ingest.cpuMs / base.cpuMs).toFixed(2)}x)`,
        );
      }
    }
  }
  if (ratios.length > 0) process.stdout.write(`\ningest compared with the baselines:\n${ratios.join('\n')}\n`);

  if (options.sizes.length > 1) {
    const smallest = Math.min(...options.sizes);
    const largest = Math.max(...options.sizes);
    const growth = [];
    for (const layout of options.layouts) {
      for (const step of options.steps) {
        const small = find(smallest, layout, step);
        const large = find(largest, layout, step);
        if (small === undefined || large === undefined) continue;
        growth.push(
          `  ${layout} ${STEP_LABELS[step]}: ${small.maxRssMb.toFixed(0)} MB -> ${large.maxRssMb.toFixed(0)} MB (${(large.maxRssMb / small.maxRssMb).toFixed(2)}x for ${(largest / smallest).toFixed(0)}x the records)`,
        );
      }
    }
    process.stdout.write(
      `\npeak RSS, ${smallest.toLocaleString('en-GB')} -> ${largest.toLocaleString('en-GB')} records:\n${growth.join('\n')}\n`,
    );
  }
  process.stdout.write(`\n${lines.join('\n')}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
