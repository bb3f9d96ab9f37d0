import type { Codebook } from '../codebook/codebook.js';
import type { GoldFile } from '../stats/gold-file.js';
import { readStoreRecords } from '../store/record-store.js';
import { AuditBuilder, type AuditReport } from './audit.js';
import { evaluateCodebook, type EvaluationReport } from './evaluation.js';
import { discoverThemes, findGaps, type DiscoverReport, type GapsOptions, type GapsReport } from './gaps.js';
import { goldFromRecords } from './stored-gold.js';
import { codeStore } from './store-coding.js';
import { suggestChanges, type SuggestionResult } from './suggestions.js';

/** `tlap audit`: every keyword's hits, sole hits and matched words over a store, and the problems found. */
export async function auditStore(storeDir: string, codebook: Codebook): Promise<AuditReport> {
  const builder = new AuditBuilder(codebook);
  for await (const coded of codeStore(storeDir, codebook)) builder.add(coded);
  return builder.finish();
}

/** `tlap eval`: the codebook's coding of a store against a gold file, with suggestions when asked. */
export async function evaluateStore(
  storeDir: string,
  codebook: Codebook,
  gold: GoldFile,
  options: { suggest: boolean },
): Promise<{ report: EvaluationReport; suggestions: SuggestionResult | null }> {
  const { report, records } = await evaluateCodebook(codebook, codeStore(storeDir, codebook), gold);
  return { report, suggestions: options.suggest ? suggestChanges(codebook, records) : null };
}

/** The gold coding that a store's records carry under `column` (see goldFromRecords). */
export async function goldOfStore(storeDir: string, column: string): Promise<GoldFile> {
  return goldFromRecords(readStoreRecords(storeDir), column);
}

/** `tlap gaps`: what unthemed records talk about that themed ones do not. */
export async function gapsOfStore(storeDir: string, codebook: Codebook, options: GapsOptions = {}): Promise<GapsReport> {
  return findGaps(codebook, codeStore(storeDir, codebook), options);
}

/** `tlap gaps --discover`: a starter codebook from a store, without one. */
export async function discoverInStore(storeDir: string, options: GapsOptions = {}): Promise<DiscoverReport> {
  return discoverThemes(readStoreRecords(storeDir), options);
}
