import type { Codebook } from '../codebook/codebook.js';
import { redactPersonalData } from '../privacy/personal-data.js';
import type { TextRedactor } from './text-redactor.js';

/** The redactor for published output, under the codebook's `redact:` policy. */
export function createRedactor(codebook: Pick<Codebook, 'redaction'>): TextRedactor {
  return (text) => redactPersonalData(text, codebook.redaction);
}
