import type { Codebook } from '../codebook/codebook.js';
import type { FeedbackRecord, Provenance } from '../record/record.js';
import { provenanceLocation } from '../record/provenance-location.js';
import { readStoreRecords } from '../store/record-store.js';
import { ThemeAssigner } from '../themes/assign-themes.js';
import type { KeywordHit, ThemeEvidence } from '../themes/match-evidence.js';
import { PublicationConsentReader, type ConsentRefusal } from '../privacy/publication-consent.js';

/** Why one text got the themes it got: every theme of the codebook with its evidence. */
export interface Explanation {
  /** The record's id, or null for a text given directly. */
  id: string | null;
  /** The record's source id, or null for a text given directly. */
  sourceId: string | null;
  /** Where in which export the record was read, or null for a text given directly. */
  provenance: Provenance | null;
  /** The text as stored (offsets index it). */
  text: string;
  /** The themes the text is in, in codebook order. */
  themeIds: string[];
  /** One entry per codebook theme, in codebook order. */
  evidence: ThemeEvidence[];
  /** Why the report never quotes the record, or null when it may. */
  neverQuoted: NeverQuoted | null;
}

/**
 * Why a report never quotes a record: `quotes: exclude:` names it, or its respondent declined
 * publication by `refusal`.
 */
export type NeverQuoted = { reason: 'excluded'; entry: string } | { reason: 'declined'; refusal: ConsentRefusal };

/** Explains texts and records against one codebook; build once. */
export class Explainer {
  private readonly assigner: ThemeAssigner;
  private readonly consent = new PublicationConsentReader();
  private readonly excluded: ReadonlySet<string>;
  private readonly respectConsent: boolean;

  constructor(codebook: Codebook) {
    this.assigner = new ThemeAssigner(codebook);
    this.excluded = new Set(codebook.quotes.exclude);
    this.respectConsent = codebook.quotes.consent === 'respect';
  }

  /** The explanation of a stored record. */
  record(record: FeedbackRecord): Explanation {
    return {
      id: record.id,
      sourceId: record.sourceId,
      provenance: record.provenance,
      text: record.text,
      ...this.assigner.assignText(record.text),
      neverQuoted: this.neverQuoted(record),
    };
  }

  /** The explanation of any text, with no id. */
  text(text: string): Explanation {
    return { id: null, sourceId: null, provenance: null, text, ...this.assigner.assignText(text), neverQuoted: null };
  }

  private neverQuoted(record: FeedbackRecord): NeverQuoted | null {
    const entry = [record.id, record.sourceId].find((id) => this.excluded.has(id));
    if (entry !== undefined) return { reason: 'excluded', entry };
    const refusal = this.respectConsent ? this.consent.refusalOf(record) : null;
    return refusal === null ? null : { reason: 'declined', refusal };
  }
}

/** What {@link findStoreRecords} found: the records, in store order, and the ids that matched none. */
export interface FoundRecords {
  records: FeedbackRecord[];
  missing: string[];
}

/**
 * The records of a store whose id or source id is one of `ids`, read in one streaming pass (only
 * the matching records are kept). Every record matching an id is returned, in store order.
 */
export async function findStoreRecords(storeDir: string, ids: readonly string[]): Promise<FoundRecords> {
  const wanted = new Set(ids);
  const seen = new Set<string>();
  const records: FeedbackRecord[] = [];
  for await (const record of readStoreRecords(storeDir)) {
    const byId = wanted.has(record.id);
    const bySource = wanted.has(record.sourceId);
    if (!byId && !bySource) continue;
    records.push(record);
    if (byId) seen.add(record.id);
    if (bySource) seen.add(record.sourceId);
  }
  return { records, missing: ids.filter((id) => !seen.has(id)) };
}

/**
 * One explanation as a JSON line: `{"id","source_id","from","text","themes":[{"id","hits":[{"keyword",
 * "line","col","words","start","end"}],"vetoed":[{"keyword","by","start","end"}]}]}`, every theme of
 * the codebook listed (those that did not match with empty `hits`).
 */
export function explanationJsonLine(explanation: Explanation): string {
  return `${JSON.stringify({
    id: explanation.id,
    source_id: explanation.sourceId,
    from: explanation.provenance === null ? null : provenanceLocation(explanation.provenance),
    text: explanation.text,
    themes: explanation.evidence.map((evidence) => ({
      id: evidence.themeId,
      hits: evidence.hits.map((hit) => ({
        keyword: hit.keyword,
        line: hit.position.line,
        col: hit.position.col,
        words: hit.words,
        start: hit.start,
        end: hit.end,
      })),
      vetoed: evidence.vetoed.map((hit) => ({ keyword: hit.keyword, by: hit.by, start: hit.start, end: hit.end })),
    })),
    ...(explanation.neverQuoted === null ? {} : { never_quoted: neverQuotedJson(explanation.neverQuoted) }),
  })}\n`;
}

function neverQuotedJson(neverQuoted: NeverQuoted): Record<string, string> {
  return neverQuoted.reason === 'excluded'
    ? { reason: 'excluded', entry: neverQuoted.entry }
    : { reason: 'declined', question: neverQuoted.refusal.question, answer: neverQuoted.refusal.answer };
}

