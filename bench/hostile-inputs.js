// The hostile inputs of issue 11, each generated on the fly (nothing big is committed) and run
// through the built CLI in its own process, so that its CPU time and peak memory are its own:
//   npm run build && node bench/hostile-inputs.js [--size-mb N] [case…]
// Prints one line per case: exit code, CPU seconds, peak RSS, and the first line of the outcome
// (the rejection, or the crash). Timing is never asserted in tests; this script is how the
// bounds in README.md ("Tables and JSON", "The store") were measured.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const sizeIndex = args.indexOf('--size-mb');
const MB = 1024 * 1024;
const big = (sizeIndex === -1 ? 50 : Number(args[sizeIndex + 1])) * MB;
const chosen = args.filter((arg, index) => !arg.startsWith('--') && index !== sizeIndex + 1);

const x = (count) => 'x'.repeat(count);
const wxrComment = (id, body) =>
  `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>A</wp:comment_author><wp:comment_date_gmt>2020-01-01 00:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[${body}]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type></wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>`;
const wxr = (...comments) =>
  `<?xml version="1.0"?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>T</title>\n${comments.join('\n')}\n</item></channel></rss>\n`;
const mboxMessage = (id, body) =>
  `From a@b Mon Jan  1 00:00:00 2020\nFrom: A <a@example.com>\nMessage-ID: <${id}@x>\nSubject: s\nDate: Mon, 1 Jan 2020 00:00:00 +0000\n\n${body}\n\n`;
const keywordsTheme = (count) =>
  `version: 1\nthemes:\n  - id: big\n    label: Big\n    keywords:\n${Array.from({ length: count }, (_, index) => `      - kw${index}\n`).join('')}`;

/** Each case: the file to write, and the command to run on it (ingest unless `themes` is given). */
const CASES = {
  'csv-quoted-field': { file: 'quoted.csv', content: () => `id,text\n1,before\n2,"${x(big)}"\n3,after\n` },
  'csv-unquoted-field': { file: 'unquoted.csv', content: () => `id,text\n1,before\n2,${x(big)}\n3,after\n` },
  'jsonl-line': {
    file: 'line.jsonl',
    content: () => `{"id":"1","text":"before"}\n{"id":"2","text":"${x(big)}"}\n{"id":"3","text":"after"}\n`,
  },
  'json-element': {
    file: 'array.json',
    content: () => `[{"id":"1","text":"before"},\n{"id":"2","text":"${x(big)}"},\n{"id":"3","text":"after"}]\n`,
  },
  'json-number-20mb-line': {
    file: 'number.jsonl',
    content: () => `{"id":"1","text":"before"}\n{"id":"2","text":"hi","n":${'9'.repeat(20 * MB)}}\n{"id":"3","text":"after"}\n`,
  },
  'json-number-10mb': {
    file: 'number10.jsonl',
    content: () => `{"id":"1","text":"before"}\n{"id":"2","text":"hi","n":${'9'.repeat(10 * MB)}}\n{"id":"3","text":"after"}\n`,
    themes: true,
  },
  'json-100000-deep': {
    file: 'deep.json',
    content: () => `[{"id":"1","text":"before"},\n${'['.repeat(100_000)}${']'.repeat(100_000)},\n{"id":"3","text":"after"}]\n`,
  },
  'markdown-line': { file: 'notes.md', content: () => `# Notes\n\nbefore\n\n${x(big)}\n\nafter\n` },
  'mbox-message': { file: 'mail.mbox', content: () => mboxMessage(1, 'before') + mboxMessage(2, x(big)) + mboxMessage(3, 'after') },
  'wxr-comment': { file: 'blog.wxr.xml', content: () => wxr(wxrComment(1, 'before'), wxrComment(2, x(big)), wxrComment(3, 'after')) },
  'wxr-5000-deep-in-cdata': {
    file: 'cdata.wxr.xml',
    content: () => wxr(wxrComment(1, 'before'), wxrComment(2, `${'<b>'.repeat(5000)}deep${'</b>'.repeat(5000)}`), wxrComment(3, 'after')),
  },
  'wxr-100000-deep-markup': {
    file: 'markup.wxr.xml',
    content: () =>
      wxr(
        wxrComment(1, 'before'),
        `<wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_approved>1</wp:comment_approved><wp:comment_content>${'<b>'.repeat(100_000)}deep${'</b>'.repeat(100_000)}</wp:comment_content></wp:comment>`,
        wxrComment(3, 'after'),
      ),
  },
  'markdown-3000-emphasis': {
    file: 'emphasis.md',
    content: () => `# Notes\n\n${'_a '.repeat(3000)}x${' b_'.repeat(3000)}\n\nafter\n`,
    themes: true,
  },
  'theme-200000-keywords': { file: 'notes.md', content: () => '# Notes\n\nkw199999 is the last keyword\n', themes: keywordsTheme(200_000) },
};

function runCase(name, spec) {
  const dir = mkdtempSync(join(tmpdir(), 'tlap-hostile-'));
  try {
    const file = join(dir, spec.file);
    writeFileSync(file, spec.content());
    const store = join(dir, 'store');
    const steps = [['ingest', file, '--store', store]];
    if (spec.themes !== undefined) {
      const themes = typeof spec.themes === 'string' ? join(dir, 'themes.yaml') : join(ROOT, 'themes.yaml');
      if (typeof spec.themes === 'string') writeFileSync(themes, spec.themes);
      steps.push(['themes', '--store', store, '--themes', themes, '--out', join(dir, 'summary.md')]);
    }
    for (const argv of steps) {
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, JSON.stringify(argv)], {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 64 * MB,
      });
      const report = (child.stdout.trim().split('\n').pop() ?? '').startsWith('{')
        ? JSON.parse(child.stdout.trim().split('\n').pop())
        : null;
      const outcome = (report?.stderr ?? child.stderr ?? '').split('\n').find((line) => /rejected|error|wrote|added/.test(line)) ?? '';
      console.log(
        [
          name.padEnd(26),
          argv[0].padEnd(7),
          `exit ${report?.exitCode ?? child.status}`,
          `${((report?.cpuMs ?? 0) / 1000).toFixed(2)} s CPU`.padStart(12),
          `${Math.round(report?.maxRssMb ?? 0)} MB peak`.padStart(13),
          outcome.slice(0, 140),
        ].join('  '),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const CHILD = `
import { Writable } from 'node:stream';
const { run } = await import(${JSON.stringify(new URL('../dist/cli/main.js', import.meta.url).href)});
const chunks = [];
const sink = () => new Writable({ write(chunk, _encoding, callback) { chunks.push(String(chunk)); callback(); } });
const started = process.cpuUsage();
let exitCode;
try {
  exitCode = await run(JSON.parse(process.argv[1]), { stdout: sink(), stderr: sink(), cwd: process.cwd(), env: { NO_COLOR: '1' } });
} catch (error) {
  chunks.push(String(error && error.stack || error));
  exitCode = 'crash';
}
const cpu = process.cpuUsage(started);
console.log(JSON.stringify({ exitCode, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, stderr: chunks.join('') }));
`;

for (const [name, spec] of Object.entries(CASES)) {
  if (chosen.length === 0 || chosen.includes(name)) runCase(name, spec);
}
