import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { loadCodebook, loadCodebookText } from '../../src/codebook/load-codebook.js';
import type { Codebook } from '../../src/codebook/codebook.js';
import type { CodebookIssue } from '../../src/codebook/codebook-issue.js';
import { ExitCode } from '../../src/exit-codes.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';
import { runCli } from '../builders/cli-runner.js';
import { withTempDir } from '../builders/temp-dir.js';

const FIXTURES = join(PROJECT_ROOT, 'fixtures', 'codebook');

function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name, 'themes.yaml'), 'utf8');
}

function issuesOf(text: string): CodebookIssue[] {
  const result = loadCodebookText(text, 'themes.yaml');
  if (result.codebook !== null) throw new Error('expected errors, the codebook loaded');
  expect(result.errors.every((issue) => issue.severity === 'error')).toBe(true);
  return result.errors;
}

function codebookOf(text: string): Codebook {
  const result = loadCodebookText(text, 'themes.yaml');
  if (result.codebook === null) throw new Error(result.errors.map((issue) => issue.message).join('\n'));
  return result.codebook;
}

/** An expected issue: `line:col`, the message (exact, or a pattern for the YAML parser's own wording), the hint. */
type ExpectedIssue = [position: string, message: string | RegExp, hint: string];

const YAML_SYNTAX = 'fix the YAML syntax at this position';
const QUOTE_IT = 'quote it if it looks like a number, true/false or null';
const SHORT_PREFIX = 'lengthen the prefix so it does not match almost every word';
const WILDCARD_AT_END = 'a wildcard may only end a word: personalis*';

const CASES: [name: string, issues: ExpectedIssue[]][] = [
  ['malformed-yaml', [['4:12', /nested mappings/i, YAML_SYNTAX]]],
  [
    'tab-indent',
    [
      ['5:1', /tabs/i, 'indent with spaces, not tabs'],
      ['6:1', /tabs/i, 'indent with spaces, not tabs'],
    ],
  ],
  [
    'duplicate-key',
    [
      ['2:1', /unique/i, 'each key may appear once per mapping; merge or remove the repeated one'],
      ['6:5', /unique/i, 'each key may appear once per mapping; merge or remove the repeated one'],
    ],
  ],
  ['deep-nesting', [['2:41', 'nesting deeper than 32 levels', 'themes.yaml needs only a list of themes with lists of keywords']]],
  [
    'non-string-keywords',
    [
      ['5:23', 'themes[0].keywords[1] is true, not a string', 'quote it: "true"'],
      ['5:29', 'themes[0].keywords[2] is null, not a string', 'quote it: "null"'],
      ['5:35', 'themes[0].keywords[3] is 1.5, not a string', 'quote it: "1.5"'],
      ['6:9', 'themes[1].id must be a non-empty string', QUOTE_IT],
    ],
  ],
  [
    'unknown-key',
    [
      ['2:1', 'unknown key "tittle" in top level', 'did you mean "title"?'],
      ['4:5', 'themes[0] has no "label"', 'add "label:" to this theme'],
      ['5:5', 'unknown key "lable" in themes[0]', 'did you mean "label"?'],
      ['7:5', 'unknown key "exlude" in themes[0]', 'did you mean "exclude"?'],
      [
        '8:5',
        'unknown key "colour" in themes[0]',
        'allowed keys: id, label, description, keywords, exact, near, exclude, parent, otherwise, min_hits, examples',
      ],
    ],
  ],
  ['duplicate-theme-id', [['9:9', 'theme id "carers" is used twice', 'rename one; the first is themes[0]']]],
  ['missing-version', [['2:1', 'missing "version"', 'add "version: 1" at the top']]],
  ['empty-file', [['1:1', 'the codebook is empty', 'start with "version: 1" and a "themes:" list (see README, "The codebook")']]],
  [
    'wildcard-too-short',
    [
      ['5:23', 'themes[0].keywords[1] "ca*" has a wildcard prefix shorter than 3 letters', SHORT_PREFIX],
      ['5:28', 'themes[0].keywords[2] "p*" has a wildcard prefix shorter than 3 letters', SHORT_PREFIX],
      ['5:32', 'themes[0].keywords[3] "per*son" has a * inside a word', WILDCARD_AT_END],
      ['5:41', 'themes[0].keywords[4] "*" has a * that is not at the end of a word', WILDCARD_AT_END],
    ],
  ],
];

