import { CHANNEL_NAMES } from './channel-names.js';
import { protectEntries, quantify } from './disclosure-control.js';
import { groupShare } from './group-shares.js';
import { formatCount, formatShare } from './number-format.js';
import { sharesDiffer } from '../stats/share-difference.js';
import { NO_ANSWER_KEY, type Breakdown, type FindingFigure, type KeyFinding, type ThemeReport, type ThemeSummary } from './theme-report.js';
import { listedInWords } from '../text/listed-in-words.js';

/** How many themes the first finding names. */
const MOST_RAISED = 3;
/** How many changed themes the changes finding names. */
const MOST_CHANGED = 3;
/**
 * The least gap, as a share of records, between a theme's share in one channel, question or group
 * and its share of all records that a "biggest difference" finding names: five percentage points,
 * so that a gap of a few tenths of a point is not the headline however many records show it.
 */
export const LEAST_NOTABLE_GAP = 0.05;

function shownValue(breakdown: Breakdown | undefined, key: string): number | null {
  const cell = breakdown?.cells.find((entry) => entry.key === key)?.cell;
  return cell?.kind === 'shown' ? cell.value : null;
}

function recordsFigure(theme: ThemeSummary): FindingFigure {
  return { shown: formatCount(theme.count), source: { table: 'themes', themeId: theme.id, column: 'records' } };
}

function voicesFigure(theme: ThemeSummary): FindingFigure {
  return { shown: formatCount(theme.voices), source: { table: 'themes', themeId: theme.id, column: 'voices' } };
}

