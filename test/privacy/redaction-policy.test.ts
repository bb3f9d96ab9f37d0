import { describe, expect, test } from '@jest/globals';
import { PERSONAL_DATA_KINDS } from '../../src/privacy/personal-data-kinds.js';
import { DEFAULT_REDACTION_POLICY, parseRedactionPolicy, type RedactionPolicyIssue } from '../../src/privacy/redaction-policy.js';

function issuesOf(raw: unknown, path = 'redact'): RedactionPolicyIssue[] {
  const parsed = parseRedactionPolicy(raw, path);
  if (!('issues' in parsed)) throw new Error(`expected issues, got a policy for ${JSON.stringify(raw)}`);
  return parsed.issues;
}

describe('DEFAULT_REDACTION_POLICY', () => {
  test('replaces every kind and keeps no handle', () => {
    expect([...DEFAULT_REDACTION_POLICY.kinds]).toEqual(PERSONAL_DATA_KINDS);
    expect(DEFAULT_REDACTION_POLICY.keepHandles).toEqual([]);
  });
});

describe('parseRedactionPolicy: valid settings', () => {
  test.each([[undefined], [null]])('%p gives the default policy', (raw) => {
    expect(parseRedactionPolicy(raw, 'redact')).toEqual({ policy: DEFAULT_REDACTION_POLICY });
  });

  test('kinds and keep_handles as written', () => {
    const parsed = parseRedactionPolicy({ kinds: ['email', 'phone', 'handle'], keep_handles: ['@TLAP_News', '＠ThinkLocal'] }, 'redact');
    expect(parsed).toEqual({ policy: { kinds: new Set(['email', 'phone', 'handle']), keepHandles: ['@TLAP_News', '＠ThinkLocal'] } });
  });

  test('a missing kinds list means every kind; a missing keep_handles means none', () => {
    expect(parseRedactionPolicy({ keep_handles: ['@TLAP_News'] }, 'redact')).toEqual({
      policy: { kinds: new Set(PERSONAL_DATA_KINDS), keepHandles: ['@TLAP_News'] },
    });
    expect(parseRedactionPolicy({ kinds: ['postcode'] }, 'redact')).toEqual({
      policy: { kinds: new Set(['postcode']), keepHandles: [] },
    });
  });

  test('an empty mapping is the default; an empty kinds list turns redaction off', () => {
    expect(parseRedactionPolicy({}, 'redact')).toEqual({ policy: { kinds: new Set(PERSONAL_DATA_KINDS), keepHandles: [] } });
    expect(parseRedactionPolicy({ kinds: [] }, 'redact')).toEqual({ policy: { kinds: new Set(), keepHandles: [] } });
  });

  test('a kind listed twice is fine', () => {
    expect(parseRedactionPolicy({ kinds: ['email', 'email'] }, 'redact')).toEqual({
      policy: { kinds: new Set(['email']), keepHandles: [] },
    });
  });
});

