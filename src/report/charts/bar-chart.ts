import { coordinate, escapeSvgText } from './svg-text.js';

/** One bar: what it is, its value (its length), and the words printed beside it. */
export interface Bar {
  label: string;
  /** The length of the bar; 0 draws none (a suppressed cell is drawn as 0 with its words). */
  value: number;
  /** What is printed after the label: `7 (19.4%)`, `fewer than 5`. */
  valueText: string;
  /**
   * The length of a lighter bar drawn behind this one, from the same start (a theme's records behind
   * its voices, which are never more); left out, there is none. 0 draws none.
   */
  behind?: number;
}

/** What a chart is about, for people who cannot see it. */
export interface ChartText {
  /** Becomes the element ids (`chart-ID-title`, `chart-ID-desc`): lower-case letters, digits and `-`. */
  id: string;
  /** The chart's `<title>`. */
  title: string;
  /** The chart's `<desc>`: the same numbers in words. */
  description: string;
  /** With bars drawn behind others: what the dark bars and the light ones count, shown as a key above the bars. */
  legend?: { value: string; behind: string };
}

const WIDTH = 480;
/** A bar's height in the chart: its label, its value below, then the bar. */
const ROW = 62;
const BAR_HEIGHT = 16;
const TOP = 8;
/** The height of the key above the bars, when the chart has one. */
const LEGEND = 26;
/** Where the key's second entry starts. */
const LEGEND_SECOND = 220;
const SWATCH = 12;
/** The most column labels a column chart prints (every n-th column is labelled past this). */
const MOST_COLUMN_LABELS = 8;

/** The opening of an accessible chart: `role="img"` labelled by its `<title>` and `<desc>`. */
export function chartOpening(text: ChartText, width: number, height: number): string {
  const title = `chart-${text.id}-title`;
  const desc = `chart-${text.id}-desc`;
  return (
    `<svg class="chart" role="img" aria-labelledby="${title} ${desc}" viewBox="0 0 ${width} ${coordinate(height)}" width="${width}" height="${coordinate(height)}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${title}">${escapeSvgText(text.title)}</title><desc id="${desc}">${escapeSvgText(text.description)}</desc>`
  );
}

/**
 * A horizontal bar chart as inline SVG: each bar under its label and, below that, its value (so a long
 * label leaves room for the words of its value on a narrow chart), lengths relative to the
 * largest value; a bar with {@link Bar.behind} has a lighter one of that length behind it, and the
 * chart's {@link ChartText.legend} then says what each counts. A pure function: the same bars give the same markup; no script, no style attribute
 * (colours come from the page's style sheet by class), every text escaped.
 */
export function horizontalBarChart(text: ChartText, bars: readonly Bar[]): string {
  const max = Math.max(1, ...bars.map((bar) => Math.max(bar.value, bar.behind ?? 0)));
  const top = TOP + (text.legend === undefined ? 0 : LEGEND);
  const height = top + bars.length * ROW + 4;
  const length = (value: number): number => (value <= 0 ? 0 : Math.max(2, (value / max) * (WIDTH - 2)));
  const parts = [chartOpening(text, WIDTH, height)];
  if (text.legend !== undefined) parts.push(legend(text.legend));
  bars.forEach((bar, index) => {
    const y = top + index * ROW;
    parts.push(
      `<text class="chart-label" x="0" y="${coordinate(y + 15)}">${escapeSvgText(bar.label)}</text>`,
      `<text class="chart-value" x="0" y="${coordinate(y + 34)}">${escapeSvgText(bar.valueText)}</text>`,
    );
    if (bar.behind !== undefined) {
      parts.push(
        `<rect class="chart-bar-behind" x="0" y="${coordinate(y + 40)}" width="${coordinate(length(bar.behind))}" height="${BAR_HEIGHT}"></rect>`,
      );
    }
    parts.push(
      `<rect class="chart-bar" x="0" y="${coordinate(y + 40)}" width="${coordinate(length(bar.value))}" height="${BAR_HEIGHT}"></rect>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

/** The key of a chart with bars behind bars: a swatch of each kind and what it counts. */
function legend({ value, behind }: { value: string; behind: string }): string {
  const swatch = (kind: string, x: number): string =>
    `<rect class="${kind}" x="${x}" y="${TOP + 2}" width="${SWATCH}" height="${SWATCH}"></rect>`;
  const words = (x: number, words: string): string =>
    `<text class="chart-value" x="${x + SWATCH + 6}" y="${TOP + 13}">${escapeSvgText(words)}</text>`;
  return [swatch('chart-bar', 0), words(0, value), swatch('chart-bar-behind', LEGEND_SECOND), words(LEGEND_SECOND, behind)].join('');
}

/**
 * A column chart as inline SVG (for counts over time): one column per category left to right, its
 * value above it (where there is room) and its label below (every n-th one when there are many),
 * heights relative to the largest value; the table beside it has every number. Pure, like
 * {@link horizontalBarChart}.
 */
export function columnChart(text: ChartText, columns: readonly Bar[]): string {
  const max = Math.max(1, ...columns.map((column) => column.value));
  const plot = 160;
  const top = 24;
  const height = top + plot + 28;
  const slot = WIDTH / Math.max(1, columns.length);
  const barWidth = Math.max(4, Math.min(48, slot * 0.7));
  const parts = [
    chartOpening(text, WIDTH, height),
    `<line class="chart-axis" x1="0" y1="${top + plot}" x2="${WIDTH}" y2="${top + plot}"></line>`,
  ];
  const labelEvery = Math.ceil(columns.length / MOST_COLUMN_LABELS);
  const showValues = slot >= 48;
  columns.forEach((column, index) => {
    const centre = slot * index + slot / 2;
    const barHeight = column.value <= 0 ? 0 : Math.max(2, (column.value / max) * plot);
    const labelled = index % labelEvery === 0;
    parts.push(
      `<rect class="chart-bar" x="${coordinate(centre - barWidth / 2)}" y="${coordinate(top + plot - barHeight)}" width="${coordinate(barWidth)}" height="${coordinate(barHeight)}"></rect>`,
    );
    if (showValues) {
      parts.push(
        `<text class="chart-value" x="${coordinate(centre)}" y="${coordinate(top + plot - barHeight - 6)}" text-anchor="middle">${escapeSvgText(column.valueText)}</text>`,
      );
    }
    if (labelled) {
      parts.push(
        `<text class="chart-label" x="${coordinate(centre)}" y="${coordinate(top + plot + 20)}" text-anchor="middle">${escapeSvgText(column.label)}</text>`,
      );
    }
  });
  parts.push('</svg>');
  return parts.join('');
}
