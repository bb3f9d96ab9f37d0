import { isPersonalDataKind, PERSONAL_DATA_KINDS, type PersonalDataKind } from './personal-data-kinds.js';

/** What {@link redactPersonalData} replaces and which @handles it leaves alone. */
export interface RedactionPolicy {
  /** The kinds of personal data to replace; kinds not in the set are left as written. */
  kinds: ReadonlySet<PersonalDataKind>;
  /**
   * Handles of organisations that stay as written, with their `@` (`"@TLAP_News"`). Compared
   * without regard to case; a handle is kept when the part before its first `.` or second `@`
   * is on the list.
   */
  keepHandles: readonly string[];
  /**
   * Names of public figures that stay as written (`redact.keep_names`): a name found in the text
   * is kept when each of its words is a word of one of these (case-insensitive).
   */
  keepNames?: readonly string[];
}

/** The policy when the codebook says nothing: every kind replaced, no handle kept. */
export const DEFAULT_REDACTION_POLICY: RedactionPolicy = Object.freeze({
  kinds: new Set<PersonalDataKind>(PERSONAL_DATA_KINDS),
  keepHandles: Object.freeze([]) as readonly string[],
});

/** One problem in a `redact:` setting, located by a path into the YAML document. */
export interface RedactionPolicyIssue {
  /** Where the problem is, e.g. `redact.kinds[2]` or `redact.keep_handles[0]`. */
  path: string;
  /** One line saying what is wrong. */
  message: string;
  /** One sentence saying how to fix it. */
  hint: string;
}

/** What {@link parseRedactionPolicy} returns: a policy, or every problem found. */
export type ParsedRedactionPolicy = { policy: RedactionPolicy } | { issues: RedactionPolicyIssue[] };

const SETTINGS = ['kinds', 'keep_handles'] as const;
const KEEP_HANDLE_PATTERN = /^[@\uFF20][\p{L}\p{M}\p{N}_]+(?:\.[\p{L}\p{M}\p{N}_]+)*$/u;
const KINDS_LIST = PERSONAL_DATA_KINDS.join(', ');

/**
 * Validates a `redact:` setting as it comes out of YAML,
 * `{ kinds: [email, phone, ...], keep_handles: ["@TLAP_News"] }`, and turns it into a
 * {@link RedactionPolicy}. A missing (`undefined` or `null`) setting, or a missing `kinds` or
 * `keep_handles`, gets the default (every kind; no handle kept). `kinds: []` turns redaction off.
 *
 * Every problem is reported at once (unknown setting, not a list, unknown kind, non-string entry,
 * handle without `@`...), each with a path below `path` (`redact.kinds[2]`) for the caller to map
 * to a file position.
 *
 * @param raw the parsed YAML value of the setting.
 * @param path where the setting is in the document, e.g. `redact`.
 */
export function parseRedactionPolicy(raw: unknown, path: string): ParsedRedactionPolicy {
  if (raw === undefined || raw === null) return { policy: DEFAULT_REDACTION_POLICY };
  if (!isPlainObject(raw)) {
    return {
      issues: [
        {
          path,
          message: `${describe(path)} must be a mapping, not ${typeName(raw)}`,
          hint: `write it as "${lastSegment(path)}: { kinds: [${KINDS_LIST}], keep_handles: ["@YourOrg"] }"`,
        },
      ],
    };
  }
  const issues: RedactionPolicyIssue[] = [];
  for (const key of Object.keys(raw)) {
    if (!(SETTINGS as readonly string[]).includes(key)) {
      issues.push({
        path: joinPath(path, key),
        message: `unknown setting "${key}" in ${describe(path)}`,
        hint: `the settings are ${SETTINGS.join(' and ')}`,
      });
    }
  }
  const kinds = parseKinds(raw['kinds'], joinPath(path, 'kinds'), issues);
  const keepHandles = parseKeepHandles(raw['keep_handles'], joinPath(path, 'keep_handles'), issues);
  if (issues.length > 0) return { issues };
  return { policy: Object.freeze({ kinds, keepHandles: Object.freeze(keepHandles) }) };
}

