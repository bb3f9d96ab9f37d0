import { CHANNEL_NAMES } from './channel-names.js';
import { escapeMarkdownText, escapeTableCell } from './markdown-text.js';
import type { ChannelCount, Quote, ThemeReport } from './theme-report.js';

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function day(date: string | null): string {
  return date === null ? 'undated' : date.slice(0, 10);
}

function channelList(counts: readonly ChannelCount[]): string {
  return counts.map((entry) => `${CHANNEL_NAMES[entry.channel]} ${entry.count}`).join(', ');
}

/** The quote's label: who (with --authors), channel, date, what it answers, and the record's id to trace it. */
function quoteLines(quote: Quote): string[] {
  const source = [CHANNEL_NAMES[quote.channel], day(quote.date)];
  if (quote.author !== null) source.unshift(escapeMarkdownText(quote.author));
  if (quote.context !== null) source.push(`on “${escapeMarkdownText(quote.context)}”`);
  const ids = quote.sourceId === null ? `record ${quote.id}` : `record ${quote.id}, source id ${escapeMarkdownText(quote.sourceId)}`;
  return [`> ${escapeMarkdownText(quote.text)}`, '>', `> — ${source.join(', ')} (${ids})`, ''];
}

/**
 * Renders a report as markdown for publication. A pure function: the same report gives the same
 * bytes. Every piece of user text (quotes, matched words, authors) is escaped, so nobody's words
 * can change the document's structure.
 */
export function renderMarkdownReport(report: ThemeReport): string {
  const lines: string[] = [];
  const push = (...more: string[]): void => {
    lines.push(...more);
  };
  push(`# ${escapeMarkdownText(report.title)}`, '');
  push('## Overview', '');
  if (report.recordsTotal === 0) {
    push('No feedback records were found in the store.', '');
  } else {
    push(`This summary covers **${report.recordsTotal}** pieces of feedback.`, '');
    push('| Channel | Records | Share |', '| --- | ---: | ---: |');
    for (const entry of report.byChannel) {
      push(`| ${CHANNEL_NAMES[entry.channel]} | ${entry.count} | ${percent(entry.count / report.recordsTotal)} |`);
    }
    push('');
    const dates =
      report.dateRange === null ? 'No record has a date.' : `Dates run from ${day(report.dateRange.from)} to ${day(report.dateRange.to)}`;
    const undated =
      report.dateRange !== null && report.undated > 0 ? ` (${report.undated} undated).` : report.dateRange === null ? '' : '.';
    push(
      `${dates}${undated} ${report.unthemed} record${report.unthemed === 1 ? '' : 's'} (${percent(report.unthemed / report.recordsTotal)}) matched no theme.`,
      '',
    );
  }
  push('## Themes', '');
  push('A record can belong to several themes, so shares can add up to more than 100%.', '');
  push('| Theme | Records | Share |', '| --- | ---: | ---: |');
  for (const theme of report.themes) push(`| ${escapeTableCell(theme.label)} | ${theme.count} | ${percent(theme.share)} |`);
  push('');
  for (const theme of report.themes) {
    push(`### ${escapeMarkdownText(theme.label)}`, '');
    if (theme.description !== '') push(`_${escapeMarkdownText(theme.description)}_`, '');
    push(`**${theme.count}** record${theme.count === 1 ? '' : 's'} (${percent(theme.share)} of all).`, '');
    if (theme.count === 0) continue;
    push(`- By channel: ${channelList(theme.byChannel)}`);
    push(
      `- Words that matched most: ${theme.topWords.map((entry) => `${escapeMarkdownText(entry.words)} (${entry.count})`).join(', ')}`,
      '',
    );
    for (const quote of theme.quotes) push(...quoteLines(quote));
  }
  push('## Unthemed feedback', '');
  if (report.unthemed === 0) {
    push('Every record matched at least one theme.', '');
  } else {
    push(`${report.unthemed} record${report.unthemed === 1 ? '' : 's'} matched no theme. A sample:`, '');
    for (const quote of report.unthemedSample) push(...quoteLines(quote));
  }
  push('## Methods', '');
  push(`- Records: ${report.recordsTotal}; themes: ${report.codebook.themeCount}; keywords and phrases: ${report.codebook.keywordCount}.`);
  push(`- Codebook: ${escapeMarkdownText(report.codebook.file)}, fingerprint \`${report.codebook.fingerprint}\`.`);
  push(
    "- Matching: text is normalised (NFKC, lower case, HTML removed; URLs, e-mail addresses and @mentions ignored), split into words and stemmed with the Porter stemmer; a keyword or phrase matches where its stems occur in sequence, unless one of the theme's exclude phrases covers it.",
  );
  push(
    "- Quotes are chosen deterministically: quotes of 40 to 400 characters first, then those matching more of the theme's keywords, then by record id.",
  );
  const redacted = Object.entries(report.redactions);
  push(
    redacted.length === 0
      ? '- Personal data: none was found in the quotes.'
      : `- Personal data removed from the quotes: ${redacted.map(([kind, count]) => `${kind} ${count}`).join(', ')}.`,
  );
  push(`- ${report.includeAuthors ? 'Quotes show their authors, as requested.' : 'Author names are not shown.'}`);
  push(
    report.includeSourceIds
      ? "- Quotes show the exports' own ids, as requested: this copy is for the analyst and not fit to publish."
      : "- Records are identified by tlap's own record id; the exports' ids are not shown.",
  );
  push(`- Generated by tlap ${report.toolVersion}.`, '');
  return lines.join('\n');
}
