import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { compileCodebook } from '../../src/codebook/compile-codebook.js';
import { loadCodebookText } from '../../src/codebook/load-codebook.js';
import { parseCodebookText } from '../../src/codebook/parse-codebook.js';
import { validateCodebook } from '../../src/codebook/validate-codebook.js';
import { ExitCode } from '../../src/exit-codes.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';
import { runCli } from '../builders/cli-runner.js';
import { codebookYaml } from '../builders/codebook-builder.js';
import { withTempDir } from '../builders/temp-dir.js';

const BUNDLED = readFileSync(join(PROJECT_ROOT, 'themes.yaml'), 'utf8');

function fixtureText(name: string): string {
  return readFileSync(join(PROJECT_ROOT, 'fixtures', 'codebook', name, 'themes.yaml'), 'utf8');
}

function positions(text: string): string[] {
  return loadCodebookText(text, 'themes.yaml').errors.map((issue) => `${issue.line}:${issue.col} ${issue.message}`);
}

describe('the three stages', () => {
  test('parse keeps positions, validate types, compile builds rules that keep theirs', () => {
    const parsed = parseCodebookText('version: 1\nthemes:\n  - id: a\n    label: A\n    keywords: [carer, day centre]\n', 'themes.yaml');
    expect(parsed.issues).toEqual([]);
    const root = parsed.document?.root;
    expect(root?.kind === 'map' ? root.entries.map((entry) => [entry.key, entry.keyPosition]) : null).toEqual([
      ['version', { line: 1, col: 1 }],
      ['themes', { line: 2, col: 1 }],
    ]);
    if (parsed.document === null) throw new Error('no document');
    const validated = validateCodebook(parsed.document);
    expect(validated.issues).toEqual([]);
    expect(validated.spec?.themes[0]?.keywords).toEqual([
      { text: 'carer', position: { line: 5, col: 16 } },
      { text: 'day centre', position: { line: 5, col: 23 } },
    ]);
    if (validated.spec === null) throw new Error('no spec');
    const { codebook, issues } = compileCodebook(validated.spec);
    expect(issues).toEqual([]);
    expect(codebook.themes[0]?.rules).toEqual([
      { kind: 'phrase', source: 'carer', position: { line: 5, col: 16 }, words: [{ kind: 'stem', stem: 'carer' }] },
      {
        kind: 'phrase',
        source: 'day centre',
        position: { line: 5, col: 23 },
        words: [
          { kind: 'stem', stem: 'dai' },
          { kind: 'stem', stem: 'centr' },
        ],
      },
    ]);
  });
});

describe('one slip, one error', () => {
  test('a single tab in the bundled themes.yaml is one error at its position', () => {
    const lines = BUNDLED.split('\n');
    const at = lines.findIndex((line) => line.trim() === '- isolation');
    lines[at] = `\t${lines[at]?.trimStart() ?? ''}`;
    const errors = loadCodebookText(lines.join('\n'), 'themes.yaml').errors;
    expect(errors.map((issue) => [issue.line, issue.col, issue.hint])).toEqual([[at + 1, 1, 'indent with spaces, not tabs']]);
  });

  test.each([
    ['an unclosed flow list', (text: string) => text.replace('keywords: [carer]', 'keywords: [carer')],
    ['an unclosed quote', (text: string) => text.replace('"day centre"', '"day centre')],
    ['a key without its colon', (text: string) => text.replace('label: Carers', 'label Carers')],
  ])('%s is one error', (_slip, slip) => {
    const base =
      'version: 1\nthemes:\n  - id: carers\n    label: Carers\n    keywords: [carer]\n  - id: places\n    label: Places\n    keywords: ["day centre", library]\n';
    expect(loadCodebookText(base, 'themes.yaml').codebook).not.toBeNull();
    expect(loadCodebookText(slip(base), 'themes.yaml').errors).toHaveLength(1);
  });
});

