import { describe, expect, test } from '@jest/globals';
import { columnChart, horizontalBarChart } from '../../../src/report/charts/bar-chart.js';
import { reportCharts } from '../../../src/report/charts/report-charts.js';
import { markdownToHtml } from '../../../src/report/markdown-to-html.js';
import { makeCodebook } from '../../builders/codebook-builder.js';
import { makeThemedRecord } from '../../builders/themed-record-builder.js';
import { buildReport } from '../report-fixture.js';

const codebook = makeCodebook([
  { id: 'carers', label: 'Carers & <families>', keywords: ['carer'] },
  { id: 'money', label: 'Money', keywords: ['budget'] },
]);
const records = Array.from({ length: 30 }, (_, index) =>
  makeThemedRecord(codebook, {
    text: index % 3 === 0 ? 'a carer' : index % 3 === 1 ? 'my budget' : 'nothing',
    channel: index % 2 === 0 ? 'twitter' : 'survey',
    date: `2014-0${(index % 3) + 1}-15T00:00:00.000Z`,
  }),
);
const report = buildReport(codebook, records);

function page(figures: { section: string; svg: string }[]): string {
  return markdownToHtml('# T\n\n## Overview\n\ntext\n\n## Themes\n\nmore\n\n## Over time\n\nx\n', { title: 'T', figures });
}

/** The value a horizontal chart prints under a bar's label. */
function valueBeside(svg: string, label: string): string | undefined {
  const at = svg.indexOf(`>${label}</text>`);
  return at < 0 ? undefined : /^<text class="chart-value" x="0" y="[\d.]+">([^<]*)<\/text>/.exec(svg.slice(at + label.length + 8))?.[1];
}

function bodyOf(html: string): string {
  return /<main>\n([\s\S]*)\n<\/main>/.exec(html)?.[1] ?? '';
}

