import { describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import type { AdapterItem } from '../../../src/adapters/format-adapter.js';
import type { RecordDraft } from '../../../src/record/record.js';
import { MAX_HEADER_BYTES, MAX_MIME_PARTS, emailMessageItems, rejectionWords } from '../../../src/adapters/readers/email-message.js';

const LOCATION = { provenance: { file: 'in.mbox', line: 7, part: 'message 2' }, label: 'message 2' };

/** A message from header lines and body lines, CRLF-terminated like mail on the wire. */
function message(headers: string[], body: string[] | Buffer): Buffer {
  const head = Buffer.from(`${headers.join('\r\n')}\r\n\r\n`, 'utf8');
  return Buffer.concat([head, Buffer.isBuffer(body) ? body : Buffer.from(body.join('\r\n'), 'utf8')]);
}

const BASIC_HEADERS = [
  'From: Jane Carer <jane@example.org>',
  'Date: Tue, 21 Jan 2014 09:00:00 +0000',
  'Message-ID: <m1@example.org>',
  'Subject: Day centre',
];

async function only(raw: Buffer): Promise<AdapterItem> {
  const items = await emailMessageItems(raw, LOCATION);
  expect(items).toHaveLength(1);
  const [item] = items;
  if (item === undefined) throw new Error('no item');
  return item;
}

async function draftOf(raw: Buffer): Promise<RecordDraft> {
  const item = await only(raw);
  if (item.kind !== 'record') throw new Error(`expected a record, got ${JSON.stringify(item)}`);
  return item.draft;
}

describe('emailMessageItems: the record', () => {
  test('fields come from the headers; no address anywhere', async () => {
    const draft = await draftOf(
      message(
        [
          ...BASIC_HEADERS,
          "In-Reply-To: <parent@example.org> (Bob's message)",
          'List-Id: Carers list <carers.example.org>',
          'To: list@example.org',
        ],
        ['Please keep it open.'],
      ),
    );
    expect(draft).toEqual({
      sourceId: 'm1@example.org',
      author: 'Jane Carer',
      date: '2014-01-21T09:00:00.000Z',
      text: 'Please keep it open.',
      inReplyTo: 'parent@example.org',
      meta: { subject: 'Day centre', listId: 'carers.example.org' },
      provenance: LOCATION.provenance,
    });
  });

  test("an address in the subject is masked (meta never holds anyone's address)", async () => {
    const draft = await draftOf(message(['Subject: Fwd: note from bob@example.org'], ['Hi']));
    expect(draft.meta).toEqual({ subject: 'Fwd: note from [address]' });
  });

  test('no Message-ID, no Date and no display name give nulls', async () => {
    const draft = await draftOf(message(['From: jane@example.org', 'Subject: x'], ['Hi']));
    expect([draft.sourceId, draft.date, draft.author]).toEqual([null, null, null]);
  });

  test.each([
    ['"jane@example.org" <jane@example.org>', null],
    ['Jane (jane@example.org) <jane@example.org>', 'Jane'],
    ['jane@example.org (Jane =?utf-8?Q?=C5=A0egan?=)', 'Jane Šegan'],
    ['=?iso-8859-1?Q?Ren=E9?= Dupont <rene@example.fr>', 'René Dupont'],
  ])('author from "%s" is %s', async (from, expected) => {
    const draft = await draftOf(message([`From: ${from}`], ['Hi']));
    expect(draft.author).toBe(expected);
  });

  test('a date with doubled spaces and a zone comment is still read; a bad one is null, not "now"', async () => {
    expect((await draftOf(message(['Date: Sun,  2 Jan 2022 12:02:19 +0100 (CET)'], ['Hi']))).date).toBe('2022-01-02T11:02:19.000Z');
    expect((await draftOf(message(['Date: sometime last week'], ['Hi']))).date).toBeNull();
  });

  test('only the new words are kept', async () => {
    const draft = await draftOf(
      message(BASIC_HEADERS, ['Yes.', '', 'On Mon, 20 Jan 2014 at 10:00, Bob <bob@example.org> wrote:', '> Coming?']),
    );
    expect(draft.text).toBe('Yes.');
  });
});

describe('emailMessageItems: decoding', () => {
  test('quoted-printable Windows-1252 body', async () => {
    const draft = await draftOf(
      message(
        [...BASIC_HEADERS, 'Content-Type: text/plain; charset=windows-1252', 'Content-Transfer-Encoding: quoted-printable'],
        ['=93Caf=E9=94 =80 5'],
      ),
    );
    expect(draft.text).toBe('\u201cCafé\u201d € 5');
  });

  test('UTF-7 body (which mailparser alone refuses) is decoded', async () => {
    const body = iconv.encode('Grüße, 日本', 'utf7');
    const draft = await draftOf(message([...BASIC_HEADERS, 'Content-Type: text/plain; charset=utf-7'], body));
    expect(draft.text).toBe('Grüße, 日本');
  });

  test('raw 8-bit Latin-1 headers are read in the declared charset', async () => {
    const head = Buffer.concat([
      Buffer.from('From: Ren'),
      Buffer.from([0xe9]),
      Buffer.from(' <r@example.fr>\r\nSubject: Fr'),
      Buffer.from([0xf6]),
      Buffer.from('sche\r\nContent-Type: text/plain; charset="iso-8859-1"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'),
    ]);
    const draft = await draftOf(Buffer.concat([head, Buffer.from([0x46, 0x72, 0xf6, 0x73, 0x63, 0x68, 0x65])]));
    expect([draft.author, draft.meta?.['subject'], draft.text]).toEqual(['René', 'Frösche', 'Frösche']);
  });

  test('format=flowed is unwrapped, delsp honoured', async () => {
    const flowed = await draftOf(
      message(
        [...BASIC_HEADERS, 'Content-Type: text/plain; charset=utf-8; format=flowed'],
        ['Soft breaks follow a ', 'space.', 'A hard break.'],
      ),
    );
    expect(flowed.text).toBe('Soft breaks follow a space.\nA hard break.');
    const delsp = await draftOf(
      message(
        [...BASIC_HEADERS, 'Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes'],
        ['One long para ', 'graph that goes  ', 'on.', '', 'Next.'],
      ),
    );
    expect(delsp.text).toBe('One long paragraph that goes on.\n\nNext.');
  });

  test('an HTML-only message is converted, and its Gmail quote removed', async () => {
    const draft = await draftOf(
      message(
        [...BASIC_HEADERS, 'Content-Type: text/html; charset=utf-8'],
        [
          '<p>Hello &amp; <b>thanks</b></p><div class="gmail_quote">On Mon, 20 Jan 2014 at 10:00, Bob &lt;<a href="mailto:bob@example.org">bob@example.org</a>&gt; wrote:<br><blockquote class="gmail_quote">Hi<br>there</blockquote></div>',
        ],
      ),
    );
    expect(draft.text).toBe('Hello & thanks');
  });

  test('the text part wins over the HTML part; attachments are never text', async () => {
    const draft = await draftOf(
      message(
        [...BASIC_HEADERS, 'Content-Type: multipart/mixed; boundary="b1"'],
        [
          '--b1',
          'Content-Type: multipart/alternative; boundary="b2"',
          '',
          '--b2',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Plain words.',
          '--b2',
          'Content-Type: text/html; charset=utf-8',
          '',
          '<p>HTML words.</p>',
          '--b2--',
          '--b1',
          'Content-Type: text/plain; name="notes.txt"',
          'Content-Disposition: attachment; filename="notes.txt"',
          '',
          'Attached notes.',
          '--b1',
          'Content-Type: application/pdf; name="a.pdf"',
          'Content-Transfer-Encoding: base64',
          '',
          Buffer.from('%PDF-1.4 fake').toString('base64'),
          '--b1--',
        ],
      ),
    );
    expect(draft.text).toBe('Plain words.');
  });

  /** A multipart/mixed body of the given parts, each `[headers…, '', content]`. */
  function mixed(parts: string[][], headers: string[] = BASIC_HEADERS): Buffer {
    return message([...headers, 'Content-Type: multipart/mixed; boundary="b1"'], [...parts.flatMap((part) => ['--b1', ...part]), '--b1--']);
  }

  test('an HTML part beside the text part with words of its own is read after it, not lost', async () => {
    const draft = await draftOf(
      mixed([
        ['Content-Type: text/plain; charset=utf-8', '', 'Passing on what my neighbour wrote to me:'],
        [
          'Content-Type: text/html; charset=utf-8',
          '',
          '<div><p>The library bus no longer stops in Hollins Road.</p><p>Older people there have no other way in.</p></div>',
        ],
      ]),
    );
    expect(draft.text).toBe(
      'Passing on what my neighbour wrote to me:\n\nThe library bus no longer stops in Hollins Road.\n\nOlder people there have no other way in.',
    );
  });

  test('an HTML part beside the text part that repeats its words is an alternative, and not read twice', async () => {
    const draft = await draftOf(
      mixed([
        ['Content-Type: text/plain; charset=utf-8', '', 'Please keep the Tuesday lunch club.', '', 'It is the only time my dad goes out.'],
        [
          'Content-Type: text/html; charset=utf-8',
          '',
          '<html><body><p>Please keep the <b>Tuesday</b> lunch club.</p><p>It is the only time my dad goes out.</p></body></html>',
        ],
      ]),
    );
    expect(draft.text).toBe('Please keep the Tuesday lunch club.\n\nIt is the only time my dad goes out.');
  });

  test('a text part with a file name is an attached file, not the body; alone, it is the body', async () => {
    const named = [
      ['Content-Type: text/plain; charset=utf-8', '', 'My comments are below.', '', 'The new bin rota is confusing.'],
      [
        'Content-Type: text/plain; charset=utf-8; name="notes.txt"',
        'Content-Disposition: inline; filename="notes.txt"',
        '',
        'shopping: milk, eggs',
      ],
      ['Content-Type: text/plain; name="ATT00001.txt"', '', 'This list is run by the council.'],
    ];
    const items = await emailMessageItems(mixed(named), LOCATION);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'record', draft: { text: 'My comments are below.\n\nThe new bin rota is confusing.' } });
    const read: string[] = [];
    await emailMessageItems(mixed(named), LOCATION, 0, (file) => {
      read.push(`${file.name} ${file.contentType} ${file.bytes.toString('utf8')}`);
      return null;
    });
    expect(read).toEqual(['notes.txt text/plain shopping: milk, eggs', 'ATT00001.txt text/plain This list is run by the council.']);
    const alone = await draftOf(
      mixed([
        [
          'Content-Type: text/plain; name="message.txt"',
          'Content-Disposition: inline; filename="message.txt"',
          '',
          'Open the toilets at the park.',
        ],
      ]),
    );
    expect(alone.text).toBe('Open the toilets at the park.');
  });

  test.each(['Content-Type: text/plain; charset=utf-8', 'Content-Type: text/plain; charset=us-ascii', 'Content-Type: text/plain'])(
    'a body that is not UTF-8 under %p is read as Windows-1252, never U+FFFD',
    async (contentType) => {
      const items = await emailMessageItems(
        message([...BASIC_HEADERS, contentType], Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0xa3, 0x35])),
        LOCATION,
      );
      expect(items.map((item) => item.kind)).toEqual(['record']);
      expect(items[0]).toMatchObject({ kind: 'record', draft: { text: 'Café £5' } });
    },
  );

  test('text that holds U+FFFD after decoding comes with a warning', async () => {
    const items = await emailMessageItems(
      message([...BASIC_HEADERS, 'Content-Type: text/plain; charset=utf-8'], Buffer.from('Caf\ufffd', 'utf8')),
      LOCATION,
    );
    expect(items.map((item) => item.kind)).toEqual(['record', 'warning']);
    expect(items[1]).toMatchObject({
      kind: 'warning',
      provenance: LOCATION.provenance,
      message: expect.stringContaining('message 2: its text holds bytes that could not be decoded'),
    });
  });
});

