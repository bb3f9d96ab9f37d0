import { describe, expect, test } from '@jest/globals';
import { isTelegramHtmlExport } from '../../../src/adapters/readers/telegram-html.js';
import { recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';

/** A page of Telegram Desktop's HTML export holding these message blocks. */
function htmlPage(blocks: readonly string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html>',
    ' <head>',
    '  <meta charset="utf-8"/>',
    '<title>Exported Data</title>',
    ' </head>',
    ' <body onload="CheckLocation();">',
    '  <div class="page_wrap">',
    '   <div class="page_header"><div class="content"><div class="text bold">',
    'Northgate Residents',
    '   </div></div></div>',
    '   <div class="page_body chat_page">',
    '    <div class="history">',
    ...blocks,
    '    </div>',
    '   </div>',
    '  </div>',
    ' </body>',
    '</html>',
    '',
  ].join('\n');
}

function htmlMessage(number: number, from: string | null, title: string, text: string): string {
  const name = from === null ? '' : `<div class="from_name">\n${from}\n</div>`;
  const joined = from === null ? ' joined' : '';
  return `<div class="message default clearfix${joined}" id="message${number}">\n<div class="body">\n<div class="pull_right date details" title="${title}">\n10:02\n</div>\n${name}\n<div class="text">\n${text}\n</div>\n</div>\n</div>`;
}

describe('isTelegramHtmlExport', () => {
  test("a page titled Exported Data with a chat's history is one; another HTML page is not", () => {
    expect(isTelegramHtmlExport(htmlPage([]))).toBe(true);
    expect(isTelegramHtmlExport('<html><head><title>Report</title></head><body><table><tr><td>1</td></tr></table></body></html>')).toBe(
      false,
    );
  });
});

describe("a Telegram chat exported as HTML (Telegram Desktop's default)", () => {
  test('each message is a record by its sender; a joined message is by the sender above; dates without a zone are UTC', async () => {
    const page = htmlPage([
      htmlMessage(10, 'Priya Sharma', '12.06.2024 10:02:41', 'The 42 is late &amp; full'),
      htmlMessage(11, null, '12.06.2024 10:03:00', 'every <em>single</em> day'),
      htmlMessage(12, '+44 7700 900123', '12.06.2024 10:04:00', 'Same here'),
    ]);
    const result = await readTempInput('messages.html', page);
    expect(result.format).toBe('telegram-chat');
    expect(
      recordsOf(result).map((record) => `${record.provenance.part ?? ''} ${record.author ?? '-'} @ ${record.date ?? '-'}: ${record.text}`),
    ).toEqual([
      'message10 Priya Sharma @ 2024-06-12T10:02:41.000Z: The 42 is late & full',
      'message11 Priya Sharma @ 2024-06-12T10:03:00.000Z: every single day',
      'message12 - @ 2024-06-12T10:04:00.000Z: Same here',
    ]);
    expect(JSON.stringify(result.items)).not.toContain('7700');
    expect(recordsOf(result)[0]?.meta).toEqual({ telegramChat: 'Northgate Residents' });
  });

  test('an HTML page with no message blocks, read as Telegram, is refused saying so', async () => {
    const result = await readTempInput('messages.html', htmlPage(['<p>nothing here</p>']), { format: 'telegram-chat' });
    expect(result.error).toContain('no Telegram messages');
  });
});
