// One benchmark step in its own process, so its peak memory is its own. Run by bench/run.js:
//   node bench/measure-child.js '<json step spec>'
// Prints one JSON line on stdout: wall time, CPU time, peak RSS and what the step did.
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { LAYOUTS } from './make-corpus.js';

const DIST = new URL('../dist/', import.meta.url);

/** A stream that keeps what is written to it, for the CLI's stdout and stderr. */
function captureStream() {
  const chunks = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/**
 * Streams the file and pulls out each feedback text with csv-parse or JSON.parse; with `tokenise`,
 * also tokenises each text with the project's normaliseText (the baseline ingest is compared to).
 */
async function readTexts(spec, tokenise) {
  let count = (text) => (text.length > 0 ? 1 : 0);
  if (tokenise) {
    const { normaliseText } = await import(new URL('text/normalise.js', DIST).href);
    count = (text) => normaliseText(text).tokens.length;
  }
  let texts = 0;
  let tokens = 0;
  const input = createReadStream(spec.file, { highWaterMark: 256 * 1024 });
  if (spec.layout === 'csv') {
    const { parse } = await import('csv-parse');
    let column = -1;
    for await (const row of input.pipe(parse({ relax_column_count: true }))) {
      if (column === -1) {
        column = row.indexOf(LAYOUTS.csv.textColumn);
        continue;
      }
      tokens += count(row[column] ?? '');
      texts += 1;
    }
  } else {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      if (line === '') continue;
      tokens += count(JSON.parse(line)[LAYOUTS.jsonl.textField] ?? '');
      texts += 1;
    }
  }
  return { exitCode: 0, detail: tokenise ? { texts, tokens } : { texts, nonEmpty: tokens } };
}

async function runCli(argv) {
  const { run } = await import(new URL('cli/main.js', DIST).href);
  const stdout = captureStream();
  const stderr = captureStream();
  const exitCode = await run(argv, { stdout: stdout.stream, stderr: stderr.stream, cwd: process.cwd(), env: { NO_COLOR: '1' } });
  return { exitCode, stdout: stdout.text(), stderr: stderr.text() };
}

async function ingest(spec) {
  const result = await runCli(['ingest', spec.file, '--store', spec.storeDir, '--json']);
  let detail = null;
  try {
    detail = JSON.parse(result.stdout.trim().split('\n').pop() ?? '');
  } catch {
    detail = null;
  }
  return { exitCode: result.exitCode, detail, stderr: result.exitCode > 1 ? result.stderr : undefined };
}

async function themes(spec, format) {
  const result = await runCli(['themes', '--store', spec.storeDir, '--themes', spec.themes, '--format', format, '--out', spec.outFile]);
  const bytes = await stat(spec.outFile).then(
    (info) => info.size,
    () => null,
  );
  return { exitCode: result.exitCode, detail: { bytes }, stderr: result.exitCode !== 0 ? result.stderr : undefined };
}

const STEPS = {
  read: (spec) => readTexts(spec, false),
  baseline: (spec) => readTexts(spec, true),
  ingest,
  reingest: ingest,
  'themes-md': (spec) => themes(spec, 'md'),
  'themes-csv': (spec) => themes(spec, 'csv'),
};

const spec = JSON.parse(process.argv[2] ?? '{}');
const step = STEPS[spec.step];
if (step === undefined) {
  process.stderr.write(`measure-child: unknown step "${spec.step}" (steps: ${Object.keys(STEPS).join(', ')})\n`);
  process.exit(2);
}
if (spec.step === 'ingest') await rm(spec.storeDir, { recursive: true, force: true });

const cpuAtStart = process.cpuUsage();
const started = performance.now();
const outcome = await step(spec);
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuAtStart);
const usage = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({
    step: spec.step,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMb: usage.maxRSS / 1024,
    ...outcome,
  })}\n`,
);
