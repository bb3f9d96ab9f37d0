// npm run bench [-- --size 400k --peer-size 100k --memory-size 1m --runs 3 --no-peer --no-memory]
//
// tlap measured against the yardsticks in ../shared/bench (see its README), side by side in one run,
// because these machines are shared and noisy: only ratios taken in the same run mean anything.
//   floor      ../shared/bench/floor.mjs: read every byte, split lines, cut out the text, tokenise,
//              look each word up in a memoised Porter stemmer: the least work any keyword themer does
//   themes     tlap themes --out report.md over a store of the corpus (the default markdown report),
//              and again with --threads 0 (one thread, as on a one-core machine), for comparison
//   ingest     tlap ingest CORPUS.csv into a fresh store
//   peer       ../shared/bench/peer_nltk.py: the same theming job written with NLTK (Debian's python3)
//   start-up   tlap --help, minus node -e 0
// Each figure is the min and the median over --runs runs, each run a fresh process. It reports; it
// never asserts. Targets (issue "Themes at the floor"): themes <= 1.5x floor, ingest <= 3x floor,
// peer >= 20x themes at 100k, themes < 300 MB at 1M, ingest <= 80 bytes/record beyond a fixed base,
// start-up < 100 ms.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED_BENCH = join(ROOT, '..', 'shared', 'bench');
const CORPUS_DIR = join(ROOT, 'bench', 'corpus');
const WORK_DIR = join(CORPUS_DIR, 'work', 'yardsticks');
const TLAP = join(ROOT, 'bin', 'tlap.js');
const DEBIAN_PYTHON = '/usr/bin/python3';
const GNU_TIME = '/usr/bin/time';

const USAGE = `usage: npm run bench -- [options]
  --size N          corpus records for the floor, themes and ingest ratios (default 400k)
  --peer-size N     corpus records for the NLTK peer comparison (default 100k)
  --memory-size N   corpus records for the memory figures, compared with --peer-size (default 1m)
  --runs N          runs of each timed step; min and median are reported (default 3)
  --seed N          corpus seed (default 1)
  --no-peer         skip the NLTK peer
  --no-memory       skip the memory figures at --memory-size
  -h, --help        show this help
Needs ../shared/bench beside the project, and for the peer Debian's python3-nltk and python3-yaml
(apt-get install python3-nltk python3-yaml). The older per-layout benchmark is npm run bench:layouts.`;

function parseSize(text, flag) {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim().replace(/_/g, ''));
  if (match === null) throw new Error(`${flag}: "${text}" is not a size (use 100000, 100k or 1m)`);
  const size = Math.round(Number(match[1]) * { '': 1, k: 1_000, m: 1_000_000 }[match[2].toLowerCase()]);
  if (size < 1) throw new Error(`${flag}: "${text}" must be at least 1`);
  return size;
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '400k' },
      'peer-size': { type: 'string', default: '100k' },
      'memory-size': { type: 'string', default: '1m' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      'no-peer': { type: 'boolean', default: false },
      'no-memory': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: "${values.runs}" must be a whole number from 1`);
  return {
    size: parseSize(values.size, '--size'),
    peerSize: parseSize(values['peer-size'], '--peer-size'),
    memorySize: parseSize(values['memory-size'], '--memory-size'),
    runs,
    seed: values.seed,
    peer: !values['no-peer'],
    memory: !values['no-memory'],
  };
}

/**
 * Runs a command to its end and returns wall seconds, peak RSS (MB) and CPU seconds (user + system,
 * what a shared machine's load changes least; null without GNU time). GNU time reports the peak of
 * the process it runs; without it, the peak is read from /proc while the process runs.
 */
function timed(command, args, { cwd = ROOT, stdout = 'ignore' } = {}) {
  return new Promise((resolve, reject) => {
    const withTime = existsSync(GNU_TIME);
    const argv = withTime ? ['-f', '@@rusage %e %M %U %S', command, ...args] : args;
    const started = performance.now();
    const child = spawn(withTime ? GNU_TIME : command, argv, { cwd, stdio: ['ignore', stdout, 'pipe'] });
    let stderr = '';
    let polledPeakKb = 0;
    const poll = withTime
      ? null
      : setInterval(() => {
          try {
            const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
            const peak = /VmHWM:\s+(\d+)/.exec(status);
            if (peak !== null) polledPeakKb = Math.max(polledPeakKb, Number(peak[1]));
          } catch {
            /* the process has ended */
          }
        }, 20);
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (poll !== null) clearInterval(poll);
      const wallSeconds = (performance.now() - started) / 1000;
      const usage = /@@rusage ([\d.]+) (\d+) ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
      const shownError = stderr.replace(/@@rusage[^\n]*\n?$/, '').trim();
      if (code !== 0 && code !== 1) {
        reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${shownError.split('\n').slice(-3).join(' / ')}`));
        return;
      }
      resolve({
        wallSeconds,
        peakMb: (usage === null ? polledPeakKb : Number(usage[2])) / 1024,
        cpuSeconds: usage === null ? null : Number(usage[3]) + Number(usage[4]),
      });
    });
  });
}

