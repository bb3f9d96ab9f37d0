// Deterministic synthetic feedback corpora for the benchmark, in the layouts real exports use.
// A corpus is written once under bench/corpus/ and reused while its parameters are unchanged.
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { createPrng } from './prng.js';
import { CARE_PHRASES, FAMILY_NAMES, FILLER_WORDS, GIVEN_NAMES, OPENINGS, PLACES, RESPONDENT_TYPES, SYLLABLES } from './vocabulary.js';

/** Bump when the generator or the word lists change, so old corpora are not reused. */
export const CORPUS_VERSION = 1;

/** The folder corpora are written to (gitignored). */
export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'corpus');

/** The export layouts the bench generates, and where each keeps the feedback text. */
export const LAYOUTS = {
  csv: {
    description: 'survey export CSV (Response ID, Submitted, Respondent name, I am a..., Comment)',
    extension: '.csv',
    stem: 'survey',
    textColumn: 'Comment',
  },
  jsonl: {
    description: 'JSON Lines (response_id, submitted_at, respondent, respondent_type, response)',
    extension: '.jsonl',
    stem: 'responses',
    textField: 'response',
  },
};

const HASHTAGS = ['#SocialCare', '#UnpaidCarers', '#TLAP', '#MakingItReal', '#CarersWeek', '#coproduction', '#DirectPayments'];
const MENTIONS = ['@TLAP_News', '@NHSEngland', '@SCIE_socialcare', '@localcouncil', '@carers_uk_fan'];
const DOMAINS = ['example.org', 'example.co.uk', 'mail.example.com'];

function rareWord(random) {
  const count = random.int(2, 4);
  let word = '';
  for (let index = 0; index < count; index += 1) word += random.pick(SYLLABLES);
  return word;
}

function personName(random) {
  return `${random.pick(GIVEN_NAMES)} ${random.pick(FAMILY_NAMES)}`;
}

function sentence(random) {
  const words = [];
  if (random.chance(0.3)) words.push(random.pick(OPENINGS));
  const length = random.int(4, 18);
  for (let index = 0; index < length; index += 1) {
    const roll = random.next();
    let word;
    if (roll < 0.25) word = random.pick(CARE_PHRASES);
    else if (roll < 0.265) word = rareWord(random);
    else if (roll < 0.275) word = random.pick(PLACES);
    else word = random.pick(FILLER_WORDS);
    if (random.chance(0.03)) word = random.chance(0.5) ? `"${word}"` : `\u201c${word}\u201d`;
    if (index > 0 && index < length - 1 && random.chance(0.08)) word += ',';
    words.push(word);
  }
  if (random.chance(0.04)) words.push(random.chance(0.5) ? '\u2014 really' : '(again)');
  const text = words.join(' ');
  const end = random.next();
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${end < 0.8 ? '.' : end < 0.9 ? '!' : '?'}`;
}

function extras(random) {
  const parts = [];
  if (random.chance(0.02)) parts.push(`See https://www.${random.pick(DOMAINS)}/consultation/${random.int(1, 999)}`);
  if (random.chance(0.01))
    parts.push(`Contact me at ${random.pick(GIVEN_NAMES).toLowerCase()}.${random.int(1, 99)}@${random.pick(DOMAINS)}`);
  if (random.chance(0.02)) parts.push(`cc ${random.pick(MENTIONS)}`);
  if (random.chance(0.03)) parts.push(random.pick(HASHTAGS));
  if (random.chance(0.01)) parts.push(`ring me on 07700 ${String(random.int(0, 999999)).padStart(6, '0')}`);
  return parts;
}

/** One feedback text: mostly short, some long, some in paragraphs or bullet lines. */
function feedbackText(random) {
  const roll = random.next();
  const sentences = roll < 0.6 ? random.int(1, 3) : roll < 0.9 ? random.int(3, 6) : random.int(6, 20);
  const parts = [];
  for (let index = 0; index < sentences; index += 1) parts.push(sentence(random));
  parts.push(...extras(random));
  if (parts.length > 2 && random.chance(0.08)) {
    return random.chance(0.5) ? parts.join('\n\n') : `${parts[0]}\n- ${parts.slice(1).join('\n- ')}`;
  }
  return parts.join(' ');
}

function pad(number, width = 2) {
  return String(number).padStart(width, '0');
}

