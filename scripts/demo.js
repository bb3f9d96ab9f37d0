#!/usr/bin/env node
// npm run demo: ingest the bundled demo exports into a fresh store and write the themed summary.
import { rm } from 'node:fs/promises';
import { run } from '../dist/cli/main.js';

const output = 'demo-output';
const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env };

await rm(output, { recursive: true, force: true });
process.stderr.write('$ tlap ingest fixtures/demo/exports --store demo-output/store\n');
const ingested = await run(['ingest', 'fixtures/demo/exports', '--store', `${output}/store`], io);
if (ingested === 2) process.exit(2);
for (const [format, file] of [
  ['md', 'summary.md'],
  ['html', 'summary.html'],
  ['json', 'summary.json'],
  ['csv', 'coded-records.csv'],
]) {
  process.stderr.write(`$ tlap themes --store demo-output/store --format ${format} --out demo-output/${file}\n`);
  const code = await run(['themes', '--store', `${output}/store`, '--format', format, '--out', `${output}/${file}`], io);
  if (code !== 0) process.exit(code);
}
process.stderr.write(
  `\nThe summary is in ${output}/summary.md (also summary.html, summary.json and coded-records.csv); the records are in ${output}/store/records.jsonl.\n`,
);
process.exitCode = ingested;
