import type { FormatAdapter } from './format-adapter.js';
import { csvTableAdapter } from './formats/csv-table.js';
import { emlAdapter } from './formats/eml.js';
import { emlxAdapter } from './formats/emlx.js';
import { outlookMsgAdapter } from './formats/outlook-msg.js';
import { mailTextAdapter } from './formats/mail-text.js';
import { outlookCsvAdapter } from './formats/outlook-csv.js';
import { jsonRecordsAdapter } from './formats/json-records.js';
import { mboxAdapter } from './formats/mbox.js';
import { twitterArchiveAdapter } from './formats/twitter-archive.js';
import { twitterApiV1Adapter } from './formats/twitter-api-v1.js';
import { snscrapeTwitterAdapter } from './formats/snscrape-twitter.js';
import { twitterApiV2Adapter } from './formats/twitter-api-v2.js';
import { tagsCsvAdapter } from './formats/tags-csv.js';
import { twarcCsvAdapter } from './formats/twarc-csv.js';
import { rtweetCsvAdapter } from './formats/rtweet-csv.js';
import { twitterArchiveCsvAdapter } from './formats/twitter-archive-csv.js';
import { mastodonAdapter } from './formats/mastodon.js';
import { blueskyAdapter } from './formats/bluesky.js';
import { blueskyRepoAdapter } from './formats/bluesky-repo.js';
import { eventNotesAdapter } from './formats/event-notes.js';
import { docxDocumentAdapter } from './formats/docx-document.js';
import { docDocumentAdapter } from './formats/doc-document.js';
import { odtDocumentAdapter } from './formats/odt-document.js';
import { pdfDocumentAdapter } from './formats/pdf-document.js';
import { srtAdapter } from './formats/srt.js';
import { sbvAdapter } from './formats/sbv.js';
import { youtubeJson3Adapter } from './formats/youtube-json3.js';
import { youtubeSrv3Adapter } from './formats/youtube-srv3.js';
import { youtubeSrv2Adapter } from './formats/youtube-srv2.js';
import { youtubeSrv1Adapter } from './formats/youtube-srv1.js';
import { ttmlAdapter } from './formats/ttml.js';
import { transcriptJsonAdapter } from './formats/transcript-json.js';
import { transcriptTextAdapter } from './formats/transcript-text.js';
import { timedTextAdapter } from './formats/timed-text.js';
import { zoomChatAdapter } from './formats/zoom-chat.js';
import { whatsappChatAdapter } from './formats/whatsapp-chat.js';
import { webvttAdapter } from './formats/webvtt.js';
import { wordpressWxrAdapter } from './formats/wordpress-wxr.js';
import { disqusXmlAdapter } from './formats/disqus-xml.js';
import { commentoJsonAdapter } from './formats/commento-json.js';
import { youtubeCommentsAdapter } from './formats/youtube-comments.js';
import { youtubeDownloadedCommentsAdapter } from './formats/youtube-downloaded-comments.js';
import { facebookCommentsAdapter } from './formats/facebook-comments.js';
import { redditAdapter } from './formats/reddit.js';
import { instagramCommentsAdapter } from './formats/instagram-comments.js';
import { slackExportAdapter } from './formats/slack-export.js';
import { telegramChatAdapter } from './formats/telegram-chat.js';
import { discordChatAdapter } from './formats/discord-chat.js';
import { bloggerAtomAdapter } from './formats/blogger-atom.js';
import { polisCommentsAdapter } from './formats/polis-comments.js';
import { regulationsGovCommentsAdapter } from './formats/regulations-gov-comments.js';
import { themefinderInputsAdapter } from './formats/themefinder-inputs.js';
import { surveyCsvAdapter } from './formats/survey-csv.js';
import { xlsxWorkbookAdapter } from './formats/xlsx-workbook.js';
import { xmlSpreadsheetAdapter } from './formats/xml-spreadsheet.js';
import { htmlTableAdapter } from './formats/html-table.js';
import { odsSpreadsheetAdapter } from './formats/ods-spreadsheet.js';
import { xlsWorkbookAdapter } from './formats/xls-workbook.js';

/**
 * Every format tlap reads: the one list that detection, `--format` and `tlap formats` use.
 * Specific formats come before the generic table and JSON readers, which win only when nothing
 * more specific recognises a file. Adding a format: one file in src/adapters/, one line here,
 * and its fixtures in fixtures/adapters/<name>/.
 */
export const ADAPTERS: readonly FormatAdapter[] = [
  mboxAdapter,
  emlAdapter,
  emlxAdapter,
  outlookMsgAdapter,
  mailTextAdapter,
  outlookCsvAdapter,
  twitterArchiveAdapter,
  twitterApiV1Adapter,
  snscrapeTwitterAdapter,
  twitterApiV2Adapter,
  tagsCsvAdapter,
  twarcCsvAdapter,
  rtweetCsvAdapter,
  twitterArchiveCsvAdapter,
  mastodonAdapter,
  blueskyAdapter,
  blueskyRepoAdapter,
  webvttAdapter,
  srtAdapter,
  sbvAdapter,
  youtubeJson3Adapter,
  youtubeSrv3Adapter,
  youtubeSrv2Adapter,
  youtubeSrv1Adapter,
  ttmlAdapter,
  transcriptJsonAdapter,
  zoomChatAdapter,
  whatsappChatAdapter,
  transcriptTextAdapter,
  timedTextAdapter,
  eventNotesAdapter,
  docxDocumentAdapter,
  docDocumentAdapter,
  odtDocumentAdapter,
  pdfDocumentAdapter,
  xmlSpreadsheetAdapter,
  htmlTableAdapter,
  wordpressWxrAdapter,
  disqusXmlAdapter,
  commentoJsonAdapter,
  youtubeCommentsAdapter,
  youtubeDownloadedCommentsAdapter,
  facebookCommentsAdapter,
  instagramCommentsAdapter,
  redditAdapter,
  slackExportAdapter,
  telegramChatAdapter,
  discordChatAdapter,
  bloggerAtomAdapter,
  polisCommentsAdapter,
  regulationsGovCommentsAdapter,
  themefinderInputsAdapter,
  surveyCsvAdapter,
  xlsxWorkbookAdapter,
  xlsWorkbookAdapter,
  odsSpreadsheetAdapter,
  csvTableAdapter,
  jsonRecordsAdapter,
];

/** Finds an adapter by its `--format` name. */
export function findAdapter(name: string): FormatAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.name === name);
}

/** The names `--format` accepts, in registry order. */
export function adapterNames(): string[] {
  return ADAPTERS.map((adapter) => adapter.name);
}
