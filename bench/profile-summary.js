// Summarises a V8 .cpuprofile (from node --cpu-prof): the functions and files with the most
// self time. Used by `npm run bench -- --profile`; also runs alone:
//   node bench/profile-summary.js bench/corpus/profiles/csv-100000-ingest.cpuprofile [top]
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function shortUrl(url) {
  if (url === '') return '';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const inModules = path.lastIndexOf('/node_modules/');
  if (inModules !== -1) return path.slice(inModules + 1);
  return path.startsWith(ROOT) ? relative(ROOT, path) : path;
}

/** Self time per function and per file of a profile, largest first, in milliseconds. */
export async function summariseProfile(path, top = 15) {
  const profile = JSON.parse(await readFile(path, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByNode = new Map();
  let totalUs = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    totalUs += delta;
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + delta);
  });
  const byFunction = new Map();
  const byFile = new Map();
  for (const [id, us] of selfByNode) {
    const frame = nodes.get(id)?.callFrame;
    if (frame === undefined) continue;
    const file = shortUrl(frame.url) || '(native)';
    const name = `${frame.functionName || '(anonymous)'} ${frame.url === '' ? '' : `${file}:${frame.lineNumber + 1}`}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    const group = file.startsWith('node_modules/')
      ? file
          .split('/')
          .slice(0, file.split('/')[1]?.startsWith('@') ? 3 : 2)
          .join('/')
      : file;
    byFile.set(group, (byFile.get(group) ?? 0) + us);
  }
  const rank = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: totalUs === 0 ? 0 : us / totalUs }));
  return { totalMs: totalUs / 1000, functions: rank(byFunction), files: rank(byFile) };
}

/** The summary as indented text lines. */
export function formatProfileSummary(summary) {
  const line = (entry) => `    ${entry.ms.toFixed(0).padStart(7)} ms ${(entry.share * 100).toFixed(1).padStart(5)}%  ${entry.name}`;
  return [
    `  profile: ${summary.totalMs.toFixed(0)} ms sampled; top self time by function:`,
    ...summary.functions.map(line),
    '  by file:',
    ...summary.files.map(line),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, top] = process.argv.slice(2);
  if (file === undefined) {
    process.stderr.write('usage: node bench/profile-summary.js FILE.cpuprofile [TOP]\n');
    process.exit(2);
  }
  process.stdout.write(`${formatProfileSummary(await summariseProfile(file, Number(top ?? 15)))}\n`);
}
