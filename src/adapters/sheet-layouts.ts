import type { SheetLayout } from './readers/workbook-sheets.js';
import { tagsSheetLayout } from './formats/tags-csv.js';
import { twarcSheetLayout } from './formats/twarc-csv.js';
import { rtweetSheetLayout } from './formats/rtweet-csv.js';
import { twitterArchiveSheetLayout } from './formats/twitter-archive-csv.js';

/**
 * The table layouts that a workbook's sheet is read by when its header is theirs, whatever the
 * workbook format (`.xlsx`, `.xls`, `.ods`, XML Spreadsheet, an HTML "Excel" export): the tweet
 * tables, so that a TAGS archive or a twarc-csv export saved as a workbook is read as tweets.
 */
export const SHEET_LAYOUTS: readonly SheetLayout[] = [tagsSheetLayout, twarcSheetLayout, rtweetSheetLayout, twitterArchiveSheetLayout];