function formatDate(milliseconds, iso) {
  const date = new Date(milliseconds);
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return iso ? `${day}T${time}Z` : `${day} ${time}`;
}

/**
 * The records of a corpus, in order, with what `tlap ingest` should make of each: 2% have an
 * empty or blank text (filtered), 0.5% repeat the previous row (a duplicate).
 */
function* generateRows(size, seed) {
  const random = createPrng(`tlap-bench:${seed}`);
  let clock = Date.UTC(2024, 0, 8, 9, 0, 0);
  let previous = null;
  for (let index = 1; index <= size; index += 1) {
    if (previous !== null && random.chance(0.005)) {
      yield { ...previous, expect: previous.blank ? 'filtered' : 'duplicate' };
      continue;
    }
    clock += random.int(5, 900) * 1000;
    const blankRoll = random.next();
    const text = blankRoll < 0.015 ? '' : blankRoll < 0.02 ? ' \n ' : feedbackText(random);
    const row = {
      number: index,
      author: random.chance(0.15) ? null : personName(random),
      date: clock,
      type: random.pick(RESPONDENT_TYPES),
      text,
      blank: text.trim() === '',
    };
    previous = row;
    yield { ...row, expect: row.blank ? 'filtered' : 'added' };
  }
}

function csvCell(value) {
  if (value === '' || !/[",\r\n]/.test(value)) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

const FORMATTERS = {
  csv: {
    header: 'Response ID,Submitted,Respondent name,I am a...,Comment\n',
    line: (row) =>
      `${[`R-${pad(row.number, 7)}`, formatDate(row.date, false), row.author ?? '', row.type, row.text].map(csvCell).join(',')}\n`,
  },
  jsonl: {
    header: '',
    line: (row) =>
      `${JSON.stringify({
        response_id: 1_000_000 + row.number,
        submitted_at: formatDate(row.date, true),
        respondent: row.author,
        respondent_type: row.type,
        response: row.text,
      })}\n`,
  },
};

/** Where the corpus with these parameters lives, and its manifest. */
export function corpusPaths(layout, size, seed) {
  const spec = LAYOUTS[layout];
  if (spec === undefined) throw new Error(`unknown layout "${layout}" (layouts: ${Object.keys(LAYOUTS).join(', ')})`);
  const file = join(CORPUS_DIR, `${spec.stem}-${size}-seed${seed}-v${CORPUS_VERSION}${spec.extension}`);
  return { file, manifest: `${file}.manifest.json` };
}

async function readManifest(paths, parameters) {
  try {
    const manifest = JSON.parse(await readFile(paths.manifest, 'utf8'));
    const info = await stat(paths.file);
    const same = Object.entries(parameters).every(([key, value]) => manifest[key] === value);
    return same && manifest.bytes === info.size ? manifest : null;
  } catch {
    return null;
  }
}

/**
 * Returns the corpus for these parameters, writing it first when it is missing or was written
 * with other parameters. The manifest records what ingest should report for it.
 */
export async function ensureCorpus({ layout, size, seed }) {
  const paths = corpusPaths(layout, size, seed);
  const parameters = { version: CORPUS_VERSION, layout, size, seed };
  const existing = await readManifest(paths, parameters);
  if (existing !== null) return { ...existing, file: paths.file, reused: true };

  await mkdir(CORPUS_DIR, { recursive: true });
  const partial = `${paths.file}.partial`;
  const started = performance.now();
  const out = createWriteStream(partial);
  const format = FORMATTERS[layout];
  const expected = { added: 0, filtered: 0, duplicates: 0 };
  const batch = [];
  let batchChars = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const chunk = batch.join('');
    batch.length = 0;
    batchChars = 0;
    if (!out.write(chunk)) await once(out, 'drain');
  };
  batch.push(format.header);
  for (const row of generateRows(size, seed)) {
    const line = format.line(row);
    batch.push(line);
    batchChars += line.length;
    expected[row.expect === 'duplicate' ? 'duplicates' : row.expect] += 1;
    if (batchChars > 1 << 20) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  const { size: bytes } = await stat(partial);
  await rename(partial, paths.file);
  const manifest = { ...parameters, bytes, rows: size, expected, generatedMs: Math.round(performance.now() - started) };
  await writeFile(paths.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  return { ...manifest, file: paths.file, reused: false };
}