describe('emailMessageItems: auto-replies are filtered', () => {
  test.each([
    ['Auto-Submitted: auto-replied', 'Auto-Submitted: auto-replied'],
    ['X-Autoreply: yes', 'X-Autoreply: yes'],
    ['Precedence: auto_reply', 'Precedence: auto_reply'],
    ['Subject: Out of Office: back on Monday', 'an out-of-office or automatic-reply subject'],
    ['Subject: Automatic reply: Day centre', 'an out-of-office or automatic-reply subject'],
  ])('%s', async (header, detail) => {
    const item = await only(message(['From: Jane <jane@example.org>', 'Message-ID: <a1@example.org>', header], ['I am away.']));
    expect(item).toEqual({ kind: 'filtered', rule: 'auto-reply', provenance: LOCATION.provenance, sourceId: 'a1@example.org', detail });
  });

  test('Auto-Submitted: no and a subject that only mentions the office are kept', async () => {
    expect((await only(message(['Auto-Submitted: no', 'Subject: Re: out of office hours support'], ['Hi']))).kind).toBe('record');
  });
});

describe('emailMessageItems: unsent drafts are filtered', () => {
  test.each([
    ['X-Mozilla-Draft-Info: internal/draft; vcard=0; receipt=0; DSN=0; uuencode=0;', "Thunderbird's X-Mozilla-Draft-Info"],
    ['X-Uniform-Type-Identifier: com.apple.mail-draft', "Apple Mail's com.apple.mail-draft type"],
    ['X-Unsent: 1', "Outlook's X-Unsent: 1"],
  ])('%s on a message no server carried', async (header, name) => {
    const item = await only(message([...BASIC_HEADERS, header], ['Half-written reply to the survey']));
    expect(item).toEqual({
      kind: 'filtered',
      rule: 'not-feedback',
      provenance: LOCATION.provenance,
      sourceId: 'm1@example.org',
      detail: `an unsent draft (${name}, and no mail server's Received: line)`,
    });
  });

  test('a message sent from a draft keeps the header, and is read once a server has carried it', async () => {
    const draft = await draftOf(
      message(
        [
          'Received: from mail.example.org by mx.example.net; Tue, 21 Jan 2014 09:00:02 +0000',
          ...BASIC_HEADERS,
          'X-Mozilla-Draft-Info: internal/draft; vcard=0; receipt=0; DSN=0; uuencode=0;',
          'X-Uniform-Type-Identifier: com.apple.mail-draft',
        ],
        ['Please keep it open.'],
      ),
    );
    expect(draft.text).toBe('Please keep it open.');
  });

  test('what the mailbox says of a message filters it, whatever its headers', async () => {
    expect((await only(message(BASIC_HEADERS, ['Not sent yet']))).kind).toBe('record');
    const items = await emailMessageItems(message(BASIC_HEADERS, ['Not sent yet']), LOCATION, 0, undefined, {
      rule: 'not-feedback',
      detail: "an unsent draft (Apple Mail's draft flag)",
    });
    expect(items).toEqual([
      {
        kind: 'filtered',
        rule: 'not-feedback',
        provenance: LOCATION.provenance,
        sourceId: 'm1@example.org',
        detail: "an unsent draft (Apple Mail's draft flag)",
      },
    ]);
  });
});