/** How {@link renderExplanation} marks things up; identity functions give plain text. */
export interface ExplanationStyle {
  /** Marks matched words in the text. */
  hit: (text: string) => string;
  /** Marks vetoed words in the text. */
  vetoed: (text: string) => string;
  /** Marks secondary detail. */
  dim: (text: string) => string;
}

/** Plain text: no markup. */
export const PLAIN_STYLE: ExplanationStyle = { hit: (text) => text, vetoed: (text) => text, dim: (text) => text };

/**
 * One explanation for a person to read: the text with its matched words marked, then each theme
 * with evidence (in it or not, and why not), its hits (keyword, `file:line:col`, the words,
 * offsets), vetoed hits and what vetoed them, then the themes that did not match.
 */
export function renderExplanation(explanation: Explanation, codebook: Codebook, style: ExplanationStyle = PLAIN_STYLE): string {
  const lines: string[] = [];
  const from = explanation.provenance === null ? '' : `, read from ${provenanceLocation(explanation.provenance)}`;
  lines.push(explanation.id === null ? '(text)' : `${explanation.id} ${style.dim(`source ${explanation.sourceId ?? ''}${from}`)}`);
  lines.push(`  ${markedText(explanation, style).replace(/\n/g, '\n  ')}`);
  if (explanation.neverQuoted !== null)
    lines.push(`  ${style.dim(`never quoted: ${describeNeverQuoted(explanation.neverQuoted, codebook.file)}`)}`);
  const inTheme = new Set(explanation.themeIds);
  const unmatched: string[] = [];
  codebook.themes.forEach((theme, index) => {
    const hits = explanation.evidence[index]?.hits ?? [];
    const vetoed = explanation.evidence[index]?.vetoed ?? [];
    if (!inTheme.has(theme.id) && hits.length === 0 && vetoed.length === 0) {
      unmatched.push(theme.id);
      return;
    }
    const status = inTheme.has(theme.id) ? 'in theme' : `not in theme: ${whyNot(theme, hits.length, codebook)}`;
    const rollUp = theme.parent === null ? '' : `; counts in ${theme.parent} too`;
    lines.push(`  ${theme.id}: ${theme.label} ${style.dim(`(${status}${inTheme.has(theme.id) ? rollUp : ''})`)}`);
    for (const hit of hits) lines.push(`    hit     ${describeHit(hit, codebook.file, style)}`);
    for (const hit of vetoed) {
      const where = style.dim(`${codebook.file}:${hit.byPosition.line}:${hit.byPosition.col}`);
      lines.push(`    vetoed  ${describeHit(hit, codebook.file, style)} by "${hit.by}" ${where}`);
    }
  });
  if (unmatched.length > 0) lines.push(`  not matched: ${unmatched.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function describeNeverQuoted(neverQuoted: NeverQuoted, file: string): string {
  if (neverQuoted.reason === 'excluded') return `quotes: exclude: in ${file} names it (${neverQuoted.entry})`;
  const { question, answer } = neverQuoted.refusal;
  if (question === '') return `the writer asked in the text: “${answer.trim()}”; still counted in every theme`;
  const said = answer.trim() === '' ? `left “${question}” blank` : `answered “${answer.trim()}” to “${question}”`;
  return `the respondent ${said}; still counted in every theme`;
}

function whyNot(theme: Codebook['themes'][number], hits: number, codebook: Codebook): string {
  if (hits === 0) return 'every hit vetoed';
  if (theme.otherwise) return 'otherwise applies only when no other theme matched';
  if (codebook.assign === 'single') return 'assign: single chose another theme';
  return `fewer than min_hits ${theme.minHits} in one ${codebook.unit}`;
}

function describeHit(hit: KeywordHit, file: string, style: ExplanationStyle): string {
  const where = style.dim(`${file}:${hit.position.line}:${hit.position.col}`);
  return `"${hit.keyword}" ${where} matched "${hit.words}" ${style.dim(`[${hit.start}, ${hit.end})`)}`;
}

/** The text with every counting hit marked as a hit and every vetoed hit as vetoed (overlaps merged). */
function markedText(explanation: Explanation, style: ExplanationStyle): string {
  const spans = [
    ...explanation.evidence.flatMap((evidence) => evidence.hits.map((hit) => ({ start: hit.start, end: hit.end, vetoed: false }))),
    ...explanation.evidence.flatMap((evidence) => evidence.vetoed.map((hit) => ({ start: hit.start, end: hit.end, vetoed: true }))),
  ].sort((a, b) => a.start - b.start || Number(a.vetoed) - Number(b.vetoed));
  const merged: { start: number; end: number; vetoed: boolean }[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.vetoed = last.vetoed && span.vetoed;
    } else merged.push({ ...span });
  }
  const { text } = explanation;
  const parts: string[] = [];
  let at = 0;
  for (const span of merged) {
    parts.push(text.slice(at, span.start));
    const words = text.slice(span.start, span.end);
    parts.push(span.vetoed ? style.vetoed(words) : style.hit(words));
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
