import { InputError } from '../../errors.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem, AdapterOptions, FormatAdapter } from '../format-adapter.js';
import {
  isOpenDocumentSpreadsheet,
  ODS_UNPACKED_LIMIT,
  readOdsSpreadsheet,
  readSpreadsheetContent,
  SPREADSHEET_MEDIA_TYPE,
  type OdsSpreadsheet,
} from '../readers/ods-sheets.js';
import { workbookSheetItems } from '../readers/workbook-sheets.js';
import { isZipFile } from '../readers/zip-directory.js';
import { SHEET_LAYOUTS } from '../sheet-layouts.js';

/** True when a text file is a flat OpenDocument spreadsheet (`.fods`): one XML document naming the spreadsheet media type. */
function isFlatSpreadsheet(headText: string): boolean {
  return /<office:document[\s>]/.test(headText) && headText.includes(`office:mimetype="${SPREADSHEET_MEDIA_TYPE}`);
}

async function readSpreadsheet(source: InputSource): Promise<OdsSpreadsheet> {
  if (isZipFile(source.headBytes)) return readOdsSpreadsheet(source.path, await source.readBytes(ODS_UNPACKED_LIMIT));
  if (isFlatSpreadsheet(source.headText)) return readSpreadsheetContent(source.path, source);
  throw new InputError('not an OpenDocument spreadsheet (.ods): it is neither a zip nor a flat OpenDocument (.fods) file', {
    location: { file: source.path },
    hint: 'open it in LibreOffice Calc or Excel and save it as .ods, .xlsx or CSV',
  });
}

async function* readOds(source: InputSource, options: AdapterOptions): AsyncIterable<AdapterItem> {
  const { sheets, issues } = await readSpreadsheet(source);
  yield* issues;
  yield* workbookSheetItems(source.path, sheets, options, 'spreadsheet', SHEET_LAYOUTS);
}

/**
 * OpenDocument spreadsheets (.ods, LibreOffice Calc's own format; .fods, its flat XML form), read
 * as the xlsx adapter reads a workbook: every visible sheet (or the one named with `--sheet`) is
 * a table read like a CSV export, a survey table one record per free-text answer.
 */
export const odsSpreadsheetAdapter: FormatAdapter = {
  name: 'ods',
  description:
    'OpenDocument spreadsheet (.ods, LibreOffice Calc): each sheet read as a table, survey or single text column (or only the sheet named)',
  channel: 'other',
  extensions: ['.ods', '.fods'],
  signature: `a zip (PK\\x03\\x04) whose mimetype is ${SPREADSHEET_MEDIA_TYPE}, or flat XML naming it`,
  binary: true,
  sniff(input) {
    if (isZipFile(input.headBytes)) return isOpenDocumentSpreadsheet(input.headBytes) ? 0.9 : 0;
    return isFlatSpreadsheet(input.headText) ? 0.9 : 0;
  },
  read(source, options) {
    return readOds(source, options);
  },
};