describe('report charts', () => {
  const charts = reportCharts(report);

  test('themes by voices, their records and share behind; by channel; and by month where two or more months are dated', () => {
    expect(charts.map((chart) => chart.section)).toEqual(['overview', 'themes', 'over-time']);
    const themes = charts[1]?.svg ?? '';
    expect(themes).toContain('<title id="chart-themes-title">Voices and records per theme</title>');
    expect(themes).toContain(
      '<desc id="chart-themes-desc">Voices (distinct people) and records per theme, with the records’ share of all records: Carers &amp; &lt;families&gt; 10 voices, 10 records (33.3%); Money 10 voices, 10 records (33.3%).</desc>',
    );
    expect(themes).toMatch(/^<svg class="chart" role="img" aria-labelledby="chart-themes-title chart-themes-desc"/);
    expect(reportCharts(buildReport(codebook, records.slice(0, 1))).map((chart) => chart.section)).toEqual(['overview', 'themes']);
  });

  test('a theme raised by fewer people than records: the voices bar is drawn in front of a longer records bar, and a key says which is which', () => {
    const written = (author: string, text: string) => makeThemedRecord(codebook, { text, author, channel: 'blog-comment' });
    const repeated = buildReport(codebook, [
      ...Array.from({ length: 8 }, (_, index) => written(`writer ${index % 2}`, `a carer ${index}`)),
      ...Array.from({ length: 4 }, (_, index) => written(`other ${index}`, `my budget ${index}`)),
    ]);
    const themes = reportCharts(repeated)[1]?.svg ?? '';
    expect(valueBeside(themes, 'Carers &amp; &lt;families&gt;')).toBe('2 voices, 8 records (66.7%)');
    expect(valueBeside(themes, 'Money')).toBe('4 voices, 4 records (33.3%)');
    const widths = (kind: string) =>
      [...themes.matchAll(new RegExp(`<rect class="${kind}" x="0" y="\\d+" width="([\\d.]+)" height="16"`, 'g'))].map((match) =>
        Number(match[1]),
      );
    expect(widths('chart-bar-behind')).toEqual([478, 239]);
    expect(widths('chart-bar')).toEqual([119.5, 239]);
    expect(themes).toContain('>Voices (people)</text>');
    expect(themes).toContain('>Records</text>');
    expect(themes).toMatch(
      /<rect class="chart-bar-behind" x="0" y="(\d+)" width="478" height="16"><\/rect><rect class="chart-bar" x="0" y="\1" width="119.5"/,
    );
  });

  test('the channel chart shows voices and records as the overview table protects them: a hidden count is no bar and is worded, never drawn', () => {
    const few = buildReport(codebook, [
      ...records,
      ...Array.from({ length: 3 }, () => makeThemedRecord(codebook, { text: 'a carer', channel: 'email' })),
    ]);
    const channels = reportCharts(few)[0]?.svg ?? '';
    expect(channels).toContain('<title id="chart-channels-title">Voices and records by channel</title>');
    expect(valueBeside(channels, 'E-mail')).toBe('fewer than 5 voices, fewer than 5 records');
    expect(channels).not.toMatch(/E-mail 3|3 voices|3 records/);
    const sameAuthor = buildReport(codebook, [
      ...records,
      ...Array.from({ length: 6 }, (_, index) => makeThemedRecord(codebook, { text: `a carer ${index}`, author: 'Sam', channel: 'email' })),
    ]);
    expect(valueBeside(reportCharts(sameAuthor)[0]?.svg ?? '', 'E-mail')).toBe('fewer than 5 voices, 6 records (16.7%)');
  });

  test('pure: the same report gives the same markup; no script, style or link inside', () => {
    expect(reportCharts(structuredClone(report))).toEqual(charts);
    for (const chart of charts) expect(chart.svg).not.toMatch(/<script|style=|href|on[a-z]+=|<use|<image|foreignObject/i);
  });

  test('numbers are written for en-GB', () => {
    const svg = horizontalBarChart({ id: 'x', title: 't', description: 'd' }, [{ label: 'All', value: 5681, valueText: '5,681' }]);
    expect(svg).toContain('5,681');
  });

  test('the sanitiser lets exactly the charts through, each placed after its heading', () => {
    const body = bodyOf(page(charts));
    for (const chart of charts) {
      const normalised = chart.svg.replace('viewBox=', 'viewbox=');
      expect(body).toContain(`<h2 id="${chart.section}">`);
      expect(body).toContain(normalised);
    }
    expect(body.indexOf('<svg')).toBeGreaterThan(body.indexOf('<h2 id="overview">'));
  });

  test('and strips anything scriptable that an SVG could carry', () => {
    const hostile = [
      '<svg class="chart" role="img" onload="alert(1)" style="x" viewBox="0 0 1 1"><script>alert(1)</script><title id="a">t</title>',
      '<a href="javascript:alert(1)"><text x="1" y="2">x</text></a>',
      '<use href="#a"></use><image href="http://x.example/i.png"></image><foreignObject><iframe src="x"></iframe></foreignObject>',
      '<animate attributeName="href" to="javascript:alert(1)"></animate><set attributeName="onclick"></set>',
      '<rect class="evil" x="javascript:1" y="2" width="3" height="4" fill="url(http://x.example)"></rect><style>*{}</style></svg>',
    ].join('');
    const body = bodyOf(page([{ section: 'themes', svg: hostile }]));
    expect(body).not.toMatch(/script|onload|style|href|<use|<image|foreignObject|iframe|animate|<set|fill=|evil|javascript/i);
    expect(body).toContain('<rect y="2" width="3" height="4">');
  });

  test('a column chart labels at most eight months and leaves values to the table when the columns are narrow', () => {
    const columns = Array.from({ length: 24 }, (_, index) => ({ label: `m${index}`, value: index, valueText: String(index) }));
    const svg = columnChart({ id: 'months', title: 't', description: 'd' }, columns);
    expect(svg.match(/class="chart-label"/g)).toHaveLength(8);
    expect(svg).not.toContain('class="chart-value"');
  });
});

describe('tables in the page', () => {
  test('a caption from the Table: line, scope on headers, a focusable scrolling region named by the caption', () => {
    const body = bodyOf(
      markdownToHtml('Table: Records by channel\n\n| Channel | Records |\n| --- | ---: |\n| E-mail | 5,681 |\n', { title: 'T' }),
    );
    expect(body).toBe(
      [
        '<div class="table-wrap" role="region" tabindex="0" aria-labelledby="table-1">',
        '<table>',
        '<caption id="table-1">Records by channel</caption>',
        '<thead>',
        '<tr><th scope="col">Channel</th><th scope="col" align="right">Records</th></tr>',
        '</thead>',
        '<tbody>',
        '<tr><th scope="row">E-mail</th><td align="right">5,681</td></tr>',
        '</tbody>',
        '</table>',
        '</div>',
      ].join('\n'),
    );
  });

  test('no table is styled display:block; the page prints', () => {
    const html = markdownToHtml('x', { title: 'T' });
    expect(html).not.toContain('display:block;overflow');
    expect(html).toContain('@media print{');
  });

  test('contents links go to the headings, which get the same anchors', () => {
    const body = bodyOf(markdownToHtml('- [Key findings](#key-findings)\n\n## Key findings\n', { title: 'T' }));
    expect(body).toContain('<a href="#key-findings">Key findings</a>');
    expect(body).toContain('<h2 id="key-findings">Key findings</h2>');
  });
});
