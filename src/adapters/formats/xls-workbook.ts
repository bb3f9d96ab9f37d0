import { InputError } from '../../errors.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem, AdapterOptions, FormatAdapter } from '../format-adapter.js';
import { isCompoundFile } from '../readers/compound-file.js';
import { workbookSheetItems } from '../readers/workbook-sheets.js';
import { namesWorkbookStream, readXlsWorkbook, XLS_FILE_LIMIT } from '../readers/xls-sheets.js';
import { isZipFile } from '../readers/zip-directory.js';
import { SHEET_LAYOUTS } from '../sheet-layouts.js';

async function* readXls(source: InputSource, options: AdapterOptions): AsyncIterable<AdapterItem> {
  if (!isCompoundFile(source.headBytes)) {
    throw new InputError(
      `not an Excel 97-2003 workbook (it does not start with the compound file signature D0 CF 11 E0)${isZipFile(source.headBytes) ? '; it is a zip' : ''}`,
      {
        location: { file: source.path },
        hint: isZipFile(source.headBytes)
          ? 'an .xlsx saved under an .xls name is read by the xlsx format'
          : 'check that this is the export you meant, or name its format instead of detecting it',
      },
    );
  }
  const sheets = readXlsWorkbook(source.path, await source.readBytes(XLS_FILE_LIMIT));
  yield* workbookSheetItems(source.path, sheets, options, 'workbook', SHEET_LAYOUTS);
}

/**
 * Excel 97-2003 workbooks (.xls, BIFF8 in an OLE2 compound file), read as the xlsx adapter reads
 * an .xlsx: every visible sheet (or the one named with `--sheet`, hidden or not) is a table read
 * like a CSV export, a survey table one record per free-text answer.
 */
export const xlsWorkbookAdapter: FormatAdapter = {
  name: 'xls',
  description: 'Excel 97-2003 workbook (.xls): each sheet read as a table, survey or single text column (or only the sheet named)',
  channel: 'other',
  extensions: ['.xls'],
  signature: 'an OLE2 compound file (D0 CF 11 E0) holding a Workbook stream',
  binary: true,
  sniff(input) {
    if (!isCompoundFile(input.headBytes)) return 0;
    if (namesWorkbookStream(input.headBytes)) return 0.95;
    return input.extension === '.xls' ? 0.6 : 0;
  },
  read(source, options) {
    return readXls(source, options);
  },
};
