import { describe, expect, test } from '@jest/globals';
import { parseJsonReport, renderReportDiff } from '../../src/report/report-diff.js';

function jsonReport(records: number, voices: number | undefined, campaigns: number | undefined, themeVoices: number | undefined): string {
  return JSON.stringify({
    records_total: records,
    ...(voices === undefined ? {} : { voices_total: voices }),
    ...(campaigns === undefined ? {} : { campaigns_total: campaigns }),
    themes: [
      { id: 'carers', label: 'Carers', count: records, ...(themeVoices === undefined ? {} : { voices: themeVoices }), record_ids: [] },
    ],
    codebook: { fingerprint: 'abc', keywords: { carers: ['carer'] } },
  });
}

describe('tlap diff with voices', () => {
  test('shows voices and campaigns before and after, in total and per theme, when both reports count them', () => {
    const diff = renderReportDiff(
      parseJsonReport(jsonReport(80, 41, 1, 41), 'old.json'),
      parseJsonReport(jsonReport(120, 81, 2, 81), 'new.json'),
    );
    expect(diff).toContain('Voices: 41 → 81 (+40).');
    expect(diff).toContain('Campaigns: 1 → 2 (+1).');
    expect(diff).toContain('| Theme | Records before | Records after | Change | Voices before | Voices after |');
    expect(diff).toContain('| Carers | 80 | 120 | +40 | 41 | 81 |');
  });

  test('an earlier report without voices: records only', () => {
    const diff = renderReportDiff(
      parseJsonReport(jsonReport(80, undefined, undefined, undefined), 'old.json'),
      parseJsonReport(jsonReport(120, 81, 2, 81), 'new.json'),
    );
    expect(diff).not.toContain('Voices:');
    expect(diff).toContain('| Theme | Records before | Records after | Change |\n');
  });
});
