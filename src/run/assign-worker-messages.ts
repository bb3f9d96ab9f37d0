import type { Codebook } from '../codebook/codebook.js';
import type { KeywordHit, ThemeEvidence, VetoedHit } from '../themes/match-evidence.js';

/** A batch of store lines sent to a theme worker. */
export interface AssignBatch {
  /** The batch's number, echoed in the answer. */
  batch: number;
  /** records.jsonl lines, as written. */
  lines: string[];
  /** Whether to answer with each record's words numbered (see {@link AssignedBatch.words}). */
  words: boolean;
}

/**
 * A worker's answer for one batch: per line, the themes and evidence packed as whole numbers
 * (theme, rule and exclude positions in the codebook, and text offsets) in one transferable array,
 * so an answer crosses threads without copying and the evidence is rebuilt with its strings here.
 */
export interface AssignedBatch {
  batch: number;
  packed: Int32Array;
  /**
   * When asked for: per line, the number of its words and then each word's number in the worker's
   * own numbering (numbers from 0 in the order the worker first met the words; a line that is not a
   * record has none), so a text is tokenised once.
   */
  words: Int32Array | null;
  /** The words the worker numbered in this batch, in number order, each as its word and then its stem. */
  newWords: string[];
}

/** Numbers words in the order first met, remembering which are new since it was last asked. */
export class WordNumberer {
  private readonly numbers = new Map<string, number>();
  private fresh: string[] = [];

  /** The number of a word with this stem. */
  number(word: string, stem: string): number {
    const known = this.numbers.get(word);
    if (known !== undefined) return known;
    const id = this.numbers.size;
    this.numbers.set(word, id);
    this.fresh.push(word, stem);
    return id;
  }

  /** The words numbered since the last call, each as word then stem. */
  takeNew(): string[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }
}

/** What a worker found for one line. */
export interface AssignedLine {
  themeIds: string[];
  evidence: ThemeEvidence[];
}

const NOT_A_RECORD = -1;

/**
 * Packs the themes and evidence of a batch's lines (null for a line that is not a record). Per
 * line: the number of theme ids and their codebook indexes (or -1 alone for null); the number of
 * themes with evidence; per such theme its index, hit and veto counts, each hit as rule index,
 * start, end, and each veto as rule index, start, end, exclude index.
 */
export class EvidencePacker {
  private readonly ruleIndexes: Map<string, number>[];
  private readonly excludeIndexes: Map<string, number>[];
  private readonly themeIndexes: Map<string, number>;

  constructor(codebook: Pick<Codebook, 'themes'>) {
    this.ruleIndexes = codebook.themes.map((theme) => new Map(theme.rules.map((rule, index) => [positionKey(rule.position), index])));
    this.excludeIndexes = codebook.themes.map((theme) => new Map(theme.excludes.map((rule, index) => [positionKey(rule.position), index])));
    this.themeIndexes = new Map(codebook.themes.map((theme, index) => [theme.id, index]));
  }

  /**
   * Whether every rule and exclude of each theme stands at its own place in the codebook, which is
   * how a packed hit names its rule (always so for a codebook read from a file).
   */
  static canPack(codebook: Pick<Codebook, 'themes'>): boolean {
    return codebook.themes.every(
      (theme) =>
        new Set(theme.rules.map((rule) => positionKey(rule.position))).size === theme.rules.length &&
        new Set(theme.excludes.map((rule) => positionKey(rule.position))).size === theme.excludes.length,
    );
  }

  pack(lines: readonly (AssignedLine | null)[]): Int32Array {
    const out: number[] = [];
    for (const line of lines) {
      if (line === null) {
        out.push(NOT_A_RECORD);
        continue;
      }
      out.push(line.themeIds.length);
      for (const id of line.themeIds) out.push(this.themeIndexes.get(id) ?? 0);
      const withEvidence = line.evidence.filter((entry) => entry.hits.length > 0 || entry.vetoed.length > 0);
      out.push(withEvidence.length);
      for (const entry of withEvidence) {
        const themeIndex = this.themeIndexes.get(entry.themeId) ?? 0;
        const rules = this.ruleIndexes[themeIndex];
        const excludes = this.excludeIndexes[themeIndex];
        out.push(themeIndex, entry.hits.length, entry.vetoed.length);
        for (const hit of entry.hits) out.push(rules?.get(positionKey(hit.position)) ?? 0, hit.start, hit.end);
        for (const hit of entry.vetoed) {
          out.push(rules?.get(positionKey(hit.position)) ?? 0, hit.start, hit.end, excludes?.get(positionKey(hit.byPosition)) ?? 0);
        }
      }
    }
    return Int32Array.from(out);
  }
}

function positionKey(position: { line: number; col: number }): string {
  return `${position.line}:${position.col}`;
}

/** Rebuilds the themes and evidence of each line from a packed answer, with the texts they point into. */
export function unpackEvidence(codebook: Pick<Codebook, 'themes'>, packed: Int32Array, texts: readonly string[]): (AssignedLine | null)[] {
  const empty = codebook.themes.map((theme) => Object.freeze({ themeId: theme.id, hits: [], vetoed: [] }) as ThemeEvidence);
  const lines: (AssignedLine | null)[] = [];
  let at = 0;
  const next = (): number => packed[at++] ?? 0;
  for (const text of texts) {
    const idCount = next();
    if (idCount === NOT_A_RECORD) {
      lines.push(null);
      continue;
    }
    const themeIds: string[] = [];
    for (let index = 0; index < idCount; index += 1) themeIds.push(codebook.themes[next()]?.id ?? '');
    const evidence = [...empty];
    const themesWithEvidence = next();
    for (let entry = 0; entry < themesWithEvidence; entry += 1) {
      const themeIndex = next();
      const theme = codebook.themes[themeIndex];
      const hitCount = next();
      const vetoCount = next();
      const hits: KeywordHit[] = [];
      const vetoed: VetoedHit[] = [];
      for (let index = 0; index < hitCount; index += 1) {
        const rule = theme?.rules[next()];
        const start = next();
        const end = next();
        hits.push({
          keyword: rule?.source ?? '',
          position: rule?.position ?? { line: 0, col: 0 },
          words: text.slice(start, end),
          start,
          end,
        });
      }
      for (let index = 0; index < vetoCount; index += 1) {
        const rule = theme?.rules[next()];
        const start = next();
        const end = next();
        const exclude = theme?.excludes[next()];
        vetoed.push({
          keyword: rule?.source ?? '',
          position: rule?.position ?? { line: 0, col: 0 },
          words: text.slice(start, end),
          start,
          end,
          by: exclude?.source ?? '',
          byPosition: exclude?.position ?? { line: 0, col: 0 },
        });
      }
      evidence[themeIndex] = { themeId: theme?.id ?? '', hits, vetoed };
    }
    lines.push({ themeIds, evidence });
  }
  return lines;
}