describe('warnings, never errors', () => {
  test('two keywords of one theme that normalise alike: a warning naming both, "redundant", and the codebook loads', () => {
    const result = loadCodebookText(codebookYaml([{ id: 'wellbeing', keywords: ['loneliness', 'isolation', 'isolated'] }]), 'themes.yaml');
    expect(result.errors).toEqual([]);
    expect(result.codebook?.themes[0]?.rules.map((rule) => rule.source)).toEqual(['loneliness', 'isolation']);
    expect(result.warnings).toEqual([
      {
        severity: 'warning',
        file: 'themes.yaml',
        line: 8,
        col: 9,
        message: '"isolated" and "isolation" (line 7) of theme "wellbeing" are the same after normalisation: one is redundant',
        hint: 'remove one of them; both match the same words',
      },
    ]);
  });

  test('the fixture of repeats: every repeat a warning at its position', () => {
    const result = loadCodebookText(fixtureText('duplicate-keyword-after-normalisation'), 'themes.yaml');
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((issue) => `${issue.line}:${issue.col}`)).toEqual(['5:23', '5:31', '5:56', '10:9']);
    expect(result.warnings.every((issue) => issue.message.includes('redundant'))).toBe(true);
  });

  test('keywords of two themes that share a stem: a warning that it puts one word in two themes', () => {
    const result = loadCodebookText(
      codebookYaml([
        { id: 'communities', keywords: ['community'] },
        { id: 'information', keywords: ['communication'] },
      ]),
      'themes.yaml',
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((issue) => issue.message)).toEqual([
      '"communication" of theme "information" and "community" (line 6) of theme "communities" share a stem: this puts one word in two themes',
    ]);
  });

  test('the CLI prints the warning on stderr and exits 0', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'themes.yaml'), codebookYaml([{ id: 'wellbeing', keywords: ['isolation', 'isolated'] }]));
      await runCli(['ingest', join(PROJECT_ROOT, 'fixtures/demo/exports/regional-event-notes.md')], { cwd: dir });
      const result = await runCli(['themes', '--format', 'json'], { cwd: dir });
      expect(result.stderr).not.toMatch(/^error/m);
      expect(result.exitCode).toBe(ExitCode.Ok);
      expect(result.stderr).toContain(
        'warning: themes.yaml:7:9: "isolated" and "isolation" (line 6) of theme "wellbeing" are the same after normalisation: one is redundant (remove one of them; both match the same words)',
      );
    });
  });
});