describe('codebook fixtures: every issue, with line:col and hint', () => {
  test('every fixture folder has a README.md', () => {
    for (const [name] of [...CASES, ['valid-basic'], ['alias-bomb'], ['duplicate-keyword-after-normalisation']]) {
      expect(readFileSync(join(FIXTURES, name, 'README.md'), 'utf8')).toMatch(/^# codebook \//);
    }
  });

  test.each(CASES)('%s', (name, expected) => {
    const issues = issuesOf(fixtureText(name));
    expect(issues.map((issue) => `${issue.line}:${issue.col}`)).toEqual(expected.map(([position]) => position));
    expect(issues.map((issue) => issue.hint)).toEqual(expected.map(([, , hint]) => hint));
    issues.forEach((issue, index) => {
      const message = expected[index]?.[1];
      if (message instanceof RegExp) expect(issue.message).toMatch(message);
      else expect(issue.message).toBe(message);
      expect(issue.file).toBe('themes.yaml');
    });
  });

  test('valid-basic loads: themes in order, keywords normalised, wildcard and exclusion compiled', () => {
    const codebook = codebookOf(fixtureText('valid-basic'));
    expect(codebook.title).toBe('What people told us about personal support');
    expect(codebook.themes.map((theme) => [theme.id, theme.label])).toEqual([
      ['carers', 'Support for carers'],
      ['budgets', 'Personal budgets and money'],
    ]);
    expect(codebook.themes[0]?.description).toBe('Unpaid carers, respite and breaks.');
    expect(codebook.themes[1]?.rules.map((rule) => (rule.kind === 'phrase' ? rule.words : []))).toEqual([
      [{ kind: 'stem', stem: 'budget' }],
      [
        { kind: 'stem', stem: 'direct' },
        { kind: 'stem', stem: 'payment' },
      ],
      [{ kind: 'prefix', prefix: 'personalis' }],
    ]);
    expect(codebook.themes[1]?.excludes.map((rule) => rule.source)).toEqual(['budget cuts']);
    expect(codebook.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  test('alias-bomb: refused at once, every line with an anchor or alias reported where the first stands, nothing else', () => {
    const text = fixtureText('alias-bomb');
    const issues = issuesOf(text);
    const firstOnEachLine = anchorAndAliasPositions(text).filter(
      (position, index, all) => all.findIndex((other) => other.split(':')[0] === position.split(':')[0]) === index,
    );
    expect(issues.map((issue) => `${issue.line}:${issue.col}`)).toEqual(firstOnEachLine);
    expect(issues.map((issue) => issue.message)).toEqual([
      'YAML anchors and aliases (&name, *name) are not allowed',
      ...Array.from({ length: 8 }, () => 'YAML anchors and aliases (&name, *name) are not allowed (10 on this line)'),
    ]);
    for (const issue of issues) expect(issue.hint).toBe('write each value out in full');
  });
});

/** Where the parser reports anchors (at the anchored collection) and aliases (at the `*`), from the text itself. */
function anchorAndAliasPositions(text: string): string[] {
  const positions: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trimStart().startsWith('#')) return;
    for (const match of line.matchAll(/&\w+ +|\*\w+/g)) {
      const column = match[0].startsWith('&') ? match.index + match[0].length : match.index;
      positions.push(`${index + 1}:${column + 1}`);
    }
  });
  return positions;
}

describe('loadCodebook', () => {
  test('a missing file is one error with its code, never a throw', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'themes.yaml');
      const result = await loadCodebook(file, 'themes.yaml');
      expect(result.codebook).toBeNull();
      expect(result.errors).toEqual([
        expect.objectContaining({ file: 'themes.yaml', message: 'cannot read the codebook (no such file)', code: 'CODEBOOK_UNREADABLE' }),
      ]);
    });
  });

  test('a bad codebook is every error, in file order, never a throw', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'themes.yaml');
      await writeFile(file, fixtureText('unknown-key'));
      const result = await loadCodebook(file);
      expect(result.codebook).toBeNull();
      expect(result.errors.map((issue) => `${issue.file === file ? 'file' : issue.file}:${issue.line}:${issue.col}`)).toEqual([
        'file:2:1',
        'file:4:5',
        'file:5:5',
        'file:7:5',
        'file:8:5',
      ]);
    });
  });
});

