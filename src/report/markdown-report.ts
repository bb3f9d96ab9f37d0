import { CHANNEL_NAMES } from './channel-names.js';
import {
  describeCell,
  describeDisclosureRule,
  smallNumbersNote,
  describeQuantifiers,
  protectCell,
  protectReach,
  type ProtectedCell,
} from './disclosure-control.js';
import { groupShare, shareGroups } from './group-shares.js';
import { headingAnchor } from './heading-anchor.js';
import { LEAST_NOTABLE_GAP } from './key-findings.js';
import { escapeMarkdownText, escapeTableCell } from './markdown-text.js';
import { formatCount, formatShare } from './number-format.js';
import {
  NO_ANSWER_KEY,
  type Breakdown,
  type BreakdownDimension,
  type Quote,
  type RespondentGroups,
  type ThemeReport,
} from './theme-report.js';
import type { Channel } from '../record/record.js';
import { DIFFERENCE_ALPHA } from '../stats/share-difference.js';
import { listedInWords } from '../text/listed-in-words.js';

function day(date: string | null): string {
  return date === null ? 'undated' : date.slice(0, 10);
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** A protected cell as a table shows it: `1,234`, `fewer than 5` or `suppressed`. */
export function cellText(cell: ProtectedCell): string {
  return cell.kind === 'shown' ? formatCount(cell.value) : describeCell(cell);
}

/** How a breakdown key is named in a table. */
export function keyLabel(dimension: BreakdownDimension, key: string): string {
  return dimension === 'channel' ? (CHANNEL_NAMES[key as Channel] ?? key) : key;
}

/** The name of a dimension in a table's first column and in headings. */
export const DIMENSION_NAMES: Readonly<Record<BreakdownDimension, string>> = {
  channel: 'Channel',
  question: 'Question',
  source: 'Source',
  month: 'Month',
  group: 'Group',
};

const OTHER_KEYS: Readonly<Record<BreakdownDimension, string>> = {
  channel: 'Other channels',
  question: 'Other questions',
  source: 'Other sources',
  month: 'Other months',
  group: 'Other answers',
};

/** The `##` sections of a report, in order, with the anchors their headings get (GitHub's slugs). */
export function reportSections(report: ThemeReport): { title: string; anchor: string }[] {
  const titles = [
    report.keyFindings.length > 0 ? 'Key findings' : null,
    'Overview',
    report.changes !== null ? 'Changes' : null,
    'Themes',
    report.campaigns.length > 0 ? 'Campaigns' : null,
    report.coOccurrence.strongest.length > 0 ? 'Themes raised together' : null,
    report.breakdowns.some((entry) => entry.dimension === 'month') ? 'Over time' : null,
    'Unthemed feedback',
    'Methods',
  ];
  return titles.filter((title): title is string => title !== null).map((title) => ({ title, anchor: headingAnchor(title) }));
}

/** The quote's label: who (with --authors), channel, date, what it answers, and the record's id to trace it. */
function quoteLines(quote: Quote): string[] {
  const source = [CHANNEL_NAMES[quote.channel], day(quote.date)];
  if (quote.author !== null) source.unshift(escapeMarkdownText(quote.author));
  if (quote.context !== null) source.push(`on “${escapeMarkdownText(quote.context)}”`);
  const ids = quote.sourceId === null ? `record ${quote.id}` : `record ${quote.id}, source id ${escapeMarkdownText(quote.sourceId)}`;
  return [`> ${escapeMarkdownText(quote.text)}`, '>', `> — ${source.join(', ')} (${ids})`, ''];
}

/** The methods sentence on the records the analyst kept from being quoted (`quotes: exclude:`). */
function quoteExclusionSentence(records: number): string {
  return records === 0
    ? "The analyst's list of records not to quote (quotes: exclude: in the codebook) names none of the records in this report."
    : `The analyst excluded ${plural(records, 'record')} from quoting (quotes: exclude: in the codebook); ${records === 1 ? 'it is' : 'they are'} still counted in every theme.`;
}

/** The methods sentence on where the respondent groups come from: the codebook's `report.groups`, or a setting for this report. */
function groupsSentence(groups: RespondentGroups): string {
  const asked = `the answers to the question containing “${escapeMarkdownText(groups.asked)}”`;
  if (groups.from === 'codebook') return `Respondent groups: ${asked}, set by report.groups in the codebook.`;
  const replaced =
    groups.replaced === null
      ? 'the codebook sets none'
      : `in place of the codebook's report.groups, “${escapeMarkdownText(groups.replaced)}”`;
  return `Respondent groups: ${asked}, asked for when this report was made (${replaced}).`;
}

/** The methods sentence on the records whose respondents did not agree to publication. */
function declinedSentence({ records, policy }: ThemeReport['declinedPublication']): string {
  const who = `${plural(records, 'record')} ${records === 1 ? 'is' : 'are'} from respondents who did not agree to their words being published (their answer to the export's question on publishing, such as “Do not publish response”, or a request for confidentiality, in the export or in their own words such as “please do not publish this”)`;
  if (policy === 'ignore')
    return `${who}; the codebook sets quotes: consent: ignore, so ${records === 1 ? 'it' : 'they'} may be quoted like any other.`;
  return `${who}: ${records === 1 ? 'it is' : 'they are'} counted in every figure but never quoted, and the CSV of coded records leaves out ${records === 1 ? 'its' : 'their'} words.`;
}

/** The overview's sentence on voices and campaigns. */
function voicesSentence(report: ThemeReport): string {
  const them = report.recordsTotal === 1 ? 'it' : 'them';
  const who =
    report.voicesTotal === 1
      ? `voice: the person who sent ${them}, counted once by author or survey respondent`
      : `voices: the people who sent ${them}, each author or survey respondent counted once`;
  const voices = `${report.recordsTotal === 1 ? 'It comes' : 'They come'} from **${formatCount(report.voicesTotal)}** ${who} (a record with neither counts as one voice).`;
  if (report.campaignsTotal === 0) return `${voices} No campaign (the same text sent by several people) was found.`;
  return `${voices} **${formatCount(report.campaignsTotal)}** ${report.campaignsTotal === 1 ? 'campaign' : 'campaigns'} (the same or nearly the same text sent by several people) ${report.campaignsTotal === 1 ? 'accounts' : 'account'} for ${plural(report.campaignRecords, 'record')}; each is shown once under Campaigns.`;
}

/** A theme's campaigns: how many, and the numbers of those listed under Campaigns. */
function themeCampaignsLine(count: number, listed: readonly number[]): string {
  const numbers = listed.map(String).join(', ');
  const which = numbers === '' ? '' : ` (${listed.length === 1 ? 'campaign' : 'campaigns'} ${numbers} under Campaigns)`;
  return `- Campaigns: ${formatCount(count)}${which}; each counted once, its words quoted once under Campaigns.`;
}

/** A caption line that the HTML page turns into the next table's `<caption>`. */
function caption(text: string): string {
  return `Table: ${text}`;
}

function breakdownRows(breakdown: Breakdown): string[] {
  const rows = breakdown.cells.map((entry) => `| ${escapeTableCell(keyLabel(breakdown.dimension, entry.key))} | ${cellText(entry.cell)} |`);
  if (breakdown.other !== null) rows.push(`| ${OTHER_KEYS[breakdown.dimension]} | ${cellText(breakdown.other)} |`);
  return rows;
}

/** The overview's paragraph on respondent groups (`report.groups`) and its table of all records by group. */
function groupsOverview(report: ThemeReport): string[] {
  const groups = report.groups;
  if (groups === null) return [];
  const asked = escapeMarkdownText(groups.asked);
  if (groups.questions.length === 0)
    return [
      `No question these records answer contains “${asked}” (${groups.from === 'run' ? 'the respondent groups asked for this report' : '`report.groups` in the codebook'}), so they are not split by respondent group.`,
      '',
    ];
  const questions = groups.questions.map((question) => `“${escapeMarkdownText(question)}”`);
  const which =
    questions.length === 1
      ? `the answers to ${questions[0] ?? ''}`
      : `each record's answer to the first of these questions it answers: ${questions.join('; ')}`;
  const table = report.breakdowns.find((entry) => entry.dimension === 'group');
  const voices = table?.cells.some((entry) => entry.voices !== undefined) === true;
  return [
    `Respondent groups are ${which}. Records without an answer are counted under “${NO_ANSWER_KEY}”.${voices ? ` Voices are the people behind a group's records (distinct respondents and authors; one with records in two groups counts in each).` : ''}`,
    '',
    ...(table === undefined ? [] : groupTable('All records and voices by respondent group', table, report.disclosure.minCount)),
  ];
}

/** A table of records and voices by respondent group (a voice column only when the breakdown has voices). */
function groupTable(title: string, breakdown: Breakdown, minCount: number): string[] {
  const voices = breakdown.cells.some((entry) => entry.voices !== undefined);
  if (!voices) return breakdownTable(title, breakdown, minCount);
  const voiceText = (cell: ProtectedCell | undefined): string => (cell === undefined ? '—' : cellText(cell));
  const rows = breakdown.cells.map(
    (entry) => `| ${escapeTableCell(keyLabel(breakdown.dimension, entry.key))} | ${cellText(entry.cell)} | ${voiceText(entry.voices)} |`,
  );
  if (breakdown.other !== null)
    rows.push(`| ${OTHER_KEYS[breakdown.dimension]} | ${cellText(breakdown.other)} | ${voiceText(breakdown.otherVoices)} |`);
  return [
    caption(title),
    '',
    `| ${DIMENSION_NAMES[breakdown.dimension]} | Records | Voices |`,
    '| --- | ---: | ---: |',
    ...rows,
    '',
    ...suppressedNote(breakdownCells(breakdown), minCount),
  ];
}

/**
 * The table of each respondent group's records that raise each theme, as a share of the group's
 * records ({@link groupShare}): none without a group breakdown.
 */
function groupSharesTable(report: ThemeReport): string[] {
  const groups = shareGroups(report);
  if (groups.length === 0) return [];
  const table = (title: string, column: 'records' | 'voices'): string[] => [
    caption(title),
    '',
    `| Theme | ${groups.map((group) => escapeTableCell(group.key)).join(' | ')} |`,
    `| --- | ${groups.map(() => '---:').join(' | ')} |`,
    ...report.themes.map(
      (theme) =>
        `| ${escapeTableCell(theme.label)} | ${groups
          .map((group) => {
            const share = groupShare(theme, group.key, column === 'records' ? group.records : group.voices, column);
            return share === null ? '—' : formatShare(share);
          })
          .join(' | ')} |`,
    ),
    '',
  ];
  const voices = report.breakdowns.find((entry) => entry.dimension === 'group')?.cells.some((entry) => entry.voices !== undefined) === true;
  return [
    'Each respondent group’s records that raise each theme, as a share of that group’s records (a record can raise several themes; “—” where a count it needs is hidden by the small-number rule):',
    '',
    ...table(GROUP_SHARES_CAPTION, 'records'),
    ...(voices
      ? [
          'And the people: each respondent group’s voices that raised each theme, as a share of that group’s voices (one respondent’s many answers count once):',
          '',
          ...table(GROUP_VOICE_SHARES_CAPTION, 'voices'),
        ]
      : []),
  ];
}

/** The caption of the table of each respondent group's records that raise each theme. */
export const GROUP_SHARES_CAPTION = 'Share of each respondent group’s records that raise each theme';
/** The caption of the table of each respondent group's voices that raised each theme. */
export const GROUP_VOICE_SHARES_CAPTION = 'Share of each respondent group’s voices that raised each theme';

function breakdownTable(title: string, breakdown: Breakdown, minCount: number): string[] {
  return [
    caption(title),
    '',
    `| ${DIMENSION_NAMES[breakdown.dimension]} | Records |`,
    '| --- | ---: |',
    ...breakdownRows(breakdown),
    '',
    ...suppressedNote(breakdownCells(breakdown), minCount),
  ];
}

/** Every protected cell of a breakdown: its records, and its voices where it has them. */
function breakdownCells(breakdown: Breakdown): ProtectedCell[] {
  const cells: ProtectedCell[] = [];
  for (const entry of breakdown.cells) cells.push(entry.cell, ...(entry.voices === undefined ? [] : [entry.voices]));
  if (breakdown.other !== null) cells.push(breakdown.other);
  if (breakdown.otherVoices !== undefined) cells.push(breakdown.otherVoices);
  return cells;
}

/**
 * The note under a table that shows "suppressed", so the reader learns why where they meet it
 * (the methods say it again): nothing when no cell of the table is hidden that way.
 */
function suppressedNote(cells: readonly ProtectedCell[], minCount: number): string[] {
  if (!cells.some((cell) => cell.kind === 'suppressed' && cell.reason === 'secondary')) return [];
  return [
    `Note: “suppressed” marks a count hidden so that a count under ${formatCount(minCount)} cannot be worked out from the other counts and the total.`,
    '',
  ];
}

/**
 * Renders a report as markdown for publication. A pure function: the same report gives the same
 * bytes. Every piece of user text (quotes, matched words, authors, questions, sources) is escaped,
 * so nobody's words can change the document's structure. Counts of breakdowns are shown as the
 * small-number rule left them (`fewer than 5`).
 */
export function renderMarkdownReport(report: ThemeReport): string {
  const lines: string[] = [];
  const push = (...more: string[]): void => {
    lines.push(...more);
  };
  const label = (id: string): string => report.themes.find((theme) => theme.id === id)?.label ?? id;
  push(`# ${escapeMarkdownText(report.title)}`, '');
  const sections = reportSections(report);
  push('Contents:', '', ...sections.map((section) => `- [${section.title}](#${section.anchor})`), '');
  if (report.keyFindings.length > 0) {
    push('## Key findings', '');
    for (const finding of report.keyFindings) push(`- ${escapeMarkdownText(finding.text)}`);
    push('');
  }
  push('## Overview', '');
  if (report.selection !== null) {
    const selection = report.selection;
    const parts: string[] = [];
    if (selection.since !== null || selection.until !== null) {
      parts.push(
        `dated ${selection.since === null ? 'up to' : `from ${selection.since}`}${selection.since !== null && selection.until !== null ? ' to' : ''}${selection.until === null ? '' : ` ${selection.until}`} (UTC, inclusive)`,
      );
    }
    if (selection.channels.length > 0) parts.push(`from ${selection.channels.map((channel) => CHANNEL_NAMES[channel]).join(', ')}`);
    if (selection.source !== null) parts.push(`from files matching ${escapeMarkdownText(`“${selection.source}”`)}`);
    if (selection.question !== null) parts.push(`answering a question containing ${escapeMarkdownText(`“${selection.question}”`)}`);
    const undated = selection.undatedLeftOut > 0 ? `, ${plural(selection.undatedLeftOut, 'undated record')} among them` : '';
    push(
      `This report covers a selection: records ${parts.join('; ')}. It leaves out ${plural(selection.leftOut, 'record')} of the ${formatCount(selection.storeRecords)} in the store${undated}.`,
      '',
    );
  }
  if (report.recordsTotal === 0) {
    push('No feedback records were found in the store.', '');
  } else {
    push(
      `This summary covers **${formatCount(report.recordsTotal)}** ${report.recordsTotal === 1 ? 'piece' : 'pieces'} of feedback (each one a “record” in the tables below).`,
      '',
    );
    push(voicesSentence(report), '');
    const smallNumbers = smallNumbersNote(report.disclosure);
    if (smallNumbers !== null) push(smallNumbers, '');
    push(caption('Records and voices by channel'), '', '| Channel | Records | Share | Voices |', '| --- | ---: | ---: | ---: |');
    const channelTotal = report.recordsTotal;
    const channels = protectReach(
      report.byChannel.map((channel) => ({ key: channel.channel, count: channel.count, voices: channel.voices })),
      report.disclosure,
    );
    for (const entry of channels) {
      const share = entry.records.kind === 'shown' ? formatShare(entry.records.value / channelTotal) : '—';
      push(`| ${CHANNEL_NAMES[entry.key]} | ${cellText(entry.records)} | ${share} | ${cellText(entry.voices)} |`);
    }
    push(
      '',
      ...suppressedNote(
        channels.flatMap((entry) => [entry.records, entry.voices]),
        report.disclosure.minCount,
      ),
    );
    const dates =
      report.dateRange === null ? 'No record has a date.' : `Dates run from ${day(report.dateRange.from)} to ${day(report.dateRange.to)}`;
    const undated =
      report.dateRange !== null && report.undated > 0 ? ` (${formatCount(report.undated)} undated).` : report.dateRange === null ? '' : '.';
    push(
      `${dates}${undated} ${plural(report.unthemed, 'record')} (${formatShare(report.unthemed / report.recordsTotal)}) matched no theme.`,
      '',
    );
    for (const breakdown of report.breakdowns) {
      if (breakdown.dimension === 'question' || breakdown.dimension === 'source') {
        push(
          ...breakdownTable(
            breakdown.dimension === 'question' ? 'Records that answer a question, by question' : 'All records by source',
            breakdown,
            report.disclosure.minCount,
          ),
        );
      }
    }
    if (report.groups !== null) push(...groupsOverview(report));
  }
  if (report.changes !== null) {
    push('## Changes', '');
    push('Records per theme in the earlier report and in this one.', '');
    push(caption('Changes since the earlier report'), '', '| Theme | Before | After | Change |', '| --- | ---: | ---: | ---: |');
    for (const change of report.changes) {
      const delta = (change.after ?? 0) - (change.before ?? 0);
      push(
        `| ${escapeTableCell(change.label)} | ${change.before === null ? 'new' : formatCount(change.before)} | ${change.after === null ? 'gone' : formatCount(change.after)} | ${delta > 0 ? '+' : ''}${formatCount(delta)} |`,
      );
    }
    push('');
  }
  push('## Themes', '');
  push('A record can belong to several themes, so shares can add up to more than 100%.', '');
  push(
    caption('Records per theme, with their voices and campaigns'),
    '',
    '| Theme | Records | Share | Voices | Campaigns |',
    '| --- | ---: | ---: | ---: | ---: |',
  );
  for (const theme of report.themes) {
    push(
      `| ${escapeTableCell(theme.label)} | ${formatCount(theme.count)} | ${formatShare(theme.share)} | ${formatCount(theme.voices)} | ${formatCount(theme.campaignCount)} |`,
    );
  }
  push('');
  push(...groupSharesTable(report));
  for (const theme of report.themes) {
    push(`### ${escapeMarkdownText(theme.label)}`, '');
    if (theme.description !== '') push(`_${escapeMarkdownText(theme.description)}_`, '');
    push(
      `**${formatCount(theme.count)}** record${theme.count === 1 ? '' : 's'} (${formatShare(theme.share)} of all) from ${plural(theme.voices, 'voice')}.`,
      '',
    );
    if (theme.count === 0) continue;
    if (theme.campaignCount > 0) push(themeCampaignsLine(theme.campaignCount, theme.campaigns), '');
    push(
      `- Words that matched most (times found): ${theme.topWords.map((entry) => `${escapeMarkdownText(entry.words)} (${formatCount(entry.count)})`).join(', ')}`,
      '',
    );
    const groupBreakdown = theme.breakdowns.find((entry) => entry.dimension === 'group');
    const withVoices = groupBreakdown?.cells.some((entry) => entry.voices !== undefined) === true;
    const byRow = theme.breakdowns.filter((entry) => !(withVoices && entry.dimension === 'group'));
    if (byRow.length > 0) {
      push(
        caption(
          `${escapeMarkdownText(theme.label)}: records by ${listedInWords(byRow.map((breakdown) => DIMENSION_NAMES[breakdown.dimension].toLowerCase()))}`,
        ),
        '',
      );
      push('| By | Which | Records |', '| --- | --- | ---: |');
      for (const breakdown of byRow) {
        for (const row of breakdownRows(breakdown)) push(`| ${DIMENSION_NAMES[breakdown.dimension]} ${row}`);
      }
      push('', ...suppressedNote(byRow.flatMap(breakdownCells), report.disclosure.minCount));
    }
    if (withVoices && groupBreakdown !== undefined)
      push(
        ...groupTable(
          `${escapeMarkdownText(theme.label)}: records and voices by respondent group`,
          groupBreakdown,
          report.disclosure.minCount,
        ),
      );
    for (const quote of theme.quotes) push(...quoteLines(quote));
  }
  if (report.campaigns.length > 0) {
    push('## Campaigns', '');
    push(
      `Texts sent by several people in the same or nearly the same words (at least ten words, 80% of their word pairs shared), each shown once${report.campaignsTotal > report.campaigns.length ? `; the ${formatCount(report.campaigns.length)} biggest of ${formatCount(report.campaignsTotal)}` : ''}.`,
      '',
    );
    for (const campaign of report.campaigns) {
      const themes = campaign.themeIds.map((id) => escapeMarkdownText(label(id)));
      push(
        `### Campaign ${campaign.number}`,
        '',
        `Sent by ${cellText(campaign.voices)} voices in ${cellText(campaign.records)} records${themes.length > 0 ? `; themes: ${themes.join(', ')}` : '; no theme'}.`,
        '',
      );
      if (campaign.quote !== null) push(...quoteLines(campaign.quote));
    }
  }
  if (report.coOccurrence.strongest.length > 0) {
    push('## Themes raised together', '');
    const shown = report.coOccurrence.strongest.filter((pair) => pair.together.kind === 'shown').length;
    push(
      shown === 0
        ? 'No pair of themes was raised in enough of the same records for its count to be shown, so the pairs are not ranked; these pairs were raised together, in the order the themes are defined:'
        : shown < report.coOccurrence.strongest.length
          ? 'The pairs of themes raised in the same records most often (pairs with too few records for their count to be shown come last, in the order the themes are defined):'
          : 'The pairs of themes raised in the same records most often:',
      '',
    );
    for (const pair of report.coOccurrence.strongest) {
      push(
        `- ${escapeMarkdownText(label(pair.a))} with ${escapeMarkdownText(label(pair.b))}: ${pair.together.kind === 'shown' ? plural(pair.together.value, 'record') : `${cellText(pair.together)} records`} together${pair.overlap === null ? '' : ` (${formatShare(pair.overlap)} of the records in either)`}.`,
      );
    }
    push('');
    const ids = report.coOccurrence.themeIds;
    push(caption('Records in both themes (where a theme meets itself: all its records)'), '');
    push(`| Theme | ${ids.map((id) => escapeTableCell(label(id))).join(' | ')} |`, `| --- | ${ids.map(() => '---:').join(' | ')} |`);
    ids.forEach((id, row) => {
      const cells = report.coOccurrence.counts[row] ?? [];
      push(`| ${escapeTableCell(label(id))} | ${cells.map(cellText).join(' | ')} |`);
    });
    push('');
  }
  const months = report.breakdowns.find((entry) => entry.dimension === 'month');
  if (months !== undefined) {
    push('## Over time', '');
    push(`Dated records by month (UTC)${report.undated > 0 ? `; ${plural(report.undated, 'record')} without a date left out` : ''}.`, '');
    push(...breakdownTable('Records by month', months, report.disclosure.minCount));
  }
  push('## Unthemed feedback', '');
  if (report.unthemed === 0) {
    push('Every record matched at least one theme.', '');
  } else if (report.unthemedTerms.length === 0) {
    push(`${plural(report.unthemed, 'record')} matched no theme; no word or phrase stands out in them.`, '');
  } else {
    push(
      `${plural(report.unthemed, 'record')} matched no theme. The words and phrases that stand out in them, compared with the themed records:`,
      '',
    );
    push(caption('Words and phrases that stand out in the unthemed records'), '');
    push('| Word or phrase | Unthemed records | Themed records |', '| --- | ---: | ---: |');
    for (const term of report.unthemedTerms) {
      const count = (records: number): string => cellText(protectCell(records, report.disclosure));
      push(`| ${escapeTableCell(term.term)} | ${count(term.unthemedRecords)} | ${count(term.themedRecords)} |`);
    }
    push('');
    for (const term of report.unthemedTerms) {
      if (term.quotes.length === 0) continue;
      push(`### Unthemed records with “${escapeMarkdownText(term.term)}”`, '');
      for (const quote of term.quotes) push(...quoteLines(quote));
    }
  }
  push('## Methods', '');
  push(
    `- Records: ${formatCount(report.recordsTotal)}; themes: ${report.codebook.themeCount}; keywords and phrases: ${formatCount(report.codebook.keywordCount)}.`,
  );
  push(`- Codebook: ${escapeMarkdownText(report.codebook.file)}, fingerprint \`${report.codebook.fingerprint}\`.`);
  push(
    "- Matching: text is normalised (NFKC, lower case, HTML removed; URLs, e-mail addresses and @mentions ignored), split into words and stemmed with the Porter stemmer; a keyword or phrase matches where its stems occur in sequence, unless one of the theme's exclude phrases covers it.",
  );
  push(
    "- Quotes are chosen deterministically, theme by theme (most records first): words that needed no personal data removed come before words showing a redaction mark; then quotes of 40 to 400 characters, those matching more of the theme's keywords, and record id. A theme quotes each author once and identical texts once, takes its quotes from different channels in turn, and does not repeat a record quoted under another theme while it has others to quote.",
  );
  if (report.quoteExclusions.entries > 0) push(`- ${quoteExclusionSentence(report.quoteExclusions.records)}`);
  if (report.declinedPublication.records > 0) push(`- ${declinedSentence(report.declinedPublication)}`);
  if (report.groups !== null) push(`- ${groupsSentence(report.groups)}`);
  push(
    `- Breakdowns: the source of a record is the blog post it comments on, the e-mail thread (its subject), or else the export file; months are in UTC. ${describeDisclosureRule(report.disclosure, { groups: (report.groups?.questions.length ?? 0) > 0 })}`,
  );
  const words = report.disclosure.quantifiers === undefined ? null : describeQuantifiers(report.disclosure.quantifiers);
  if (words !== null && report.keyFindings.length > 0) push(`- ${words}`);
  push(
    `- Key findings: a theme's share in one channel, question or respondent group is named as the biggest difference only when it is at least ${Math.round(LEAST_NOTABLE_GAP * 100)} percentage points from its share of all records and unlikely to be chance against the other records (two-sided p < ${DIFFERENCE_ALPHA}: a two-proportion z-test, or Fisher's exact test for small counts).`,
  );
  push(
    '- Unthemed words and phrases: ranked by the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn, 2008) of their use in unthemed against themed records; each is in at least two unthemed records.',
  );
  const redacted = Object.entries(report.redactions);
  push(
    redacted.length === 0
      ? '- Personal data: none was found in the quotes.'
      : `- Personal data removed from the quotes: ${redacted.map(([kind, count]) => `${kind} ${formatCount(count)}`).join(', ')}.`,
  );
  const groupVoices = report.breakdowns.some(
    (entry) => entry.dimension === 'group' && entry.cells.some((cell) => cell.voices !== undefined),
  );
  push(
    `- Voices: a record counts for its survey respondent (the respondent id in its file, else its row), else its author on its channel; a record with neither is a voice of its own. Retweets are not records (amplification, not a second voice).${groupVoices ? " A respondent group's voices are the distinct voices among its records (a voice with records in two groups counts in each), through the small-number rule as the records beside them, and hidden wherever those records are." : ''} Campaigns: records of at least ten words whose word pairs overlap by at least 80% (Jaccard similarity, estimated with MinHash), sent by at least two voices; a campaign is quoted once, never as a theme quote again.`,
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