async function ensureCorpus(size, seed) {
  await mkdir(CORPUS_DIR, { recursive: true });
  const file = join(CORPUS_DIR, `shared-${size}-seed${seed}.csv`);
  if (!existsSync(file)) {
    process.stderr.write(`generating ${size.toLocaleString('en-GB')} records with gen_corpus.py…\n`);
    const python = existsSync(DEBIAN_PYTHON) ? DEBIAN_PYTHON : 'python3';
    await timed(python, [join(SHARED_BENCH, 'gen_corpus.py'), String(size), `${file}.part`, seed]);
    await rename(`${file}.part`, file);
  }
  return file;
}

function summarise(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { min: sorted[0] ?? 0, median: median ?? 0, max: sorted[sorted.length - 1] ?? 0 };
}

async function ingestInto(corpus, store) {
  await rm(store, { recursive: true, force: true });
  return timed(process.execPath, [TLAP, 'ingest', corpus, '--store', store]);
}

/** One round: floor, ingest and themes, interleaved so that noise hits all of them alike. */
async function measureRounds(corpus, options, themes) {
  const store = join(WORK_DIR, 'store');
  const report = join(WORK_DIR, 'report.md');
  const figures = {
    floor: [],
    ingest: [],
    themes: [],
    themesMb: [],
    ingestMb: [],
    floorCpu: [],
    ingestCpu: [],
    themesCpu: [],
    oneThread: [],
    oneThreadCpu: [],
  };
  for (let run = 1; run <= options.runs; run += 1) {
    process.stderr.write(`  run ${run}/${options.runs}: floor…`);
    const floor = await timed(process.execPath, [join(SHARED_BENCH, 'floor.mjs'), corpus, ROOT]);
    figures.floor.push(floor.wallSeconds);
    figures.floorCpu.push(floor.cpuSeconds);
    process.stderr.write(' ingest…');
    const ingest = await ingestInto(corpus, store);
    figures.ingest.push(ingest.wallSeconds);
    figures.ingestMb.push(ingest.peakMb);
    figures.ingestCpu.push(ingest.cpuSeconds);
    process.stderr.write(' themes…');
    const themed = await timed(process.execPath, [TLAP, 'themes', '--store', store, '--themes', themes, '--out', report]);
    figures.themes.push(themed.wallSeconds);
    figures.themesMb.push(themed.peakMb);
    figures.themesCpu.push(themed.cpuSeconds);
    process.stderr.write(' themes on one thread…');
    const alone = await timed(process.execPath, [TLAP, 'themes', '--store', store, '--themes', themes, '--out', report, '--threads', '0']);
    figures.oneThread.push(alone.wallSeconds);
    figures.oneThreadCpu.push(alone.cpuSeconds);
    process.stderr.write(' done\n');
  }
  return figures;
}

async function measurePeer(corpus, options, themes) {
  const store = join(WORK_DIR, 'peer-store');
  await ingestInto(corpus, store);
  const tlap = [];
  const peer = [];
  const tlapCpu = [];
  const peerCpu = [];
  const floor = [];
  for (let run = 1; run <= options.runs; run += 1) {
    process.stderr.write(`  peer run ${run}/${options.runs}…`);
    floor.push((await timed(process.execPath, [join(SHARED_BENCH, 'floor.mjs'), corpus, ROOT])).wallSeconds);
    const ours = await timed(process.execPath, [
      TLAP,
      'themes',
      '--store',
      store,
      '--themes',
      themes,
      '--out',
      join(WORK_DIR, 'peer-tlap.md'),
    ]);
    tlap.push(ours.wallSeconds);
    tlapCpu.push(ours.cpuSeconds);
    const theirs = await timed(DEBIAN_PYTHON, [join(SHARED_BENCH, 'peer_nltk.py'), themes, corpus, join(WORK_DIR, 'peer.md')]);
    peer.push(theirs.wallSeconds);
    peerCpu.push(theirs.cpuSeconds);
    process.stderr.write(' done\n');
  }
  return { tlap, peer, tlapCpu, peerCpu, floor };
}

