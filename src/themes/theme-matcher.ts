import type { Codebook, ExcludeRule, NearRule, PhraseRule, WordTest } from '../codebook/codebook.js';
import { normaliseText, type Token } from '../text/normalise.js';
import type { KeywordHit, ThemeEvidence, VetoedHit } from './match-evidence.js';

/** Where a phrase occurs: token indexes [from, to). */
interface Occurrence {
  from: number;
  to: number;
}

/** A rule with the theme it belongs to and the role it plays there. */
interface IndexedPhrase {
  themeIndex: number;
  rule: PhraseRule;
  role: 'keyword' | 'exclude' | 'near-part' | 'near-exclude';
  /** For near parts and near excludes: which rule of the theme it belongs to. */
  ownerIndex: number;
}

/** A hit before it is checked against exclusions: its token span and the rule that made it. */
interface CandidateHit {
  from: number;
  to: number;
  rule: PhraseRule | NearRule;
}

/**
 * Matches text against a codebook and returns the evidence: for every theme, the hits that count
 * and the hits an exclusion vetoed, each located in the text as given. Built once per codebook:
 * phrases are indexed by their first word, so matching costs one lookup per word plus the few
 * candidate phrases there.
 */
export class ThemeMatcher {
  private readonly byStem = new Map<string, IndexedPhrase[]>();
  private readonly byExact = new Map<string, IndexedPhrase[]>();
  private readonly byPrefix: IndexedPhrase[] = [];
  private readonly themes: Codebook['themes'];

  constructor(codebook: Pick<Codebook, 'themes'>) {
    this.themes = codebook.themes;
    codebook.themes.forEach((theme, themeIndex) => {
      theme.rules.forEach((rule, ruleIndex) => {
        if (rule.kind === 'phrase') this.add({ themeIndex, rule, role: 'keyword', ownerIndex: ruleIndex });
        else for (const part of rule.all) this.add({ themeIndex, rule: part, role: 'near-part', ownerIndex: ruleIndex });
      });
      theme.excludes.forEach((rule, ruleIndex) => {
        if (rule.kind === 'phrase') this.add({ themeIndex, rule, role: 'exclude', ownerIndex: ruleIndex });
        else this.add({ themeIndex, rule: rule.phrase, role: 'near-exclude', ownerIndex: ruleIndex });
      });
    });
  }

  private add(entry: IndexedPhrase): void {
    const first = entry.rule.words[0];
    if (first === undefined) return;
    if (first.kind === 'prefix') {
      this.byPrefix.push(entry);
      return;
    }
    const index = first.kind === 'stem' ? this.byStem : this.byExact;
    const key = first.kind === 'stem' ? first.stem : first.word;
    const list = index.get(key);
    if (list === undefined) index.set(key, [entry]);
    else list.push(entry);
  }

  /** The evidence for every theme, in codebook order (themes without hits have empty lists). */
  match(text: string): ThemeEvidence[] {
    return this.matchTokens(text, normaliseText(text).tokens);
  }