describe('the newer keys', () => {
  test('redact.kinds without name warns, at the list, that names will be published; the default and the bundled codebook do not', () => {
    const yaml =
      'version: 1\nredact:\n  kinds: [email, phone, address, date-of-birth, ni-number, case-number, ip-address, card-number, bank-details, vehicle-registration]\nthemes:\n  - id: a\n    label: A\n    keywords: [respite]\n';
    const result = loadCodebookText(yaml, 'themes.yaml');
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 3,
        col: 10,
        message: expect.stringContaining('names in quotes and in the CSV will be published'),
      }),
    ]);
    expect(
      loadCodebookText(
        yaml.replace(
          'kinds: [email, phone, address, date-of-birth, ni-number, case-number, ip-address, card-number, bank-details, vehicle-registration]\n',
          'keep_names: ["Jeremy Hunt"]\n',
        ),
        'themes.yaml',
      ).warnings,
    ).toEqual([]);
    expect(loadCodebookText(BUNDLED, 'themes.yaml').warnings).toEqual([]);
    expect([...(loadCodebookText(BUNDLED, 'themes.yaml').codebook?.redaction.kinds ?? [])]).toContain('name');
  });

  test('redact.kinds listing the kinds there were before address, dates of birth, NI numbers, case numbers, IP addresses, card numbers and bank details warns, in one line, of each it leaves out; kinds: [] warns of names only', () => {
    const yaml =
      'version: 1\nredact:\n  kinds: [email, phone, postcode, nhs-number, handle, name]\nthemes:\n  - id: a\n    label: A\n    keywords: [respite]\n';
    expect(loadCodebookText(yaml, 'themes.yaml').warnings).toEqual([
      expect.objectContaining({
        line: 3,
        col: 10,
        message:
          'redact.kinds leaves out address, date-of-birth, ni-number, case-number, ip-address, card-number, bank-details and vehicle-registration: street addresses (14 Acacia Avenue), dates of birth (DOB 03/04/1951), National Insurance numbers (QQ 12 34 56 C), hospital and case numbers (hospital number RWY1234567), IP addresses (81.2.69.160), payment card numbers (4111 1111 1111 1111), sort codes, account numbers and IBANs (sort code 12-34-56) and vehicle registration marks (AB12 CDE) in quotes and in the CSV will be published',
        hint: 'add address, date-of-birth, ni-number, case-number, ip-address, card-number, bank-details and vehicle-registration to redact.kinds',
      }),
    ]);
    expect(
      loadCodebookText(
        yaml.replace('name]', 'name, address, case-number, ip-address, card-number, bank-details, vehicle-registration]'),
        'themes.yaml',
      ).warnings,
    ).toEqual([
      expect.objectContaining({
        message:
          'redact.kinds leaves out date-of-birth and ni-number: dates of birth (DOB 03/04/1951) and National Insurance numbers (QQ 12 34 56 C) in quotes and in the CSV will be published',
        hint: 'add date-of-birth and ni-number to redact.kinds',
      }),
    ]);
    expect(
      loadCodebookText(
        yaml.replace('name]', 'name, address, ni-number, date-of-birth, ip-address, card-number, bank-details, vehicle-registration]'),
        'themes.yaml',
      ).warnings,
    ).toEqual([expect.objectContaining({ hint: 'add case-number to redact.kinds' })]);
    expect(
      loadCodebookText(
        yaml.replace('name]', 'name, address, ni-number, date-of-birth, case-number, card-number, bank-details, vehicle-registration]'),
        'themes.yaml',
      ).warnings,
    ).toEqual([expect.objectContaining({ hint: 'add ip-address to redact.kinds' })]);
    expect(
      loadCodebookText(yaml.replace('name]', 'name, address, ni-number, date-of-birth, case-number, ip-address]'), 'themes.yaml').warnings,
    ).toEqual([
      expect.objectContaining({
        message:
          'redact.kinds leaves out card-number, bank-details and vehicle-registration: payment card numbers (4111 1111 1111 1111), sort codes, account numbers and IBANs (sort code 12-34-56) and vehicle registration marks (AB12 CDE) in quotes and in the CSV will be published',
        hint: 'add card-number, bank-details and vehicle-registration to redact.kinds',
      }),
    ]);
    expect(
      loadCodebookText(
        yaml.replace(
          'name]',
          'name, address, ni-number, date-of-birth, case-number, ip-address, card-number, bank-details, vehicle-registration]',
        ),
        'themes.yaml',
      ).warnings,
    ).toEqual([]);
    const off = loadCodebookText(yaml.replace(/\[email.*name\]/u, '[]'), 'themes.yaml').warnings;
    expect(off.map((warning) => warning.message)).toEqual([expect.stringContaining('leaves out name')]);
    expect([...(loadCodebookText(BUNDLED, 'themes.yaml').codebook?.redaction.kinds ?? [])]).toEqual(
      expect.arrayContaining([
        'address',
        'date-of-birth',
        'ni-number',
        'case-number',
        'ip-address',
        'card-number',
        'bank-details',
        'vehicle-registration',
      ]),
    );
  });

  test('a codebook using every newer key loads without a problem, and compiles each', () => {
    const result = loadCodebookText(fixtureText('richer-language'), 'themes.yaml');
    expect([...result.errors, ...result.warnings]).toEqual([]);
    const codebook = result.codebook;
    expect(codebook?.unit).toBe('sentence');
    expect(codebook?.publish).toEqual({ minCount: 10, roundTo: 5, quantifiers: { aFew: 0, some: 0.2, many: 0.4, most: 0.6 } });
    expect(codebook?.quotes).toEqual({ exclude: ['r_0001'], consent: 'respect' });
    expect(codebook?.keepNames).toEqual(['Jeremy Hunt']);
    expect([...(codebook?.redaction.kinds ?? [])].sort()).toEqual([
      'address',
      'bank-details',
      'card-number',
      'case-number',
      'date-of-birth',
      'email',
      'ip-address',
      'name',
      'ni-number',
      'phone',
      'vehicle-registration',
    ]);
    const [community, listening, attitude, other] = codebook?.themes ?? [];
    expect(community?.rules.map((rule) => (rule.kind === 'phrase' ? rule.words : null))).toEqual([
      [{ kind: 'stem', stem: 'neighbour' }],
      [{ kind: 'exact', word: 'community' }],
    ]);
    expect(listening?.rules).toEqual([
      {
        kind: 'near',
        source: 'listen + staff within 5',
        position: { line: 22, col: 9 },
        within: 5,
        all: [expect.objectContaining({ source: 'listen' }), expect.objectContaining({ source: 'staff' })],
      },
    ]);
    expect(listening?.excludes).toEqual([
      expect.objectContaining({ kind: 'near', source: 'near nothing within 4', within: 4, position: { line: 24, col: 9 } }),
    ]);
    expect([attitude?.parent, attitude?.minHits]).toEqual(['listening', 2]);
    expect(other?.otherwise).toBe(true);
    expect(other?.rules).toEqual([]);
    expect(other?.examples).toEqual({
      match: [{ text: 'The car park was full.', position: { line: 34, col: 15 } }],
      noMatch: [{ text: 'Our neighbour helped.', position: { line: 35, col: 18 } }],
    });
  });

  test('every mistake in the newer keys at its line:col, all at once', () => {
    expect(positions(fixtureText('new-keys-errors'))).toEqual([
      '2:7 unit must be "record" or "sentence"',
      '5:14 publish.min_count must be a whole number from 0 to 1000000, not -1',
      '6:13 publish.round_to must be a whole number from 1 to 1000000, not 0',
      '7:35 publish.quantifiers.some (0.05) must be above a_few (0.1)',
      '7:41 unknown key "lots" in publish.quantifiers',
      '9:17 quotes.exclude[1] must be a record id, not 7',
      '11:31 redact.keep_names[1] must be a name, not ""',
      '15:13 themes[0].exact[0] "communi*ty" has a * inside a word',
      '17:15 themes[0].near[0].all must list at least two words or phrases',
      '18:40 themes[0].near[1].within must be a whole number from 1 to 50, not 0',
      '19:9 themes[0].near[2] has no "within"',
      '19:32 unknown key "wihtin" in themes[0].near[2]',
      '21:33 themes[0].exclude[0].within must be a whole number from 1 to 50, not 100',
      '22:9 themes[0].exclude[1] has no "within"',
      '23:16 themes[0].otherwise must be true or false, not "yes please"',
      '24:15 themes[0].min_hits must be a whole number from 1 to 100, not 0',
      '26:19 themes[0].examples.match[1] must be a text, not 3',
      '27:7 unknown key "nomatch" in themes[0].examples',
      '28:5 themes[1] has no "keywords"',
      '30:13 themes[1].parent "listenin" is not a theme id',
    ]);
    const hints = loadCodebookText(fixtureText('new-keys-errors'), 'themes.yaml').errors.map((issue) => issue.hint);
    expect(hints).toContain('did you mean "within"?');
    expect(hints).toContain('did you mean "no_match"?');
    expect(hints).toContain('did you mean "listening"?');
  });

  test('parents: a cycle is one error spelling it out; a theme cannot be its own parent', () => {
    expect(positions(fixtureText('parent-cycle'))).toEqual([
      '6:13 themes[0].parent makes a cycle: a → c → b → a',
      '18:13 themes[3].parent is the theme itself',
    ]);
  });
});