describe('emailMessageItems: hostile messages are rejected in bounded time', () => {
  test('more MIME parts than the limit', async () => {
    const parts: string[] = [];
    for (let part = 0; part <= MAX_MIME_PARTS; part += 1) parts.push('--b', 'Content-Type: text/plain', '', `part ${part}`);
    parts.push('--b--');
    const item = await only(message([...BASIC_HEADERS, 'Content-Type: multipart/mixed; boundary="b"'], parts));
    expect(item).toMatchObject({ kind: 'rejected', code: 'TOO_MANY_MIME_PARTS', provenance: LOCATION.provenance });
  });

  test('the excerpt of a rejected message names it by Subject, Date and Message-ID, addresses masked', async () => {
    const parts: string[] = [];
    for (let part = 0; part <= MAX_MIME_PARTS; part += 1) parts.push('--b', '', `part ${part}`);
    const raw = message(
      [
        'From: Jane <jane@example.org>',
        'Subject: from jane@example.org',
        'Message-ID: <m9@example.org>',
        'Content-Type: multipart/mixed; boundary="b"',
      ],
      parts,
    );
    expect(await only(raw)).toMatchObject({ kind: 'rejected', excerpt: 'Subject: from [address] | Message-ID: <m9@example.org>' });
  });

  test('a huge header block without an end', async () => {
    const raw = Buffer.from(
      `Subject: x\r\n${'X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n'.repeat(Math.ceil(MAX_HEADER_BYTES / 60) + 10)}`,
    );
    expect(await only(raw)).toMatchObject({
      kind: 'rejected',
      code: 'HEADER_TOO_LARGE',
      message: `no end of the header block in the first ${MAX_HEADER_BYTES / 1024} KB; not read`,
      provenance: { part: 'message 2' },
    });
  });

  test('a huge header block in a MIME part', async () => {
    const filler = 'X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n'.repeat(
      Math.ceil(MAX_HEADER_BYTES / 60) + 10,
    );
    const raw = message(
      [...BASIC_HEADERS, 'Content-Type: multipart/mixed; boundary="b"'],
      ['--b', `${filler}Content-Type: text/plain`, '', 'x', '--b--'],
    );
    expect(await only(raw)).toMatchObject({ kind: 'rejected', code: 'HEADER_TOO_LARGE' });
  });

  test('HTML nested too deep to convert', async () => {
    const item = await only(message([...BASIC_HEADERS, 'Content-Type: text/html'], [`${'<div>'.repeat(200_000)}x`]));
    expect(item).toMatchObject({ kind: 'rejected', code: 'HTML_TOO_DEEP' });
  });
});