  /**
   * The evidence for every theme among some of a text's tokens (a sentence, say): `tokens` must be
   * consecutive tokens of `text`, as {@link normaliseText} gives them.
   */
  matchTokens(text: string, tokens: readonly Token[]): ThemeEvidence[] {
    const found: (Map<number, Map<string, Occurrence[]>> | undefined)[] = [];
    const record = (entry: IndexedPhrase, occurrence: Occurrence): void => {
      let byRole = found[entry.themeIndex];
      if (byRole === undefined) {
        byRole = new Map();
        found[entry.themeIndex] = byRole;
      }
      let byOwner = byRole.get(entry.ownerIndex);
      if (byOwner === undefined) {
        byOwner = new Map();
        byRole.set(entry.ownerIndex, byOwner);
      }
      const key = `${entry.role}:${entry.rule.source}`;
      const list = byOwner.get(key);
      if (list === undefined) byOwner.set(key, [occurrence]);
      else list.push(occurrence);
    };
    for (let index = 0; index < tokens.length; index += 1) {
      const token = tokens[index];
      if (token === undefined) continue;
      this.tryAll(this.byStem.get(token.stem), tokens, index, record);
      this.tryAll(this.byExact.get(token.word), tokens, index, record);
      if (this.byPrefix.length > 0) this.tryAll(this.byPrefix, tokens, index, record);
    }
    return this.themes.map((theme, themeIndex) => {
      const byRole = found[themeIndex];
      if (byRole === undefined || byRole.size === 0) return { themeId: theme.id, hits: [], vetoed: [] };
      const occurrencesOf = (role: IndexedPhrase['role'], ownerIndex: number, rule: PhraseRule): Occurrence[] =>
        byRole.get(ownerIndex)?.get(`${role}:${rule.source}`) ?? [];
      const candidates: CandidateHit[] = [];
      theme.rules.forEach((rule, ruleIndex) => {
        if (rule.kind === 'phrase') {
          for (const occurrence of occurrencesOf('keyword', ruleIndex, rule)) candidates.push({ ...occurrence, rule });
        } else {
          const parts = rule.all.map((part) => occurrencesOf('near-part', ruleIndex, part));
          for (const occurrence of nearOccurrences(parts, rule.within)) candidates.push({ ...occurrence, rule });
        }
      });
      if (candidates.length === 0) return { themeId: theme.id, hits: [], vetoed: [] };
      candidates.sort((a, b) => a.from - b.from || a.to - b.to);
      const vetoes = theme.excludes.map((rule, ruleIndex) => ({
        rule,
        occurrences: occurrencesOf(
          rule.kind === 'phrase' ? 'exclude' : 'near-exclude',
          ruleIndex,
          rule.kind === 'phrase' ? rule : rule.phrase,
        ),
      }));
      const hits: KeywordHit[] = [];
      const vetoed: VetoedHit[] = [];
      for (const candidate of candidates) {
        const hit = evidenceOf(text, tokens, candidate);
        const veto = vetoes.find(({ rule, occurrences }) => occurrences.some((occurrence) => vetoesHit(rule, occurrence, candidate)));
        if (veto === undefined) hits.push(hit);
        else vetoed.push({ ...hit, by: veto.rule.source, byPosition: veto.rule.position });
      }
      return { themeId: theme.id, hits, vetoed };
    });
  }

  private tryAll(
    candidates: readonly IndexedPhrase[] | undefined,
    tokens: readonly Token[],
    index: number,
    record: (entry: IndexedPhrase, occurrence: Occurrence) => void,
  ): void {
    if (candidates === undefined) return;
    for (const candidate of candidates) {
      const { words } = candidate.rule;
      if (wordsMatchAt(words, tokens, index)) record(candidate, { from: index, to: index + words.length });
    }
  }
}

/** Whether an exclusion vetoes a hit: a phrase when the hit lies inside it, a near exclusion when the hit is within reach. */
function vetoesHit(rule: ExcludeRule, occurrence: Occurrence, hit: CandidateHit): boolean {
  if (rule.kind === 'phrase') return hit.from >= occurrence.from && hit.to <= occurrence.to;
  const gap = hit.from >= occurrence.to ? hit.from - (occurrence.to - 1) : occurrence.from >= hit.to ? occurrence.from - (hit.to - 1) : 0;
  return gap <= rule.within;
}

/**
 * Where every part occurs with all of them within `within` words: the first word of the last part
 * at most `within` words after the first word of the first. Windows do not overlap; each is the
 * earliest one from the leftmost occurrence that can start it.
 */
function nearOccurrences(parts: readonly Occurrence[][], within: number): Occurrence[] {
  if (parts.some((occurrences) => occurrences.length === 0)) return [];
  const anchors = parts.flat().sort((a, b) => a.from - b.from);
  const result: Occurrence[] = [];
  let after = -1;
  for (const anchor of anchors) {
    if (anchor.from <= after) continue;
    let to = anchor.to;
    let complete = true;
    for (const occurrences of parts) {
      const inWindow = occurrences.find((occurrence) => occurrence.from >= anchor.from && occurrence.from <= anchor.from + within);
      if (inWindow === undefined) {
        complete = false;
        break;
      }
      to = Math.max(to, inWindow.to);
    }
    if (!complete) continue;
    result.push({ from: anchor.from, to });
    after = to - 1;
  }
  return result;
}

function evidenceOf(text: string, tokens: readonly Token[], candidate: CandidateHit): KeywordHit {
  const start = tokens[candidate.from]?.start ?? 0;
  const end = tokens[candidate.to - 1]?.end ?? start;
  return { keyword: candidate.rule.source, position: candidate.rule.position, words: text.slice(start, end), start, end };
}

function wordsMatchAt(words: readonly WordTest[], tokens: readonly Token[], index: number): boolean {
  if (index + words.length > tokens.length) return false;
  for (let offset = 0; offset < words.length; offset += 1) {
    const test = words[offset];
    const token = tokens[index + offset];
    if (test === undefined || token === undefined) return false;
    if (
      test.kind === 'stem'
        ? token.stem !== test.stem
        : test.kind === 'exact'
          ? token.word !== test.word
          : !token.word.startsWith(test.prefix)
    ) {
      return false;
    }
  }
  return true;
}
