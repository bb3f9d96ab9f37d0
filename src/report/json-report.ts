import { cellToJson, protectCell, protectReach, type DisclosureRule } from './disclosure-control.js';
import type { Breakdown, ChannelReach, ThemeReport } from './theme-report.js';

function breakdownsToJson(breakdowns: readonly Breakdown[]): Record<string, unknown> {
  return Object.fromEntries(
    breakdowns.map((breakdown) => [
      breakdown.dimension,
      {
        cells: Object.fromEntries(breakdown.cells.map((entry) => [entry.key, cellToJson(entry.cell)])),
        ...(breakdown.other === null ? {} : { other: cellToJson(breakdown.other) }),
        ...voicesToJson(breakdown),
      },
    ]),
  );
}

/**
 * A respondent group breakdown's voices beside its cells: `voices` maps each key to its distinct
 * voices and `other_voices` is the added-up other answers', protected as the records are; nothing
 * for a breakdown without voices.
 */
function voicesToJson(breakdown: Breakdown): Record<string, unknown> {
  if (!breakdown.cells.some((entry) => entry.voices !== undefined)) return {};
  return {
    voices: Object.fromEntries(
      breakdown.cells.flatMap((entry) => (entry.voices === undefined ? [] : [[entry.key, cellToJson(entry.voices)]])),
    ),
    ...(breakdown.otherVoices === undefined ? {} : { other_voices: cellToJson(breakdown.otherVoices) }),
  };
}

/**
 * Renders a report as JSON: `{records_total, voices_total, campaigns_total, unthemed, themes: [{id, label, count, voices, record_ids, …}], campaigns, …}`.
 * A pure function; keys in a fixed order; shares rounded to four decimals. Breakdown cells are
 * numbers where shown and `{"suppressed": …}` where the small-number rule hides them. Each theme
 * carries its record ids and `codebook.keywords` the keywords per theme: what `tlap diff` compares.
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
    ...(report.selection === null
      ? {}
      : {
          selection: {
            since: report.selection.since,
            until: report.selection.until,
            channels: report.selection.channels,
            source: report.selection.source,
            question: report.selection.question,
            store_records: report.selection.storeRecords,
            left_out: report.selection.leftOut,
            undated_left_out: report.selection.undatedLeftOut,
          },
        }),
    key_findings: report.keyFindings.map((finding) => finding.text),
    records_total: report.recordsTotal,
    voices_total: report.voicesTotal,
    campaigns_total: report.campaignsTotal,
    campaign_records: report.campaignRecords,
    unthemed: report.unthemed,
    ...channelCells(report.byChannel, report.disclosure),
    date_range: report.dateRange,
    undated: report.undated,
    ...(report.groups === null
      ? {}
      : {
          groups: {
            asked: report.groups.asked,
            questions: report.groups.questions,
            from: report.groups.from,
            ...(report.groups.from === 'run' ? { replaced: report.groups.replaced } : {}),
          },
        }),
    breakdowns: breakdownsToJson(report.breakdowns),
    themes: report.themes.map((theme) => ({
      id: theme.id,
      label: theme.label,
      description: theme.description,
      count: theme.count,
      share: Math.round(theme.share * 10000) / 10000,
      voices: theme.voices,
      campaign_count: theme.campaignCount,
      campaigns: theme.campaigns,
      by_channel: Object.fromEntries(
        (theme.breakdowns.find((breakdown) => breakdown.dimension === 'channel')?.cells ?? []).map((entry) => [
          entry.key,
          cellToJson(entry.cell),
        ]),
      ),
      breakdowns: breakdownsToJson(theme.breakdowns),
      top_words: theme.topWords,
      quotes: theme.quotes.map(quote),
      record_ids: report.trace.recordIds[theme.id] ?? [],
    })),
    campaigns: report.campaigns.map((campaign) => ({
      number: campaign.number,
      records: cellToJson(campaign.records),
      voices: cellToJson(campaign.voices),
      theme_ids: campaign.themeIds,
      quote: campaign.quote === null ? null : quote(campaign.quote),
    })),
    co_occurrence: {
      theme_ids: report.coOccurrence.themeIds,
      counts: report.coOccurrence.counts.map((row) => row.map(cellToJson)),
      strongest: report.coOccurrence.strongest.map((pair) => ({
        a: pair.a,
        b: pair.b,
        together: cellToJson(pair.together),
        overlap: pair.overlap,
      })),
    },
    unthemed_terms: report.unthemedTerms.map((term) => ({
      term: term.term,
      unthemed_records: cellToJson(protectCell(term.unthemedRecords, report.disclosure)),
      themed_records: cellToJson(protectCell(term.themedRecords, report.disclosure)),
      z: term.z,
      quotes: term.quotes.map(quote),
    })),
    ...(report.changes === null
      ? {}
      : {
          changes: report.changes.map((change) => ({
            theme_id: change.themeId,
            label: change.label,
            before: change.before,
            after: change.after,
          })),
        }),
    redactions: report.redactions,
    small_numbers: { min_count: report.disclosure.minCount, round_to: report.disclosure.roundTo },
    ...(report.quoteExclusions.entries > 0 ? { quotes_excluded_by_analyst: report.quoteExclusions.records } : {}),
    ...declinedPublicationJson(report.declinedPublication),
    codebook: { file: report.codebook.file, fingerprint: report.codebook.fingerprint, keywords: report.trace.keywords },
    tool_version: report.toolVersion,
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** `quotes_withheld_without_consent` (respected) or `quotes_consent_ignored` (`quotes.consent: ignore`), when any respondent declined. */
function declinedPublicationJson({ records, policy }: ThemeReport['declinedPublication']): Record<string, number> {
  if (records === 0) return {};
  return policy === 'ignore' ? { quotes_consent_ignored: records } : { quotes_withheld_without_consent: records };
}

/**
 * `by_channel` (records) and `voices_by_channel` as JSON, each cell through the small-number rule
 * as the markdown table protects it ({@link protectReach}: `{ "suppressed": "small", "fewer_than": 5 }`).
 */
function channelCells(
  counts: readonly ChannelReach[],
  rule: DisclosureRule,
): { by_channel: Record<string, JsonCell>; voices_by_channel: Record<string, JsonCell> } {
  const rows = protectReach(
    counts.map((entry) => ({ key: entry.channel, count: entry.count, voices: entry.voices })),
    rule,
  );
  return {
    by_channel: Object.fromEntries(rows.map((row) => [row.key, cellToJson(row.records)])),
    voices_by_channel: Object.fromEntries(rows.map((row) => [row.key, cellToJson(row.voices)])),
  };
}

type JsonCell = ReturnType<typeof cellToJson>;