describe('emailMessageItems: e-mails forwarded as attachments', () => {
  /** A message whose only part after its note is `inner`, attached as `type` (message/rfc822 unless given). */
  function forwarding(id: string, note: string, inner: Buffer, type = 'message/rfc822'): Buffer {
    return message(
      [
        'From: Staff <staff@example.org>',
        `Message-ID: <${id}@example.org>`,
        'Subject: FW: views',
        'MIME-Version: 1.0',
        `Content-Type: multipart/mixed; boundary="b-${id}"`,
      ],
      Buffer.concat([
        Buffer.from(`--b-${id}\r\nContent-Type: text/plain\r\n\r\n${note}\r\n--b-${id}\r\nContent-Type: ${type}\r\n\r\n`),
        inner,
        Buffer.from(`\r\n--b-${id}--\r\n`),
      ]),
    );
  }

  test('each attached e-mail is a record of its own, under the one that carries it', async () => {
    const inner = message([...BASIC_HEADERS.slice(0, 2), 'Message-ID: <inner@example.org>'], ['Keep the day centre open.']);
    const items = await emailMessageItems(forwarding('outer', 'See attached.', inner), LOCATION);
    expect(items.map((item) => (item.kind === 'record' ? [item.draft.text, item.draft.provenance.part] : item.kind))).toEqual([
      ['See attached.', 'message 2'],
      ['Keep the day centre open.', 'message 2 › attached message 1'],
    ]);
  });

  test('a forwarded news article (message/news) and a message with UTF-8 headers (message/global) are read as attached e-mails', async () => {
    const article = message(
      ['Newsgroups: uk.local.anytown', 'From: ruth@example.net (Ruth Okafor)', 'Message-ID: <art1@example.net>', 'Subject: Library hours'],
      ['Please keep the library open on Saturdays.'],
    );
    const global = message(
      ['From: Zoë Brandt <zoë@exämple.org>', 'Message-ID: <glob1@example.org>', 'Subject: Café'],
      ['The café at the centre is where we meet.'],
    );
    for (const [type, inner, author, text] of [
      ['message/news', article, 'Ruth Okafor', 'Please keep the library open on Saturdays.'],
      ['message/global', global, 'Zoë Brandt', 'The café at the centre is where we meet.'],
    ] as const) {
      const items = await emailMessageItems(forwarding('fw', 'Passing this on.', inner, type), LOCATION);
      expect(
        items.map((item) => (item.kind === 'record' ? [item.draft.author, item.draft.text, item.draft.provenance.part] : item.kind)),
      ).toEqual([
        ['Staff', 'Passing this on.', 'message 2'],
        [author, text, 'message 2 › attached message 1'],
      ]);
    }
  });

  test('attached e-mails are read two levels deep, no further', async () => {
    const level3 = message([...BASIC_HEADERS.slice(0, 2), 'Message-ID: <l3@example.org>'], ['Third level.']);
    const level2 = forwarding('l2', 'Second level.', level3);
    const items = await emailMessageItems(forwarding('l1', 'First level.', forwarding('l1b', 'Between.', level2)), LOCATION);
    expect(items.flatMap((item) => (item.kind === 'record' ? [item.draft.text] : []))).toEqual([
      'First level.',
      'Between.',
      'Second level.',
    ]);
  });
});

