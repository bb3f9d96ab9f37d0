/**
 * Honorifics (lower-case, without a full stop): the title before a person's name, as forms ask
 * for it in a `Title` column.
 */
const HONORIFICS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'master',
  'dr',
  'doctor',
  'prof',
  'professor',
  'rev',
  'revd',
  'reverend',
  'sir',
  'dame',
  'lord',
  'lady',
  'cllr',
  'councillor',
  'sr',
  'sister',
  'fr',
  'father',
  'rabbi',
  'imam',
  'other',
  'prefer not to say',
]);

/**
 * The last words of job titles (`Care Manager`, `Social Worker`, `Occupational Therapist`, `Team
 * Leader`): the role a person holds, in the singular.
 */
const JOB_WORDS: ReadonlySet<string> = new Set([
  'manager',
  'worker',
  'officer',
  'therapist',
  'nurse',
  'leader',
  'lead',
  'director',
  'coordinator',
  'co-ordinator',
  'assistant',
  'practitioner',
  'consultant',
  'adviser',
  'advisor',
  'carer',
  'administrator',
  'head',
  'chief',
  'executive',
  'supervisor',
  'commissioner',
  'councillor',
  'chair',
  'chairperson',
  'secretary',
  'treasurer',
  'trustee',
  'volunteer',
  'teacher',
  'doctor',
  'gp',
  'physiotherapist',
  'psychologist',
  'psychiatrist',
  'pharmacist',
  'midwife',
  'paramedic',
  'clinician',
  'surgeon',
  'analyst',
  'engineer',
  'specialist',
  'planner',
  'navigator',
  'champion',
  'partner',
  'owner',
  'founder',
  'ceo',
  'cfo',
  'coo',
  'clerk',
  'receptionist',
  'housekeeper',
  'cook',
  'chef',
  'driver',
  'apprentice',
  'trainee',
  'student',
  'intern',
  'governor',
  'member',
  'representative',
  'advocate',
  'mentor',
  'facilitator',
  'caseworker',
  'counsellor',
  'counselor',
  'dietitian',
  'optometrist',
  'dentist',
  'registrar',
  'matron',
  'technician',
  'inspector',
  'auditor',
  'accountant',
  'solicitor',
  'lawyer',
  'researcher',
  'lecturer',
  'editor',
  'president',
  'vice-president',
  'deputy',
]);

/** The most words a person's title has (`Senior Mental Health Support Worker` has five). */
const MAX_TITLE_WORDS = 5;

/** The share of a column's filled values that must be people's titles for the column to be one. */
const TITLE_SHARE = 0.8;

/** A value as its words, lower-case, without full stops or a bracketed aside (`Dr.` → `dr`, `Registered Manager (Home Care)` → `registered manager`). */
function titleWords(value: string): string[] {
  return value
    .toLowerCase()
    .replace(/\([^()]*\)/g, ' ')
    .replace(/[.()]/g, ' ')
    .split(/[\s/,&]+/)
    .filter((word) => word !== '' && word !== 'and' && word !== 'of');
}

/**
 * True for a value that is a person's title: an honorific (`Mr`, `Dr.`, `Prof`), or a short job
 * title ending in a job word (`Care Manager`, `Social Worker`, `Head of Service`, `GP`), never a
 * sentence (no `?` or `!`, no more than {@link MAX_TITLE_WORDS} words).
 */
export function isPersonTitle(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '' || /[?!;:]/.test(trimmed)) return false;
  if (HONORIFICS.has(trimmed.toLowerCase().replace(/\.$/, ''))) return true;
  const words = titleWords(trimmed);
  if (words.length === 0 || words.length > MAX_TITLE_WORDS) return false;
  const last = words[words.length - 1] ?? '';
  const first = words[0] ?? '';
  return JOB_WORDS.has(last) || (words.length > 1 && (first === 'head' || first === 'chief' || first === 'director'));
}

/**
 * True for a column of people's titles rather than posts' titles: at least {@link TITLE_SHARE} of
 * its filled values are honorifics or job titles (see {@link isPersonTitle}). A `Title` column of
 * `Mr`, `Dr`, `Care Manager` beside a `Description` says who wrote it, not what the post is about.
 */
export function isPersonTitleColumn(values: readonly string[]): boolean {
  const filled = values.map((value) => value.trim()).filter((value) => value !== '');
  if (filled.length === 0) return false;
  return filled.filter(isPersonTitle).length >= filled.length * TITLE_SHARE;
}
