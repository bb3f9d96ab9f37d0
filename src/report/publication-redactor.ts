import type { Codebook } from '../codebook/codebook.js';
import { redactPersonalData } from '../privacy/personal-data.js';
import { publishableText } from '../text/publishable-text.js';
import type { TextRedactor } from './text-redactor.js';

/**
 * The redactor for published output, under the codebook's `redact:` policy. It first makes the
 * text plain as a reader will see it ({@link publishableText}: entities decoded, tags removed,
 * NFKC, invisible characters dropped), then redacts that text, and returns it: what is checked
 * is exactly what every format prints.
 */
export function createRedactor(codebook: Pick<Codebook, 'redaction'> & Partial<Pick<Codebook, 'keepNames'>>): TextRedactor {
  const policy = { ...codebook.redaction, keepNames: codebook.keepNames ?? [] };
  const withoutNames = { ...policy, kinds: new Set([...policy.kinds].filter((kind) => kind !== 'name')) };
  return (text, options) => redactPersonalData(publishableText(text), options?.names === false ? withoutNames : policy);
}