describe('rejectionWords', () => {
  test('names the message only where its provenance does not already', () => {
    expect(rejectionWords(LOCATION, 'cannot parse the MIME structure')).toBe('cannot parse the MIME structure');
    expect(rejectionWords({ provenance: { file: 'in.eml', line: 1 }, label: '' }, 'cannot parse the MIME structure')).toBe(
      'the message: cannot parse the MIME structure',
    );
    expect(rejectionWords({ provenance: { file: 'in.mbox', line: 7 }, label: 'message 2' }, 'over the limit')).toBe(
      'message 2: over the limit',
    );
  });
});

describe('emailMessageItems: senders as list archives write them', () => {
  const authorFrom = async (from: string): Promise<string | null | undefined> =>
    (
      await draftOf(
        message([`From: ${from}`, 'Date: Tue, 21 Jan 2014 09:00:00 +0000', 'Message-ID: <a1@example.org>'], ['The bus is late.']),
      )
    ).author;

  test("pipermail's `jane at example.org (Jane Doe)` is Jane Doe, and an address written so alone is no author", async () => {
    expect(await authorFrom('jane.doe at example.org (Jane Doe)')).toBe('Jane Doe');
    expect(await authorFrom('jane.doe at example.org (=?iso-8859-1?q?Ren=E9_Dupont?=)')).toBe('René Dupont');
    expect(await authorFrom('jane.doe at example.org')).toBeNull();
    expect(await authorFrom('Jane Doe <jane.doe at example.org>')).toBe('Jane Doe');
  });

  test('an encoded word that declares UTF-8 but holds Latin-1 bytes reads as Windows-1252, never U+FFFD', async () => {
    expect(await authorFrom('ana at example.org (=?UTF-8?Q?Luc=eda_Ortiz?=)')).toBe('Lucía Ortiz');
    expect(await authorFrom('=?UTF-8?Q?Luc=C3=ADa_Ortiz?= <ana@example.org>')).toBe('Lucía Ortiz');
    expect(await authorFrom('=?utf-8?b?THVj7WEgT3J0aXo=?= <ana@example.org>')).toBe('Lucía Ortiz');
  });
});
