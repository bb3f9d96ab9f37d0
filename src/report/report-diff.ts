import { InputError } from '../errors.js';
import { escapeMarkdownText, escapeTableCell } from './markdown-text.js';
import { formatCount } from './number-format.js';
import type { ThemeChange } from './theme-report.js';

/** What `tlap diff` reads of one theme of a JSON report. */
export interface JsonReportTheme {
  id: string;
  label: string;
  count: number;
  /** Distinct voices (authors or respondents), when the report counts them. */
  voices: number | null;
  recordIds: string[];
  /** Quote record ids and texts, in report order. */
  quotes: { recordId: string; text: string }[];
}

/** What `tlap diff` reads of a JSON report (`tlap themes --format json`). */
export interface JsonReportView {
  recordsTotal: number;
  /** Distinct voices among all records, when the report counts them. */
  voicesTotal: number | null;
  /** Campaigns found, when the report counts them. */
  campaignsTotal: number | null;
  themes: JsonReportTheme[];
  /** Keywords per theme id, as written in the codebook. */
  keywords: Record<string, string[]>;
  fingerprint: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

/**
 * Reads a JSON report as `tlap themes --format json` writes it. A report written before record ids
 * were added reads with none (every record then counts as having entered). Anything that is not
 * such a report is an input error naming the file.
 */
export function parseJsonReport(text: string, file: string): JsonReportView {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file} is not JSON: ${(error as Error).message}`, { code: 'NOT_A_JSON_REPORT' });
  }
  if (!isRecord(value) || !Array.isArray(value['themes']) || typeof value['records_total'] !== 'number') {
    throw new InputError(`${file} is not a tlap JSON report (no records_total and themes)`, { code: 'NOT_A_JSON_REPORT' });
  }
  const codebook = isRecord(value['codebook']) ? value['codebook'] : {};
  const keywords = isRecord(codebook['keywords']) ? codebook['keywords'] : {};
  return {
    recordsTotal: value['records_total'],
    voicesTotal: typeof value['voices_total'] === 'number' ? value['voices_total'] : null,
    campaignsTotal: typeof value['campaigns_total'] === 'number' ? value['campaigns_total'] : null,
    themes: value['themes'].filter(isRecord).map((theme) => ({
      id: String(theme['id']),
      label: typeof theme['label'] === 'string' ? theme['label'] : String(theme['id']),
      count: typeof theme['count'] === 'number' ? theme['count'] : 0,
      voices: typeof theme['voices'] === 'number' ? theme['voices'] : null,
      recordIds: strings(theme['record_ids']),
      quotes: (Array.isArray(theme['quotes']) ? theme['quotes'] : []).filter(isRecord).map((quote) => ({
        recordId: String(quote['record_id'] ?? quote['id'] ?? ''),
        text: typeof quote['text'] === 'string' ? quote['text'] : '',
      })),
    })),
    keywords: Object.fromEntries(Object.entries(keywords).map(([id, list]) => [id, strings(list)])),
    fingerprint: typeof codebook['fingerprint'] === 'string' ? codebook['fingerprint'] : '',
  };
}

/** Per theme (in the newer report's order, then themes gone), the records before and after. */
export function themeChanges(before: JsonReportView, after: JsonReportView): ThemeChange[] {
  const earlier = new Map(before.themes.map((theme) => [theme.id, theme]));
  const later = new Set(after.themes.map((theme) => theme.id));
  return [
    ...after.themes.map((theme) => ({
      themeId: theme.id,
      label: theme.label,
      before: earlier.get(theme.id)?.count ?? null,
      after: theme.count,
    })),
    ...before.themes
      .filter((theme) => !later.has(theme.id))
      .map((theme) => ({ themeId: theme.id, label: theme.label, before: theme.count, after: null })),
  ];
}

/** The most record ids listed for one theme's entered or left records; the rest are counted. */
const IDS_LISTED = 20;

function signed(value: number): string {
  return value > 0 ? `+${formatCount(value)}` : value < 0 ? `−${formatCount(-value)}` : '±0';
}

function idList(ids: readonly string[]): string {
  const shown = ids.slice(0, IDS_LISTED).map((id) => `\`${id}\``);
  if (ids.length > IDS_LISTED) shown.push(`and ${formatCount(ids.length - IDS_LISTED)} more`);
  return shown.join(', ');
}

function difference(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b);
  return [...new Set(a)].filter((entry) => !other.has(entry)).sort();
}

/**
 * A markdown changelog between two JSON reports, for a pull request: the totals (records, and voices
 * and campaigns where both reports count them), a table of each
 * theme's records (and voices, where both reports count them) before and after, then per changed
 * theme the records that entered or left it (by id), the quotes that changed, and the keywords
 * added or removed in the codebook. A pure function; says so plainly when nothing changed.
 */