describe('the CLI on a bad codebook', () => {
  test.each([
    ['plain', [] as string[], false],
    ['--verbose', ['--verbose'], true],
  ])('%s: every issue as themes.yaml:L:C on stderr, exit 2, stack only with --verbose', async (_mode, flags, stack) => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'themes.yaml'), fixtureText('wildcard-too-short'));
      const result = await runCli(['themes', ...flags], { cwd: dir });
      expect(result.exitCode).toBe(ExitCode.CouldNotRun);
      expect(result.stdout).toBe('');
      const issueLines = result.stderr.split('\n').filter((line) => /^error: \S+:\d+:\d+: /.test(line));
      expect(issueLines).toEqual(
        issuesOf(fixtureText('wildcard-too-short')).map(
          (issue) => `error: themes.yaml:${issue.line}:${issue.col}: ${issue.message} (${issue.hint})`,
        ),
      );
      expect(/^ {4}at /m.test(result.stderr)).toBe(stack);
    });
  });
});

describe('fingerprint', () => {
  const base = `version: 1
themes:
  - id: carers
    label: Carers
    keywords: [carer, respite]
`;
  const fingerprintOf = (text: string): string => codebookOf(text).fingerprint;

  test.each([
    ['a comment added', `# the carers theme\n${base}`],
    ['a block list instead of a flow list', base.replace('[carer, respite]', '\n      - carer\n      - respite')],
    ['quoted scalars', base.replace('[carer, respite]', '["carer", \'respite\']')],
    ['other indentation and blank lines', base.replace(/\n {2}/g, '\n\n    ')],
  ])('unchanged by formatting: %s', (_change, text) => {
    expect(fingerprintOf(text)).toBe(fingerprintOf(base));
  });

  test.each([
    ['a keyword changed', base.replace('respite', 'breaks')],
    ['a keyword added', base.replace('respite', 'respite, breaks')],
    ['a label changed', base.replace('label: Carers', 'label: Unpaid carers')],
    ['an exclusion added', `${base}    exclude: [careless]\n`],
  ])('changed by content: %s', (_change, text) => {
    expect(fingerprintOf(text)).not.toBe(fingerprintOf(base));
  });
});

describe('a codebook saved in another encoding', () => {
  const yaml = 'version: 1\nthemes:\n  - id: carers\n    label: Carers\n    keywords: [carer’s break]\n';

  test('Windows-1252 ("ANSI") is read with a warning naming the first line that is not UTF-8; its keywords match', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'themes.yaml');
      await writeFile(
        file,
        Buffer.from(yaml.replace('’', '\u0000'), 'utf8').map((byte) => (byte === 0 ? 0x92 : byte)),
      );
      const result = await loadCodebook(file, 'themes.yaml');
      expect(result.errors).toEqual([]);
      expect(result.codebook?.themes[0]?.rules.map((rule) => rule.source)).toEqual(['carer’s break']);
      expect(result.warnings).toEqual([
        expect.objectContaining({
          severity: 'warning',
          file: 'themes.yaml',
          line: 5,
          col: 1,
          message: expect.stringContaining('Windows-1252'),
        }),
      ]);
    });
  });

  test('UTF-16 with a byte order mark, as Notepad saves "Unicode", loads without a warning', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'themes.yaml');
      await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(yaml, 'utf16le')]));
      const result = await loadCodebook(file, 'themes.yaml');
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.codebook?.themes[0]?.rules.map((rule) => rule.source)).toEqual(['carer’s break']);
    });
  });

  test('bytes neither UTF-8 nor Windows-1252 read are an error at their line', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'themes.yaml');
      await writeFile(file, Buffer.concat([Buffer.from('version: 1\nthemes:\n'), Buffer.from([0x81, 0x0a])]));
      const result = await loadCodebook(file, 'themes.yaml');
      expect(result.codebook).toBeNull();
      expect(result.errors).toEqual([
        expect.objectContaining({
          line: 3,
          col: 1,
          message: 'the codebook cannot be read as text: byte 0x81 is neither UTF-8 nor Windows-1252',
        }),
      ]);
    });
  });
});