function parseKinds(raw: unknown, path: string, issues: RedactionPolicyIssue[]): ReadonlySet<PersonalDataKind> {
  const kinds = new Set<PersonalDataKind>();
  if (raw === undefined || raw === null) return new Set(PERSONAL_DATA_KINDS);
  if (!Array.isArray(raw)) {
    issues.push({
      path,
      message: `${describe(path)} must be a list of kinds, not ${typeName(raw)}`,
      hint: `write a list such as [${KINDS_LIST}]`,
    });
    return kinds;
  }
  raw.forEach((entry: unknown, index) => {
    const entryPath = `${path}[${index}]`;
    if (typeof entry !== 'string') {
      issues.push({
        path: entryPath,
        message: `a kind must be a name, not ${typeName(entry)}`,
        hint: `use one of: ${KINDS_LIST}`,
      });
    } else if (isPersonalDataKind(entry)) {
      kinds.add(entry);
    } else {
      const suggestion = PERSONAL_DATA_KINDS.find((kind) => kind === normaliseKindName(entry));
      issues.push({
        path: entryPath,
        message: `unknown kind of personal data "${entry}"`,
        hint: suggestion === undefined ? `use one of: ${KINDS_LIST}` : `did you mean "${suggestion}"?`,
      });
    }
  });
  return kinds;
}

function parseKeepHandles(raw: unknown, path: string, issues: RedactionPolicyIssue[]): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    issues.push({
      path,
      message: `${describe(path)} must be a list of handles, not ${typeName(raw)}`,
      hint: 'write a list such as ["@TLAP_News"]',
    });
    return [];
  }
  const handles: string[] = [];
  raw.forEach((entry: unknown, index) => {
    const entryPath = `${path}[${index}]`;
    if (typeof entry !== 'string') {
      issues.push({
        path: entryPath,
        message: `a handle must be text, not ${typeName(entry)}`,
        hint: 'quote it, e.g. "@TLAP_News"',
      });
    } else if (!entry.startsWith('@') && !entry.startsWith('\uFF20')) {
      issues.push({
        path: entryPath,
        message: `handle "${entry}" does not start with @`,
        hint: `write it with its @, e.g. "@${entry.trim() || 'TLAP_News'}" (quoted, since YAML reserves a leading @)`,
      });
    } else if (!KEEP_HANDLE_PATTERN.test(entry)) {
      issues.push({
        path: entryPath,
        message: `"${entry}" is not a handle`,
        hint: 'a handle is @ followed by letters, digits and underscores, e.g. "@TLAP_News"',
      });
    } else {
      handles.push(entry);
    }
  });
  return handles;
}

const KIND_ALIASES: Readonly<Record<string, PersonalDataKind>> = {
  'e-mail': 'email',
  mail: 'email',
  telephone: 'phone',
  'phone-number': 'phone',
  mobile: 'phone',
  'post-code': 'postcode',
  nhs: 'nhs-number',
  'nhs-no': 'nhs-number',
  nhsnumber: 'nhs-number',
  mention: 'handle',
  username: 'handle',
  person: 'name',
  'person-name': 'name',
  people: 'name',
  dob: 'date-of-birth',
  'd.o.b.': 'date-of-birth',
  'birth-date': 'date-of-birth',
  birthdate: 'date-of-birth',
  birthday: 'date-of-birth',
  nino: 'ni-number',
  ni: 'ni-number',
  'ni-no': 'ni-number',
  'national-insurance': 'ni-number',
  'national-insurance-number': 'ni-number',
  'hospital-number': 'case-number',
  'case-ref': 'case-number',
  'case-reference': 'case-number',
  reference: 'case-number',
  mrn: 'case-number',
  'client-id': 'case-number',
  ip: 'ip-address',
  ipv4: 'ip-address',
  ipv6: 'ip-address',
  'ip-addresse': 'ip-address',
  card: 'card-number',
  'payment-card': 'card-number',
  'credit-card': 'card-number',
  'debit-card': 'card-number',
  'card-no': 'card-number',
  pan: 'card-number',
  bank: 'bank-details',
  'bank-detail': 'bank-details',
  'bank-account': 'bank-details',
  'account-number': 'bank-details',
  'sort-code': 'bank-details',
  iban: 'bank-details',
  vehicle: 'vehicle-registration',
  reg: 'vehicle-registration',
  registration: 'vehicle-registration',
  'number-plate': 'vehicle-registration',
  'licence-plate': 'vehicle-registration',
  'license-plate': 'vehicle-registration',
  vrm: 'vehicle-registration',
  vrn: 'vehicle-registration',
};

function normaliseKindName(name: string): string {
  const simple = name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const singular = simple.replace(/s$/, '');
  return KIND_ALIASES[simple] ?? KIND_ALIASES[singular] ?? singular;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value}"`;
  return `the ${typeof value} ${String(value)}`;
}

function joinPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function lastSegment(path: string): string {
  return path.split('.').pop() || 'redact';
}

function describe(path: string): string {
  return path === '' ? 'the redaction setting' : `"${path}"`;
}