export function renderReportDiff(before: JsonReportView, after: JsonReportView): string {
  const lines: string[] = ['# Report changes', ''];
  const earlier = new Map(before.themes.map((theme) => [theme.id, theme]));
  const later = new Map(after.themes.map((theme) => [theme.id, theme]));
  const ids = [...after.themes.map((theme) => theme.id), ...before.themes.filter((theme) => !later.has(theme.id)).map((theme) => theme.id)];
  lines.push(
    `Records: ${formatCount(before.recordsTotal)} → ${formatCount(after.recordsTotal)} (${signed(after.recordsTotal - before.recordsTotal)}).` +
      (before.fingerprint !== after.fingerprint
        ? ` Codebook fingerprint ${before.fingerprint || 'none'} → ${after.fingerprint || 'none'}.`
        : ''),
    '',
  );
  if (before.voicesTotal !== null && after.voicesTotal !== null) {
    lines.push(
      `Voices: ${formatCount(before.voicesTotal)} → ${formatCount(after.voicesTotal)} (${signed(after.voicesTotal - before.voicesTotal)}).`,
      '',
    );
  }
  if (before.campaignsTotal !== null && after.campaignsTotal !== null) {
    lines.push(
      `Campaigns: ${formatCount(before.campaignsTotal)} → ${formatCount(after.campaignsTotal)} (${signed(after.campaignsTotal - before.campaignsTotal)}).`,
      '',
    );
  }
  const withVoices = before.themes.some((theme) => theme.voices !== null) && after.themes.some((theme) => theme.voices !== null);
  lines.push(
    `| Theme | Records before | Records after | Change |${withVoices ? ' Voices before | Voices after |' : ''}`,
    `| --- | ---: | ---: | ---: |${withVoices ? ' ---: | ---: |' : ''}`,
  );
  const sections: string[] = [];
  for (const id of ids) {
    const old = earlier.get(id);
    const now = later.get(id);
    const label = now?.label ?? old?.label ?? id;
    const count = (theme: JsonReportTheme | undefined): string => (theme === undefined ? '—' : formatCount(theme.count));
    const voices = (theme: JsonReportTheme | undefined): string =>
      theme === undefined || theme.voices === null ? '—' : formatCount(theme.voices);
    lines.push(
      `| ${escapeTableCell(label)} | ${count(old)} | ${count(now)} | ${signed((now?.count ?? 0) - (old?.count ?? 0))} |${withVoices ? ` ${voices(old)} | ${voices(now)} |` : ''}`,
    );
    const entered = difference(now?.recordIds ?? [], old?.recordIds ?? []);
    const left = difference(old?.recordIds ?? [], now?.recordIds ?? []);
    const oldQuotes = new Map((old?.quotes ?? []).map((quote) => [quote.recordId, quote.text]));
    const newQuotes = new Map((now?.quotes ?? []).map((quote) => [quote.recordId, quote.text]));
    const quotesIn = [...newQuotes].filter(([recordId, text]) => oldQuotes.get(recordId) !== text);
    const quotesOut = [...oldQuotes].filter(([recordId, text]) => newQuotes.get(recordId) !== text);
    const addedKeywords = difference(after.keywords[id] ?? [], before.keywords[id] ?? []);
    const removedKeywords = difference(before.keywords[id] ?? [], after.keywords[id] ?? []);
    const items: string[] = [];
    if (old === undefined) items.push('- New theme.');
    if (now === undefined) items.push('- Theme removed.');
    if (entered.length > 0) items.push(`- Entered (${formatCount(entered.length)}): ${idList(entered)}`);
    if (left.length > 0) items.push(`- Left (${formatCount(left.length)}): ${idList(left)}`);
    if (addedKeywords.length > 0) items.push(`- Keywords added: ${addedKeywords.map((word) => escapeMarkdownText(word)).join(', ')}`);
    if (removedKeywords.length > 0) items.push(`- Keywords removed: ${removedKeywords.map((word) => escapeMarkdownText(word)).join(', ')}`);
    for (const [recordId, text] of quotesOut) items.push(`- Quote dropped (\`${recordId}\`): ${escapeMarkdownText(text)}`);
    for (const [recordId, text] of quotesIn) items.push(`- Quote added (\`${recordId}\`): ${escapeMarkdownText(text)}`);
    if (items.length > 0) sections.push(`## ${escapeMarkdownText(label)}`, '', ...items, '');
  }
  lines.push('');
  if (sections.length === 0) lines.push('No theme changed: the same records, quotes and keywords.', '');
  else lines.push(...sections);
  return lines.join('\n');
}
