import type { Codebook, SourcePosition } from '../codebook/codebook.js';
import { codebookKeywords, type CodedRecord, type EvidenceHit } from './coded-record.js';
import { isFormOfKeyword } from './word-forms.js';

/** How often a keyword matched some words, as written (lower case). */
export interface WordCount {
  words: string;
  count: number;
}

/** What one keyword did over the store. */
export interface KeywordAudit {
  theme: string;
  keyword: string;
  /** Where the keyword is written in the codebook (1-based). */
  line: number;
  col: number;
  /** Records it hit (for its theme, after exclusions). */
  records: number;
  /** Records it alone puts in its theme: no other keyword of the theme hit them. */
  sole: number;
  /** The distinct words it matched, with the number of records each was matched in, most first. */
  words: WordCount[];
}

/** Words that keywords of two or more themes matched. */
export interface SharedWords {
  words: string;
  themes: { theme: string; keyword: string; records: number }[];
}

/** A problem the audit found, with a fix to consider. */
export interface AuditProblem {
  /**
   * `other-word`: the keyword matched a different word that shares its stem; `matches-nothing`:
   * the keyword hit no record; `shared-word`: the same words count for two themes; `dominant`:
   * one keyword alone makes most of a theme; `redundant`: every hit of the keyword holds a hit of
   * another keyword of its theme (`listen to` beside `listen`), so it adds nothing.
   */
  kind: 'other-word' | 'matches-nothing' | 'shared-word' | 'dominant' | 'redundant';
  theme: string;
  keyword: string;
  /** What is wrong, in a sentence. */
  message: string;
  /** A change to the codebook that would fix it, in codebook syntax where it can be. */
  fix: string;
}

/** What `tlap audit` reports. */
export interface AuditReport {
  /** The codebook file, as given. */
  codebook: string;
  /** Records read. */
  records: number;
  /** Records with at least one theme. */
  themed: number;
  /** Every keyword of the codebook, codebook order. */
  keywords: KeywordAudit[];
  /** Keywords that hit no record, with where they are written. */
  unmatched: { theme: string; keyword: string; line: number; col: number }[];
  /** Words matched for more than one theme, most records first. */
  shared: SharedWords[];
  /** Problems with a suggested fix each: other words first, then shared words, dominant, redundant and unmatched keywords. */
  problems: AuditProblem[];
}

/** A keyword alone behind at least this share of its theme's records (of at least {@link DOMINANT_MIN_RECORDS}) is flagged. */
const DOMINANT_SHARE = 0.5;
const DOMINANT_MIN_RECORDS = 10;
/** Matched words are flagged as another word only when seen in at least this many records. */
const OTHER_WORD_MIN_RECORDS = 1;

interface KeywordTally {
  records: number;
  sole: number;
  words: Map<string, number>;
  /** Records where at least one of its hits holds no other keyword's hit of the theme. */
  ownHits: number;
  /** The keywords whose hits its hits held, with how many records each was held in. */
  coveredBy: Map<string, number>;
}

const keyOf = (themeId: string, position: SourcePosition): string => `${themeId}\u0000${position.line}:${position.col}`;

/** Collects the evidence of every record, then reports (one pass; memory grows with distinct matched words only). */
export class AuditBuilder {
  private readonly tallies = new Map<string, KeywordTally>();
  private readonly themeRecords = new Map<string, number>();
  private records = 0;
  private themed = 0;

  constructor(private readonly codebook: Codebook) {
    for (const { themeId, position } of codebookKeywords(codebook)) {
      this.tallies.set(keyOf(themeId, position), { records: 0, sole: 0, words: new Map(), ownHits: 0, coveredBy: new Map() });
    }
  }

