import { formatInputLocation } from '../errors.js';
import type { Provenance } from './record.js';

/**
 * Where an item is, as a one-line message names it: `file:line`, then its part of the file
 * (`sheet "Responses"`, `posts[3]`) and, for a table row that has no line of its own (a
 * workbook's), `row N`: `survey.xlsx: sheet "Responses", row 12`.
 */
export function provenanceLocation(provenance: Provenance): string {
  const row = provenance.line === undefined && provenance.row !== undefined ? `row ${provenance.row}` : undefined;
  const within = [provenance.part, row].filter((piece): piece is string => piece !== undefined && piece !== '').join(', ');
  return formatInputLocation({
    file: provenance.file,
    ...(provenance.line === undefined ? {} : { line: provenance.line }),
    ...(within === '' ? {} : { part: within }),
  });
}