async function measureStartup(options) {
  const node = [];
  const help = [];
  for (let run = 0; run < Math.max(5, options.runs * 3); run += 1) {
    node.push((await timed(process.execPath, ['-e', '0'])).wallSeconds);
    help.push((await timed(process.execPath, [TLAP, '--help'])).wallSeconds);
  }
  return { node: summarise(node), help: summarise(help) };
}

const seconds = (value) => `${value.toFixed(2)} s`;
const ratio = (value) => `${value.toFixed(2)}×`;

function table(headers, rows) {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells) => `| ${cells.map((cell, column) => String(cell).padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(headers), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main() {
  const options = readOptions();
  if (!existsSync(join(SHARED_BENCH, 'floor.mjs'))) throw new Error(`no yardsticks at ${SHARED_BENCH}: put ../shared beside the project`);
  if (!existsSync(TLAP) || !existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: npm run build first');
  const themes = join(SHARED_BENCH, 'themes.yaml');
  await rm(WORK_DIR, { recursive: true, force: true });
  await mkdir(WORK_DIR, { recursive: true });
  const cpuList = cpus();
  const header = [
    `machine: ${cpuList.length} cpus (${cpuList[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}`,
    `node ${process.version}; load average at start ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}; ${options.runs} runs each, min / median`,
  ];
  process.stdout.write(`${header.join('\n')}\n\n`);

  const rows = [];
  const corpus = await ensureCorpus(options.size, options.seed);
  const corpusMb = (await stat(corpus)).size / 2 ** 20;
  process.stderr.write(`${options.size.toLocaleString('en-GB')} records (${corpusMb.toFixed(0)} MB):\n`);
  const rounds = await measureRounds(corpus, options, themes);
  const floor = summarise(rounds.floor);
  const themesTime = summarise(rounds.themes);
  const ingestTime = summarise(rounds.ingest);
  const size = options.size.toLocaleString('en-GB');
  rows.push([`floor.mjs, ${size} records`, seconds(floor.min), seconds(floor.median), '1.00×', '']);
  rows.push([
    `tlap themes --out report.md, ${size}`,
    seconds(themesTime.min),
    seconds(themesTime.median),
    `${ratio(themesTime.min / floor.min)} / ${ratio(themesTime.median / floor.median)} floor`,
    '≤ 1.5× floor',
  ]);
  const oneThread = summarise(rounds.oneThread);
  rows.push([
    `tlap themes --threads 0 (one thread), ${size}`,
    seconds(oneThread.min),
    seconds(oneThread.median),
    `${ratio(oneThread.min / floor.min)} / ${ratio(oneThread.median / floor.median)} floor`,
    '',
  ]);
  rows.push([
    `tlap ingest (fresh store), ${size}`,
    seconds(ingestTime.min),
    seconds(ingestTime.median),
    `${ratio(ingestTime.min / floor.min)} / ${ratio(ingestTime.median / floor.median)} floor`,
    '≤ 3× floor (stretch 2×)',
  ]);
  if (!rounds.floorCpu.includes(null)) {
    const floorCpu = summarise(rounds.floorCpu);
    rows.push([`CPU (user + sys), floor.mjs, ${size}`, seconds(floorCpu.min), seconds(floorCpu.median), '1.00×', '']);
    for (const [name, values] of [
      ['tlap themes', rounds.themesCpu],
      ['tlap themes --threads 0', rounds.oneThreadCpu],
      ['tlap ingest', rounds.ingestCpu],
    ]) {
      const cpu = summarise(values);
      rows.push([
        `CPU (user + sys), ${name}, ${size}`,
        seconds(cpu.min),
        seconds(cpu.median),
        `${ratio(cpu.min / floorCpu.min)} / ${ratio(cpu.median / floorCpu.median)} floor CPU`,
        '',
      ]);
    }
  }

  let peerSummary = null;
  if (options.peer) {
    if (!existsSync(DEBIAN_PYTHON)) {
      rows.push(['NLTK peer', '-', '-', 'skipped: no /usr/bin/python3', '≥ 20× slower than tlap']);
    } else {
      const peerCorpus = await ensureCorpus(options.peerSize, options.seed);
      process.stderr.write(`peer at ${options.peerSize.toLocaleString('en-GB')} records:\n`);
      const peer = await measurePeer(peerCorpus, options, themes);
      const tlapTime = summarise(peer.tlap);
      const peerTime = summarise(peer.peer);
      peerSummary = { tlapTime, peerTime };
      const peerSize = options.peerSize.toLocaleString('en-GB');
      const peerFloor = summarise(peer.floor);
      rows.push([
        `floor.mjs, ${peerSize}`,
        seconds(peerFloor.min),
        seconds(peerFloor.median),
        `peer ${ratio(peerTime.min / peerFloor.min)} / ${ratio(peerTime.median / peerFloor.median)} floor`,
        '',
      ]);
      rows.push([
        `tlap themes, ${peerSize}`,
        seconds(tlapTime.min),
        seconds(tlapTime.median),
        `${ratio(tlapTime.min / peerFloor.min)} / ${ratio(tlapTime.median / peerFloor.median)} floor`,
        '',
      ]);
      rows.push([
        `peer_nltk.py, ${peerSize}`,
        seconds(peerTime.min),
        seconds(peerTime.median),
        `${ratio(peerTime.min / tlapTime.min)} / ${ratio(peerTime.median / tlapTime.median)} tlap themes`,
        '≥ 20× tlap themes',
      ]);
      if (!peer.tlapCpu.includes(null) && !peer.peerCpu.includes(null)) {
        const tlapCpu = summarise(peer.tlapCpu);
        const peerCpu = summarise(peer.peerCpu);
        rows.push([
          `CPU (user + sys), peer vs tlap themes, ${peerSize}`,
          `${seconds(peerCpu.min)} vs ${seconds(tlapCpu.min)}`,
          `${seconds(peerCpu.median)} vs ${seconds(tlapCpu.median)}`,
          `${ratio(peerCpu.min / tlapCpu.min)} / ${ratio(peerCpu.median / tlapCpu.median)} tlap themes CPU`,
          '',
        ]);
      }
    }
  }

  const startup = await measureStartup(options);
  rows.push([
    'start-up: tlap --help − node -e 0',
    `${Math.round((startup.help.min - startup.node.min) * 1000)} ms`,
    `${Math.round((startup.help.median - startup.node.median) * 1000)} ms`,
    `node -e 0: ${Math.round(startup.node.median * 1000)} ms`,
    '< 100 ms',
  ]);

  const themesMb = summarise(rounds.themesMb);
  const ingestMb = summarise(rounds.ingestMb);
  rows.push([`peak RSS, tlap themes, ${size}`, `${themesMb.min.toFixed(0)} MB`, `${themesMb.median.toFixed(0)} MB`, '', '']);
  rows.push([`peak RSS, tlap ingest, ${size}`, `${ingestMb.min.toFixed(0)} MB`, `${ingestMb.median.toFixed(0)} MB`, '', '']);
  if (options.memory) {
    const small = await ensureCorpus(options.peerSize, options.seed);
    const large = await ensureCorpus(options.memorySize, options.seed);
    process.stderr.write(
      `memory at ${options.peerSize.toLocaleString('en-GB')} and ${options.memorySize.toLocaleString('en-GB')} records…\n`,
    );
    const smallIngest = await ingestInto(small, join(WORK_DIR, 'mem-small'));
    const largeIngest = await ingestInto(large, join(WORK_DIR, 'mem-large'));
    const largeThemes = await timed(process.execPath, [
      TLAP,
      'themes',
      '--store',
      join(WORK_DIR, 'mem-large'),
      '--themes',
      themes,
      '--out',
      join(WORK_DIR, 'mem.md'),
    ]);
    const perRecord = ((largeIngest.peakMb - smallIngest.peakMb) * 2 ** 20) / (options.memorySize - options.peerSize);
    const memorySize = options.memorySize.toLocaleString('en-GB');
    rows.push([`peak RSS, tlap themes, ${memorySize}`, `${largeThemes.peakMb.toFixed(0)} MB`, '', '', '< 300 MB']);
    rows.push([
      `ingest memory per stored record`,
      `${perRecord.toFixed(0)} B`,
      '',
      `(${largeIngest.peakMb.toFixed(0)} MB at ${memorySize} − ${smallIngest.peakMb.toFixed(0)} MB at ${options.peerSize.toLocaleString('en-GB')})`,
      '≤ 80 B',
    ]);
  }

  process.stdout.write(`${table(['figure', 'min', 'median', 'ratio (min / median)', 'target'], rows)}\n`);
  if (peerSummary !== null) {
    process.stdout.write(
      `\nThe peer and tlap themes ran on the ${options.peerSize.toLocaleString('en-GB')}-record corpus, beside the floor on it (the peer's ratio to the floor bounds its ratio to any themer that does at least the floor's work); the floor, ingest and themes above them on ${size}.\n`,
    );
  }
  await rm(WORK_DIR, { recursive: true, force: true });
}

main().catch((error) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