  /** Counts one coded record. */
  add(coded: CodedRecord): void {
    this.records += 1;
    if (coded.themeIds.length > 0) this.themed += 1;
    for (const themeId of coded.themeIds) this.themeRecords.set(themeId, (this.themeRecords.get(themeId) ?? 0) + 1);
    const keywordsByTheme = new Map<string, Map<string, Set<string>>>();
    const hitsByKeyword = new Map<string, EvidenceHit[]>();
    for (const hit of coded.hits) {
      const key = keyOf(hit.themeId, hit.position);
      const list = hitsByKeyword.get(key) ?? [];
      hitsByKeyword.set(key, list);
      list.push(hit);
    }
    for (const hit of coded.hits) {
      const keywords = keywordsByTheme.get(hit.themeId) ?? new Map<string, Set<string>>();
      keywordsByTheme.set(hit.themeId, keywords);
      const key = keyOf(hit.themeId, hit.position);
      const words = keywords.get(key) ?? new Set<string>();
      keywords.set(key, words);
      words.add(hit.words.toLowerCase().replace(/\s+/g, ' '));
    }
    for (const [themeId, keywords] of keywordsByTheme) {
      for (const [key, words] of keywords) {
        const tally = this.tallies.get(key);
        if (tally === undefined) continue;
        tally.records += 1;
        if (keywords.size === 1 && coded.themeIds.includes(themeId)) tally.sole += 1;
        for (const word of words) tally.words.set(word, (tally.words.get(word) ?? 0) + 1);
        const covering = (hitsByKeyword.get(key) ?? []).map((hit) =>
          coded.hits.find((other) => other.themeId === themeId && keyOf(themeId, other.position) !== key && holds(hit, other)),
        );
        if (covering.some((other) => other === undefined)) tally.ownHits += 1;
        else
          for (const keyword of new Set(
            covering.flatMap((other) => (other === undefined ? [] : `"${other.keyword}" (line ${other.position.line})`)),
          ))
            tally.coveredBy.set(keyword, (tally.coveredBy.get(keyword) ?? 0) + 1);
      }
    }
  }

  /** The report. Deterministic: ties are broken by the words, keywords keep codebook order. */
  finish(): AuditReport {
    const keywords: KeywordAudit[] = codebookKeywords(this.codebook).map(({ themeId, keyword, position }) => {
      const tally = this.tallies.get(keyOf(themeId, position));
      return {
        theme: themeId,
        keyword,
        line: position.line,
        col: position.col,
        records: tally?.records ?? 0,
        sole: tally?.sole ?? 0,
        words: sortedCounts(tally?.words ?? new Map()),
      };
    });
    const redundant = codebookKeywords(this.codebook).flatMap(({ themeId, keyword, position }) => {
      const tally = this.tallies.get(keyOf(themeId, position));
      const minHits = this.codebook.themes.find((theme) => theme.id === themeId)?.minHits ?? 1;
      if (tally === undefined || tally.records === 0 || tally.ownHits > 0 || minHits > 1) return [];
      const holders = sortedCounts(tally.coveredBy).map((entry) => entry.words);
      return [
        {
          kind: 'redundant' as const,
          theme: themeId,
          keyword,
          message: `"${keyword}" (${themeId}, ${this.codebook.file}:${position.line}:${position.col}) matched only where ${holders.join(', ')} also matched, in its ${tally.records} record${tally.records === 1 ? '' : 's'}: it adds nothing to the theme`,
          fix: `remove "${keyword}": no record's themes change`,
        },
      ];
    });
    const unmatched = keywords
      .filter((entry) => entry.records === 0)
      .map(({ theme, keyword, line, col }) => ({ theme, keyword, line, col }));
    const shared = sharedWords(keywords);
    const problems = [
      ...keywords.flatMap(otherWordProblems),
      ...shared.flatMap(sharedWordProblems),
      ...keywords.flatMap((entry) => this.dominantProblems(entry)),
      ...redundant,
      ...unmatched.map(({ theme, keyword, line, col }) => ({
        kind: 'matches-nothing' as const,
        theme,
        keyword,
        message: `"${keyword}" (${theme}, ${this.codebook.file}:${line}:${col}) matches no record`,
        fix: `remove "${keyword}", or check its spelling against the records`,
      })),
    ];
    return { codebook: this.codebook.file, records: this.records, themed: this.themed, keywords, unmatched, shared, problems };
  }