describe('parseRedactionPolicy: every problem reported at once, with its path', () => {
  test('unknown kind, non-string kind, handle without @, non-string handle, unknown setting', () => {
    const issues = issuesOf({
      kinds: ['email', 'phone', 'passport', 42, 'nhs_number'],
      keep_handles: ['@TLAP_News', 'TLAP_News', 7, '@not a handle', '@'],
      colour: 'red',
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      'redact.colour',
      'redact.kinds[2]',
      'redact.kinds[3]',
      'redact.kinds[4]',
      'redact.keep_handles[1]',
      'redact.keep_handles[2]',
      'redact.keep_handles[3]',
      'redact.keep_handles[4]',
    ]);
    expect(issues).toEqual([
      { path: 'redact.colour', message: 'unknown setting "colour" in "redact"', hint: 'the settings are kinds and keep_handles' },
      {
        path: 'redact.kinds[2]',
        message: 'unknown kind of personal data "passport"',
        hint: 'use one of: email, phone, postcode, nhs-number, handle, name, address, date-of-birth, ni-number, case-number, ip-address, card-number, bank-details, vehicle-registration',
      },
      {
        path: 'redact.kinds[3]',
        message: 'a kind must be a name, not the number 42',
        hint: 'use one of: email, phone, postcode, nhs-number, handle, name, address, date-of-birth, ni-number, case-number, ip-address, card-number, bank-details, vehicle-registration',
      },
      { path: 'redact.kinds[4]', message: 'unknown kind of personal data "nhs_number"', hint: 'did you mean "nhs-number"?' },
      {
        path: 'redact.keep_handles[1]',
        message: 'handle "TLAP_News" does not start with @',
        hint: 'write it with its @, e.g. "@TLAP_News" (quoted, since YAML reserves a leading @)',
      },
      { path: 'redact.keep_handles[2]', message: 'a handle must be text, not the number 7', hint: 'quote it, e.g. "@TLAP_News"' },
      {
        path: 'redact.keep_handles[3]',
        message: '"@not a handle" is not a handle',
        hint: 'a handle is @ followed by letters, digits and underscores, e.g. "@TLAP_News"',
      },
      {
        path: 'redact.keep_handles[4]',
        message: '"@" is not a handle',
        hint: 'a handle is @ followed by letters, digits and underscores, e.g. "@TLAP_News"',
      },
    ]);
  });

  test.each([
    ['Email', 'email'],
    ['phones', 'phone'],
    ['telephone', 'phone'],
    ['post code', 'postcode'],
    ['NHS', 'nhs-number'],
    ['mentions', 'handle'],
    ['DOB', 'date-of-birth'],
    ['date of birth', 'date-of-birth'],
    ['birth_date', 'date-of-birth'],
    ['NINO', 'ni-number'],
    ['National Insurance', 'ni-number'],
    ['ni numbers', 'ni-number'],
    ['hospital number', 'case-number'],
    ['MRN', 'case-number'],
    ['reference', 'case-number'],
    ['IP', 'ip-address'],
    ['IP addresses', 'ip-address'],
    ['ipv6', 'ip-address'],
    ['credit card', 'card-number'],
    ['PAN', 'card-number'],
    ['sort code', 'bank-details'],
    ['IBAN', 'bank-details'],
    ['bank accounts', 'bank-details'],
  ])('%j gets the hint "did you mean %s"', (written, meant) => {
    expect(issuesOf({ kinds: [written] })).toEqual([
      { path: 'redact.kinds[0]', message: `unknown kind of personal data "${written}"`, hint: `did you mean "${meant}"?` },
    ]);
  });

  test.each([
    ['a string', 'all', 'the text "all"'],
    ['a number', 3, 'the number 3'],
    ['a list', ['email'], 'a list'],
    ['a boolean', true, 'the boolean true'],
  ])('the setting as %s', (_name, raw, described) => {
    expect(issuesOf(raw)).toEqual([
      {
        path: 'redact',
        message: `"redact" must be a mapping, not ${described}`,
        hint: 'write it as "redact: { kinds: [email, phone, postcode, nhs-number, handle, name, address, date-of-birth, ni-number, case-number, ip-address, card-number, bank-details, vehicle-registration], keep_handles: ["@YourOrg"] }"',
      },
    ]);
  });

  test('kinds and keep_handles that are not lists', () => {
    expect(issuesOf({ kinds: 'email', keep_handles: { a: 1 } })).toEqual([
      {
        path: 'redact.kinds',
        message: '"redact.kinds" must be a list of kinds, not the text "email"',
        hint: 'write a list such as [email, phone, postcode, nhs-number, handle, name, address, date-of-birth, ni-number, case-number, ip-address, card-number, bank-details, vehicle-registration]',
      },
      {
        path: 'redact.keep_handles',
        message: '"redact.keep_handles" must be a list of handles, not a mapping',
        hint: 'write a list such as ["@TLAP_News"]',
      },
    ]);
  });

  test('paths start from the path given', () => {
    expect(issuesOf({ kinds: ['x'] }, 'report.redact')[0]?.path).toBe('report.redact.kinds[0]');
    expect(issuesOf({ kinds: ['x'] }, '')[0]?.path).toBe('kinds[0]');
  });
});
