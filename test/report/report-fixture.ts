import type { Codebook } from '../../src/codebook/codebook.js';
import { ThemeReportBuilder } from '../../src/report/build-theme-report.js';
import { DEFAULT_DISCLOSURE_RULE, type DisclosureRule } from '../../src/report/disclosure-control.js';
import { createRedactor } from '../../src/report/publication-redactor.js';
import type { ThemeReport } from '../../src/report/theme-report.js';
import type { ThemedRecord } from '../../src/themes/themed-record.js';

/** Builds a report from themed records in the given order, as `tlap themes` does (both passes). */
export function buildReport(
  codebook: Codebook,
  themed: readonly ThemedRecord[],
  includeAuthors = false,
  disclosure: DisclosureRule = DEFAULT_DISCLOSURE_RULE,
): ThemeReport {
  const builder = new ThemeReportBuilder(codebook, { redact: createRedactor(codebook), includeAuthors, toolVersion: '9.9.9', disclosure });
  for (const entry of themed) builder.add(entry);
  for (const entry of themed) builder.offerUnthemedQuote(entry.record);
  return builder.finish();
}

/** A text of exactly `length` characters that starts with `words`. */
export function textOfLength(words: string, length: number): string {
  return `${words} ${'x'.repeat(Math.max(0, length - words.length - 1))}`.slice(0, length);
}