  private dominantProblems(entry: KeywordAudit): AuditProblem[] {
    const total = this.themeRecords.get(entry.theme) ?? 0;
    if (total < DOMINANT_MIN_RECORDS || entry.sole / total < DOMINANT_SHARE) return [];
    return [
      {
        kind: 'dominant',
        theme: entry.theme,
        keyword: entry.keyword,
        message: `"${entry.keyword}" alone puts ${entry.sole} of the ${total} records in ${entry.theme}`,
        fix: `read its records (tlap explain) and, if many do not belong, narrow it to a phrase or add an exclude`,
      },
    ];
  }
}

/**
 * Whether a hit holds the hit of another keyword (`listen to` holds `listen`), so that without it
 * the theme would still have a hit there: the other's words lie inside its words and are fewer, or
 * are the same words for a keyword written earlier in the codebook (so of two keywords that always
 * match the same words, the later one is the one that adds nothing).
 */
function holds(outer: EvidenceHit, inner: EvidenceHit): boolean {
  if (outer.start > inner.start || outer.end < inner.end) return false;
  if (outer.start < inner.start || outer.end > inner.end) return true;
  return (
    inner.position.line < outer.position.line || (inner.position.line === outer.position.line && inner.position.col < outer.position.col)
  );
}

function sortedCounts(counts: ReadonlyMap<string, number>): WordCount[] {
  return [...counts]
    .map(([words, count]) => ({ words, count }))
    .sort((a, b) => b.count - a.count || (a.words < b.words ? -1 : a.words > b.words ? 1 : 0));
}

function otherWordProblems(entry: KeywordAudit): AuditProblem[] {
  const others = entry.words.filter((word) => word.count >= OTHER_WORD_MIN_RECORDS && !isFormOfKeyword(entry.keyword, word.words));
  if (others.length === 0) return [];
  const ownForms = entry.words.filter((word) => isFormOfKeyword(entry.keyword, word.words)).map((word) => word.words);
  const single = !/\s/.test(entry.keyword.trim()) && !entry.keyword.endsWith('*');
  const exactForms = [...new Set([entry.keyword.toLowerCase(), ...ownForms])];
  const excludes = `exclude: [${others.map((other) => yamlScalar(other.words)).join(', ')}]`;
  return [
    {
      kind: 'other-word',
      theme: entry.theme,
      keyword: entry.keyword,
      message: `"${entry.keyword}" (${entry.theme}) also matched other words with its stem: ${others.map((other) => `${other.words} ${other.count}`).join(', ')}`,
      fix: single ? `exact: [${exactForms.map(yamlScalar).join(', ')}] instead of the keyword, or ${excludes}` : excludes,
    },
  ];
}

function sharedWords(keywords: readonly KeywordAudit[]): SharedWords[] {
  const byWords = new Map<string, { theme: string; keyword: string; records: number }[]>();
  for (const entry of keywords) {
    for (const word of entry.words) {
      const list = byWords.get(word.words) ?? [];
      byWords.set(word.words, list);
      list.push({ theme: entry.theme, keyword: entry.keyword, records: word.count });
    }
  }
  const shared: SharedWords[] = [];
  for (const [words, themes] of byWords) {
    if (new Set(themes.map((entry) => entry.theme)).size > 1) shared.push({ words, themes });
  }
  const total = (entry: SharedWords): number => entry.themes.reduce((sum, theme) => sum + theme.records, 0);
  return shared.sort((a, b) => total(b) - total(a) || (a.words < b.words ? -1 : 1));
}

function sharedWordProblems(shared: SharedWords): AuditProblem[] {
  const first = shared.themes[0];
  if (first === undefined) return [];
  const names = shared.themes.map((entry) => `${entry.theme} ("${entry.keyword}", ${entry.records})`).join(' and ');
  return [
    {
      kind: 'shared-word',
      theme: first.theme,
      keyword: first.keyword,
      message: `"${shared.words}" counts for ${names}`,
      fix: `if it belongs to one theme only, add exclude: [${yamlScalar(shared.words)}] to the others`,
    },
  ];
}

/** A word or phrase as a YAML flow scalar: bare when that reads back the same, else double-quoted. */
export function yamlScalar(text: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} '-]*$/u.test(text) && !/^(?:true|false|null|yes|no|on|off|~)$/i.test(text) ? text : JSON.stringify(text);
}