describe('the fingerprint changes with every key', () => {
  const base = codebookYaml([
    { id: 'a', keywords: ['carer'] },
    { id: 'b', keywords: ['budget'] },
  ]);
  const fingerprint = (text: string): string => {
    const { codebook, errors } = loadCodebookText(text, 'themes.yaml');
    if (codebook === null) throw new Error(errors.map((issue) => issue.message).join('\n'));
    return codebook.fingerprint;
  };
  test.each([
    ['unit', base.replace('themes:', 'unit: sentence\nthemes:')],
    ['assign', base.replace('themes:', 'assign: single\nthemes:')],
    ['publish.min_count', base.replace('themes:', 'publish: {min_count: 3}\nthemes:')],
    ['publish.round_to', base.replace('themes:', 'publish: {round_to: 10}\nthemes:')],
    ['publish.quantifiers', base.replace('themes:', 'publish: {quantifiers: {most: 0.7}}\nthemes:')],
    ['quotes.exclude', base.replace('themes:', 'quotes: {exclude: [r1]}\nthemes:')],
    ['quotes.consent', base.replace('themes:', 'quotes: {consent: ignore}\nthemes:')],
    ['report.groups', base.replace('themes:', 'report: {groups: responding as}\nthemes:')],
    ['redact.keep_names', base.replace('themes:', 'redact: {keep_names: [Ann]}\nthemes:')],
    [
      'exact',
      codebookYaml([
        { id: 'a', keywords: ['carer'], exact: ['carers'] },
        { id: 'b', keywords: ['budget'] },
      ]),
    ],
    [
      'near',
      codebookYaml([
        { id: 'a', keywords: ['carer'], near: [{ all: ['x', 'y'], within: 3 }] },
        { id: 'b', keywords: ['budget'] },
      ]),
    ],
    [
      'near within',
      codebookYaml([
        { id: 'a', keywords: ['carer'], near: [{ all: ['x', 'y'], within: 4 }] },
        { id: 'b', keywords: ['budget'] },
      ]),
    ],
    [
      'exclude near',
      codebookYaml([
        { id: 'a', keywords: ['carer'], exclude: [{ near: 'no', within: 2 }] },
        { id: 'b', keywords: ['budget'] },
      ]),
    ],
    [
      'parent',
      codebookYaml([
        { id: 'a', keywords: ['carer'] },
        { id: 'b', keywords: ['budget'], parent: 'a' },
      ]),
    ],
    [
      'otherwise',
      codebookYaml([
        { id: 'a', keywords: ['carer'] },
        { id: 'b', keywords: ['budget'], otherwise: true },
      ]),
    ],
    [
      'min_hits',
      codebookYaml([
        { id: 'a', keywords: ['carer'], min_hits: 2 },
        { id: 'b', keywords: ['budget'] },
      ]),
    ],
    [
      'examples',
      codebookYaml([
        { id: 'a', keywords: ['carer'], examples: { match: ['a carer'] } },
        { id: 'b', keywords: ['budget'] },
      ]),
    ],
  ])('%s', (_key, changed) => {
    expect(fingerprint(changed)).not.toBe(fingerprint(base));
  });

  test('publish without quantifiers: no words for shares (numbers only), and the fingerprint a codebook written before the words were opt-in had', () => {
    const minCount = base.replace('themes:', 'publish: {min_count: 3}\nthemes:');
    expect(loadCodebookText(minCount, 'themes.yaml').codebook?.publish).toEqual({ minCount: 3, roundTo: null, quantifiers: null });
    expect(loadCodebookText(base, 'themes.yaml').codebook?.publish.quantifiers).toBeNull();
    const declaredDefaults = base.replace(
      'themes:',
      'publish: {min_count: 3, quantifiers: {a_few: 0, some: 0.1, many: 0.3, most: 0.5}}\nthemes:',
    );
    expect(fingerprint(declaredDefaults)).toBe(fingerprint(minCount));
  });

  test('quotes.consent written as its default keeps the fingerprint of a codebook written before the key; any other value is an error at its place', () => {
    expect(fingerprint(base.replace('themes:', 'quotes: {consent: respect}\nthemes:'))).toBe(fingerprint(base));
    expect(positions(base.replace('themes:', 'quotes:\n  consent: never\nthemes:'))).toEqual([
      '3:12 quotes.consent must be "respect" or "ignore"',
    ]);
  });

  test('every variant differs from every other', () => {
    const variants = [
      codebookYaml([{ id: 'a', keywords: ['carer'], near: [{ all: ['x', 'y'], within: 3 }] }]),
      codebookYaml([{ id: 'a', keywords: ['carer'], near: [{ all: ['x', 'y'], within: 4 }] }]),
      codebookYaml([{ id: 'a', keywords: ['carer'], exclude: [{ near: 'x', within: 3 }] }]),
      codebookYaml([{ id: 'a', keywords: ['carer'], exact: ['x'] }]),
      codebookYaml([{ id: 'a', keywords: ['carer', 'x'] }]),
    ];
    expect(new Set(variants.map(fingerprint)).size).toBe(variants.length);
  });
});
