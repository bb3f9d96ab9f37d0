import type { ThemeReport } from './theme-report.js';

/**
 * Renders a report as JSON: `{records_total, unthemed, themes: [{id, label, count, …}], …}`.
 * A pure function; keys in a fixed order; shares rounded to four decimals.
 */
export function renderJsonReport(report: ThemeReport): string {
  const quote = (entry: ThemeReport['unthemedSample'][number]) => ({
    id: entry.id,
    ...(report.includeSourceIds ? { source_id: entry.sourceId } : {}),
    channel: entry.channel,
    date: entry.date,
    context: entry.context,
    ...(report.includeAuthors ? { author: entry.author } : {}),
    text: entry.text,
  });
  const value = {
    title: report.title,
    records_total: report.recordsTotal,
    unthemed: report.unthemed,
    by_channel: Object.fromEntries(report.byChannel.map((entry) => [entry.channel, entry.count])),
    date_range: report.dateRange,
    undated: report.undated,
    themes: report.themes.map((theme) => ({
      id: theme.id,
      label: theme.label,
      description: theme.description,
      count: theme.count,
      share: Math.round(theme.share * 10000) / 10000,
      by_channel: Object.fromEntries(theme.byChannel.map((entry) => [entry.channel, entry.count])),
      top_words: theme.topWords,
      quotes: theme.quotes.map(quote),
    })),
    unthemed_sample: report.unthemedSample.map(quote),
    redactions: report.redactions,
    codebook: { file: report.codebook.file, fingerprint: report.codebook.fingerprint },
    tool_version: report.toolVersion,
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}