function shareFigure(theme: ThemeSummary): FindingFigure {
  return { shown: formatShare(theme.share), source: { table: 'themes', themeId: theme.id, column: 'share' } };
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function mostRaised(report: ThemeReport): KeyFinding | null {
  const raised = report.themes.filter((theme) => theme.count > 0).slice(0, MOST_RAISED);
  const first = raised[0];
  if (first === undefined) return null;
  const parts = raised.map(
    (theme, index) =>
      `${theme.label} (raised by ${voicesFigure(theme).shown} ${theme.voices === 1 ? 'person' : 'people'} in ${recordsFigure(theme).shown} record${theme.count === 1 ? '' : 's'}, ${shareFigure(theme).shown}${index === 0 ? ' of all records' : ''})`,
  );
  const words = report.disclosure.quantifiers;
  const amount = words === undefined ? null : quantify(first.share, words);
  const opening = raised.length === 1 ? 'The theme raised most often was' : 'The themes raised most often were';
  const closing = amount === null ? '' : ` ${capitalise(amount)} of the records raised ${first.label}.`;
  return {
    text: `${opening} ${listedInWords(parts)}.${closing}`,
    figures: raised.flatMap((theme) => [voicesFigure(theme), recordsFigure(theme), shareFigure(theme)]),
  };
}

interface Group {
  key: string;
  name: string;
  total: number;
  figure: FindingFigure;
  /** A respondent group's voices as its table publishes them, when shown (and not 0). */
  voices?: FindingFigure & { value: number };
}

/** The channels as the overview table publishes them: a channel whose count is suppressed there is left out here too. */
function channelGroups(report: ThemeReport): Group[] {
  const cells = protectEntries(
    report.byChannel.map((entry) => ({ key: entry.channel, count: entry.count })),
    report.disclosure,
  );
  return cells.flatMap((entry) =>
    entry.cell.kind === 'shown' && entry.cell.value > 0
      ? [
          {
            key: entry.key,
            name: `${CHANNEL_NAMES[entry.key]} records`,
            total: entry.cell.value,
            figure: { shown: formatCount(entry.cell.value), source: { table: 'channels', channel: entry.key } },
          },
        ]
      : [],
  );
}

/** The questions, or the respondent groups but "no answer", as the table of all records publishes them: suppressed cells left out. */
function totalsGroups(report: ThemeReport, dimension: 'question' | 'group'): Group[] {
  const cells = report.breakdowns.find((entry) => entry.dimension === dimension)?.cells ?? [];
  return cells.flatMap((entry): Group[] => {
    if (entry.cell.kind !== 'shown' || entry.cell.value <= 0 || (dimension === 'group' && entry.key === NO_ANSWER_KEY)) return [];
    const group: Group = {
      key: entry.key,
      name: dimension === 'question' ? `answers to “${entry.key}”` : `records from those answering “${entry.key}”`,
      total: entry.cell.value,
      figure: { shown: formatCount(entry.cell.value), source: { table: 'totals', dimension, key: entry.key } },
    };
    const voices = entry.voices;
    if (voices?.kind !== 'shown' || voices.value <= 0) return [group];
    return [
      {
        ...group,
        voices: {
          value: voices.value,
          shown: formatCount(voices.value),
          source: { table: 'totals', dimension, key: entry.key, column: 'voices' },
        },
      },
    ];
  });
}

/**
 * Whether a theme's `value` records among a group's are a gap worth naming: wide enough, and not
 * what chance would often make against the other records (never when rounded counts leave the
 * others an impossible count: {@link sharesDiffer}).
 */
function isNotable(report: ThemeReport, theme: ThemeSummary, group: Group, value: number, gap: number): boolean {
  if (gap < LEAST_NOTABLE_GAP - 1e-12) return false;
  return sharesDiffer({ hits: value, total: group.total }, { hits: theme.count - value, total: report.recordsTotal - group.total });
}

const BETWEEN: Readonly<Record<'channel' | 'question' | 'group', string>> = {
  channel: 'channels',
  question: 'questions',
  group: 'respondent groups',
};

/**
 * Where one theme's share in a channel (or among a question's answers, or a respondent group's
 * records) is furthest from its share of all records, among the differences worth a sentence:
 * at least {@link LEAST_NOTABLE_GAP} from the theme's share of all records, and more than chance
 * would often make between those records and the rest ({@link sharesDiffer}, on the counts the
 * tables show); none when no difference is both.
 */
function biggestDifference(report: ThemeReport, dimension: 'channel' | 'question' | 'group'): KeyFinding | null {
  const groups = dimension === 'channel' ? channelGroups(report) : totalsGroups(report, dimension);
  if (groups.length < 2) return null;
  let best: { theme: ThemeSummary; group: Group; value: number; gap: number } | null = null;
  for (const theme of report.themes) {
    if (theme.count === 0) continue;
    const breakdown = theme.breakdowns.find((entry) => entry.dimension === dimension);
    for (const group of groups) {
      const value = shownValue(breakdown, group.key);
      if (value === null || value === 0) continue;
      const gap = Math.abs(value / group.total - theme.share);
      if (!isNotable(report, theme, group, value, gap)) continue;
      if (best === null || gap > best.gap + 1e-12) best = { theme, group, value, gap };
    }
  }
  if (best === null) return null;
  const cell: FindingFigure = {
    shown: formatCount(best.value),
    source: { table: 'breakdown', themeId: best.theme.id, dimension, key: best.group.key },
  };
  const share = shareFigure(best.theme);
  const own = dimension === 'group' ? groupShare(best.theme, best.group.key, best.group.total) : null;
  const ownFigure: FindingFigure | null =
    own === null ? null : { shown: formatShare(own), source: { table: 'group-shares', themeId: best.theme.id, key: best.group.key } };
  const ofWhich = ownFigure === null ? '' : ` (${ownFigure.shown})`;
  const people = dimension === 'group' ? groupPeople(best.theme, best.group) : null;
  const figures = ownFigure === null ? [cell, best.group.figure] : [cell, best.group.figure, ownFigure];
  return {
    text: `The biggest difference between ${BETWEEN[dimension]}: ${best.theme.label} came up in ${cell.shown} of the ${best.group.figure.shown} ${best.group.name}${ofWhich}${people?.text ?? ''}, ${best.value / best.group.total > best.theme.share ? 'more' : 'less'} often than in all records (${share.shown}).`,
    figures: [...figures, ...(people?.figures ?? []), share],
  };
}

/**
 * How many of a respondent group's people (voices) raised a theme, for its finding: `, raised by 6
 * of the 9 people in that group (66.7%)`, from the theme's and the group's shown voice cells and
 * the table of each group's voices raising each theme; null where a cell is hidden.
 */
function groupPeople(theme: ThemeSummary, group: Group): { text: string; figures: FindingFigure[] } | null {
  const total = group.voices;
  const cell = theme.breakdowns.find((entry) => entry.dimension === 'group')?.cells.find((entry) => entry.key === group.key)?.voices;
  if (total === undefined || cell?.kind !== 'shown' || cell.value <= 0) return null;
  const raised: FindingFigure = {
    shown: formatCount(cell.value),
    source: { table: 'breakdown', themeId: theme.id, dimension: 'group', key: group.key, column: 'voices' },
  };
  const share = groupShare(theme, group.key, total.value, 'voices');
  const shareFigure: FindingFigure | null =
    share === null
      ? null
      : { shown: formatShare(share), source: { table: 'group-shares', themeId: theme.id, key: group.key, column: 'voices' } };
  const of = { shown: total.shown, source: total.source };
  return {
    text: `, raised by ${raised.shown} of the ${of.shown} ${total.value === 1 ? 'person' : 'people'} in that group${shareFigure === null ? '' : ` (${shareFigure.shown})`}`,
    figures: shareFigure === null ? [raised, of] : [raised, of, shareFigure],
  };
}

function strongestPair(report: ThemeReport): KeyFinding | null {
  const pair = report.coOccurrence.strongest.find((entry) => entry.together.kind === 'shown');
  if (pair === undefined || pair.together.kind !== 'shown') return null;
  const label = (id: string): string => report.themes.find((theme) => theme.id === id)?.label ?? id;
  const figure: FindingFigure = { shown: formatCount(pair.together.value), source: { table: 'co-occurrence', a: pair.a, b: pair.b } };
  return {
    text: `${label(pair.a)} was raised together with ${label(pair.b)} more often than any other pair of themes: in ${figure.shown} record${pair.together.value === 1 ? '' : 's'}.`,
    figures: [figure],
  };
}

function whatChanged(report: ThemeReport): KeyFinding | null {
  if (report.changes === null) return null;
  const moved = report.changes
    .filter((change) => change.before !== change.after)
    .sort(
      (a, b) => Math.abs((b.after ?? 0) - (b.before ?? 0)) - Math.abs((a.after ?? 0) - (a.before ?? 0)) || (a.themeId < b.themeId ? -1 : 1),
    )
    .slice(0, MOST_CHANGED);
  if (moved.length === 0) return { text: 'Since the earlier report, no theme changed its number of records.', figures: [] };
  const figures: FindingFigure[] = [];
  const parts = moved.map((change) => {
    const before: FindingFigure = {
      shown: formatCount(change.before ?? 0),
      source: { table: 'changes', themeId: change.themeId, column: 'before' },
    };
    const after: FindingFigure = {
      shown: formatCount(change.after ?? 0),
      source: { table: 'changes', themeId: change.themeId, column: 'after' },
    };
    figures.push(before, after);
    return `${change.label} went from ${before.shown} to ${after.shown} record${(change.after ?? 0) === 1 ? '' : 's'}`;
  });
  return { text: `Since the earlier report, ${listedInWords(parts)}.`, figures };
}

/**
 * The key findings of a report, in plain language, written deterministically from its numbers:
 * the most raised themes, where a channel, a question and a respondent group differ most from the rest, the
 * strongest co-occurrence and (with an earlier report) what changed. Every number in a sentence
 * is a {@link FindingFigure} naming the table that shows the same number; suppressed cells are
 * never used.
 */
export function keyFindings(report: ThemeReport): KeyFinding[] {
  if (report.recordsTotal === 0) return [];
  return [
    mostRaised(report),
    biggestDifference(report, 'channel'),
    biggestDifference(report, 'question'),
    biggestDifference(report, 'group'),
    strongestPair(report),
    whatChanged(report),
  ].filter((finding): finding is KeyFinding => finding !== null);
}
