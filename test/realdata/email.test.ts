import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import type { FeedbackRecord } from '../../src/record/record.js';
import { countItems, readFileItems, recordsOf, REALDATA_ROOT, type FileReadResult } from '../helpers/read-fixture.js';

/**
 * The shared real e-mail exports (../shared/realdata/email/), each read by hand first: the counts
 * and texts below are what a person finds in them, decoded by eye (base64, quoted-printable,
 * RFC 2047, Latin-1), with quotes, attributions, signatures and header blocks left out.
 */
const describeRealData = REALDATA_ROOT === null ? describe.skip : describe;
const EMAIL_DIR = join(REALDATA_ROOT ?? '', 'email');

/** Reads a file by detection alone (no --format) and checks the format it was detected as. */
async function read(name: string, format: 'eml' | 'mbox'): Promise<FileReadResult> {
  const result = await readFileItems(join(EMAIL_DIR, name), { displayPath: `email/${name}` });
  expect(result.error).toBeNull();
  expect(result.format).toBe(format);
  return result;
}

function only(result: FileReadResult): FeedbackRecord {
  const records = recordsOf(result);
  expect(records).toHaveLength(1);
  const [record] = records;
  if (record === undefined) throw new Error('no record');
  return record;
}

/** What must never be in a record stored from an e-mail. */
function expectCleanRecords(records: readonly FeedbackRecord[]): void {
  const address = /[\w.+-]+@[\w-]+\.[\w.-]+/;
  for (const record of records) {
    expect(record.channel).toBe('email');
    expect(record.text).not.toMatch(/^\s*>/m);
    expect(record.text).not.toMatch(/\bwrote:\s*$/im);
    expect(record.text).not.toMatch(/<\/?(?:html|head|body|p|div|span|br|a|b|i|font|blockquote|table|tr|td|style|o:p)\b[^>]*>/i);
    expect(record.text).not.toMatch(/&(?:amp|lt|gt|quot|nbsp|#\d+);/);
    expect(record.text).not.toContain('\ufffd');
    expect(record.text).not.toMatch(address);
    expect(record.text).not.toMatch(/^-- ?$/m);
    if (record.author !== null) expect(record.author).not.toMatch(address);
    expect(JSON.stringify(record.meta)).not.toMatch(address);
  }
}

describeRealData('real e-mail exports', () => {
  test('reply-gmail-quoted.eml: only "Hello"; no attribution, no quote', async () => {
    const result = await read('reply-gmail-quoted.eml', 'eml');
    expect(countItems(result)).toEqual({ record: 1 });
    const record = only(result);
    expect(record).toMatchObject({
      sourceId: 'CAKsfaBW4hj0Gek6TwbR3erng4P1y0CZzJ0d=pXtCNnYnbe7PLg@mail.gmail.com',
      author: 'Megan One',
      date: '2012-04-02T16:21:52.000Z',
      text: 'Hello',
      inReplyTo: null,
      meta: { subject: 'Re: Test' },
      provenance: { file: 'email/reply-gmail-quoted.eml', line: 1 },
    });
    expectCleanRecords([record]);
  });

  test('reply-android-base64-russian.eml: the base64 body loses its Russian two-line attribution', async () => {
    const result = await read('reply-android-base64-russian.eml', 'eml');
    expect(countItems(result)).toEqual({ record: 1 });
    const record = only(result);
    expect(record).toMatchObject({ author: 'Sergey Obykhov', date: '2012-04-02T14:22:10.000Z', text: 'Hello' });
    expect(record.text).not.toContain('написал');
    expectCleanRecords([record]);
  });

  test('reply-outlook-header-block.eml: the From:/Sent:/To:/Subject: block and all after it go', async () => {
    const result = await read('reply-outlook-header-block.eml', 'eml');
    expect(countItems(result)).toEqual({ record: 1 });
    const record = only(result);
    expect(record).toMatchObject({ author: null, date: null, text: 'Hello', meta: { subject: 'Test' } });
    expect(record.sourceId).toMatch(/^content:/);
    expect(record.text).not.toContain('Loop');
    expectCleanRecords([record]);
  });

  test('yahoo-utf8-b-encoded-subject.eml: two B-encoded words join into English + Russian', async () => {
    const result = await read('yahoo-utf8-b-encoded-subject.eml', 'eml');
    expect(countItems(result)).toEqual({ record: 1 });
    const record = only(result);
    expect(record).toMatchObject({
      sourceId: '341090.85574.qm@web50704.mail.re2.yahoo.com',
      author: 'Hello',
      date: '2010-02-07T22:02:38.000Z',
      text: 'This line is in English\nА эта линия по-русски.',
      meta: { subject: 'Simple text. How are you? Как ты поживаешь?' },
    });
    expectCleanRecords([record]);
  });

  const FABLE =
    'Die Hasen und die Frösche\n\n' +
    'Die Hasen klagten einst über ihre mißliche Lage; "wir leben", sprach ein Redner, "in steter Furcht vor Menschen und Tieren, eine Beute der Hunde, der Adler, ja fast aller Raubtiere! Unsere stete Angst ist ärger als der Tod selbst. Auf, laßt uns ein für allemal sterben."\n\n' +
    'In einem nahen Teich wollten sie sich nun ersäufen; sie eilten ihm zu; allein das außerordentliche Getöse und ihre wunderbare Gestalt erschreckte eine Menge Frösche, die am Ufer saßen, so sehr, daß sie aufs schnellste untertauchten.\n\n' +
    '"Halt", rief nun eben dieser Sprecher, "wir wollen das Ersäufen noch ein wenig aufschieben, denn auch uns fürchten, wie ihr seht, einige Tiere, welche also wohl noch unglücklicher sein müssen als wir."';

  test('eudora-8bit-latin1-body.eml: raw Latin-1 bytes in body and subject decode with umlauts', async () => {
    const result = await read('eudora-8bit-latin1-body.eml', 'eml');
    expect(countItems(result)).toEqual({ record: 1 });
    const record = only(result);
    expect(record).toMatchObject({
      sourceId: '4.2.0.58.20000519010842.00a8c7f0@pop.example.com',
      author: 'Doug Sauder',
      date: '2000-05-19T05:10:27.000Z',
      text: FABLE,
      meta: { subject: 'Die Hasen und die Frösche' },
    });
    expectCleanRecords([record]);
  });

  test('eudora-multipart-alternative-latin1-qp.eml: the Latin-1 QP text part, not the HTML', async () => {
    const result = await read('eudora-multipart-alternative-latin1-qp.eml', 'eml');
    expect(countItems(result)).toEqual({ record: 1 });
    const record = only(result);
    expect(record).toMatchObject({
      author: 'Doug Sauder',
      date: '2000-05-19T04:29:55.000Z',
      text: FABLE,
      meta: { subject: 'Die Hasen und die Frösche' },
    });
    expectCleanRecords([record]);
  });

  test('apache-kafka-users-base64-related.eml: envelope line, base64 text part, address-only sender', async () => {
    const result = await read('apache-kafka-users-base64-related.eml', 'eml');
    expect(countItems(result)).toEqual({ record: 1 });
    const record = only(result);
    expect(record).toMatchObject({
      sourceId: '2021111716102807678710@emrubik.com',
      author: null,
      date: '2021-11-17T08:10:30.000Z',
      inReplyTo: null,
      meta: { subject: 'Hi Team,', listId: 'users.kafka.apache.org' },
    });
    expect(
      record.text.startsWith(
        'Hi Team,\n\nI want obtain consumer group information through the Kafka JAVA API ，As shown in figure\n\nProperties properties = new Properties();',
      ),
    ).toBe(true);
    expect(record.text).toContain(
      'Map<String, KafkaFuture<ConsumerGroupDescription>> map = describeConsumerGroupsResult.describedGroups();',
    );
    expect(
      record.text.endsWith('The ConsumerGroupDescription object does not get the information. how to get it ?many thanks in advance'),
    ).toBe(true);
    expectCleanRecords([record]);
  });

  test('apache-users-list-2022-01.mbox: six list messages, each with its own new words, without sign-off names', async () => {
    const result = await read('apache-users-list-2022-01.mbox', 'mbox');
    expect(countItems(result)).toEqual({ record: 6 });
    const records = recordsOf(result);
    expect(records.map((record) => [record.author, record.date, record.provenance.line, record.provenance.part])).toEqual([
      ['Daniel Sahlberg', '2022-01-02T11:01:50.000Z', 1, 'message 1'],
      ['John D. Ament', '2022-01-02T13:33:24.000Z', 117, 'message 2'],
      ['Daniel Sahlberg', '2022-01-04T12:53:29.000Z', 223, 'message 3'],
      ['Daniel Sahlberg', '2022-01-05T10:17:02.000Z', 305, 'message 4'],
      ['sebb', '2022-01-06T00:54:45.000Z', 444, 'message 5'],
      ['Daniel Gruno', '2022-01-06T16:25:58.000Z', 569, 'message 6'],
    ]);
    expect(records.every((record) => record.meta['listId'] === 'users.ponymail.apache.org')).toBe(true);
    const [first, second, third, , fifth, sixth] = records;
    expect(first?.text.startsWith('Hi,\n\nOn behalf of the Subversion community. We have a form on our our site [1]\n')).toBe(true);
    expect(
      first?.text.endsWith(
        'name of the input fields as part of the URL.\n\nThanks in advance!\n\n[1] https://subversion.apache.org/mailing-lists.html',
      ),
    ).toBe(true);
    expect(second?.text).toBe(
      'Hi Daniel\n\nI think a link like this is what you\'re looking for. Just change "Wayita"\nwith something else the user is searching for.\n\nhttps://lists.apache.org/list?*@subversion.apache.org:gte=0d:Wayita',
    );
    expect(second?.inReplyTo).toBe(first?.sourceId);
    expect(third?.sourceId).toBe('pony-79a78de0-1ff7-464a-a6b9-996ecbd34813-users@ponymail.apache.org');
    expect(third?.inReplyTo).toBe(second?.sourceId);
    expect(
      third?.text.endsWith('(something like https://lists.apache.org/search?list=*@subversion.apache.org&time=gte%3D0d&q=Wayita).'),
    ).toBe(true);
    expect(fifth?.text).toBe(
      'Lists.apache.org is run by a 3rd party. Please contact Infra regarding\nthis issue.\n\nFTR, it looks like lists.a.o has not extracted the attachment; see:\nhttps://lists.apache.org/api/email.lua?id=km3dkh2b7cqddyp45n6n7x13n2wmxwcy\n\nThe attachments array (near the bottom) is empty.\n\nNote that mod_mbox does/did provide direct access to such attachments.',
    );
    expect(sixth?.text).toBe(
      "The issue at hand is that the attachment is nameless (does not have a filename specified in the content-disposition header), so the importer would not have known this was meant to be an attached file (it thinks it's an alternate body I guess). You can view the source of the email and see the inline-attached email, but you are not able to download it separately due to it having no filename. I'm not sure if/how this should be addressed.\n\nYou can view the source in the UI, or at https://lists.apache.org/api/source.lua?id=km3dkh2b7cqddyp45n6n7x13n2wmxwcy",
    );
    expectCleanRecords(records);
  });

  test('mailing-list-2004-2008-complex.mbox: quotes before and between the new words are removed', async () => {
    const result = await read('mailing-list-2004-2008-complex.mbox', 'mbox');
    expect(countItems(result)).toEqual({ record: 2 });
    const [eugenia, danilo] = recordsOf(result);
    expect(eugenia).toMatchObject({
      sourceId: 'BAY12-DAV6Dhd2stb2e0000c0ce@hotmail.com',
      author: 'Eugenia Loli-Queru',
      date: '2004-09-22T09:03:40.000Z',
      text: 'No matter what is really to blame, it ultimately [...]\n\n[...]',
      meta: { subject: 'Re: Revisiting the Gnome Bindings', listId: 'desktop-devel-list.gnome.org' },
    });
    expect(danilo).toMatchObject({
      sourceId: '87iqzlofqu.fsf@avet.kvota.net',
      author: 'Danilo Šegan',
      date: '2008-03-17T09:35:05.000Z',
      inReplyTo: '1205676169.6819.27.camel@user-computer.NETWORK',
      provenance: { line: 62, part: 'message 2' },
    });
    expect(
      danilo?.text.startsWith("Hi Simos,\n\nI am not handling Ubuntu packaging stuff—it'd be worth checking with\nUbuntu guys instead."),
    ).toBe(true);
    expect(danilo?.text).toContain("the metrics on.\n\nThey wouldn't be. A majority of el_GR");
    expect(danilo?.text).toContain('\n\ncurrent gettext("Something") != such gettext("Something")\n\n');
    expect(danilo?.text.endsWith('make the decision.')).toBe(true);
    for (const quoted of ['Simos Xenitellis wrote', 'lsof', 'From the 2.3M', 'PO files for en_GB'])
      expect(danilo?.text).not.toContain(quoted);
    expectCleanRecords(recordsOf(result));
  });
});
