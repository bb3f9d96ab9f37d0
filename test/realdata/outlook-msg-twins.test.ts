import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { simpleParser } from 'mailparser';
import { buildOutlookMsg } from '../builders/outlook-msg-builder.js';
import { readFileItems, recordsOf, REALDATA_ROOT } from '../helpers/read-fixture.js';

/**
 * Each shared real .eml (../shared/realdata/email/) saved again as Outlook would keep it in a
 * .msg: its header block as the transport headers, its decoded subject, sender name, text and
 * HTML parts as MAPI properties (8-bit header bytes read as Latin-1, as Outlook shows them).
 * Read through the outlook-msg adapter, it must give the record the eml adapter gives, field for
 * field: the two adapters share the header, reply and HTML rules, and this holds them to it.
 */
const describeRealData = REALDATA_ROOT === null ? describe.skip : describe;
const EMAIL_DIR = join(REALDATA_ROOT ?? '', 'email');
const EML_FILES = REALDATA_ROOT === null ? [] : readdirSync(EMAIL_DIR).filter((name) => name.endsWith('.eml'));

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tlap-msg-twins-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The message as Outlook would save it: transport headers, subject, sender, bodies. */
async function outlookTwin(raw: Buffer): Promise<Buffer> {
  const blank = raw.indexOf('\r\n\r\n') !== -1 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const head = raw.subarray(0, blank);
  const headText = head.toString(isUtf8(head) ? 'utf8' : 'latin1');
  const utf8Raw = Buffer.concat([Buffer.from(headText, 'utf8'), raw.subarray(blank)]);
  const parsed = await simpleParser(utf8Raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  const from = parsed.from?.value[0];
  return buildOutlookMsg({
    transportHeaders: `${headText}\r\n\r\n`,
    ...(parsed.subject === undefined ? {} : { subject: parsed.subject }),
    ...(from?.name ? { senderName: from.name } : {}),
    ...(from?.address === undefined ? {} : { senderAddress: from.address }),
    ...(parsed.text === undefined ? {} : { body: parsed.text }),
    ...(typeof parsed.html === 'string' ? { html: Buffer.from(parsed.html, 'utf8'), internetCodePage: 65001 } : {}),
  });
}

describeRealData('real e-mails saved as .msg read as their .eml does', () => {
  test.each(EML_FILES)('%s', async (name) => {
    const raw = readFileSync(join(EMAIL_DIR, name));
    const path = join(dir, name.replace(/\.eml$/, '.msg'));
    await writeFile(path, await outlookTwin(raw));
    const fromEml = recordsOf(await readFileItems(join(EMAIL_DIR, name), { displayPath: name }));
    const msgResult = await readFileItems(path, { displayPath: name.replace(/\.eml$/, '.msg') });
    const fromMsg = recordsOf(msgResult);
    const comparable = (records: typeof fromEml) => records.map(({ format: _format, provenance: _provenance, ...record }) => record);
    expect(comparable(fromMsg)).toEqual(comparable(fromEml));
  });
});
