import { describe, expect, test } from '@jest/globals';
import { ttmlAdapter, MAX_TTML_SPAN_DEPTH } from '../../../src/adapters/formats/ttml.js';
import { clockCaption, ttmlFile, type TtmlCaptionSpec } from '../../builders/ttml-captions.js';
import { countItems, recordsOf } from '../../helpers/read-fixture.js';
import { itemSummary, readTempInput } from '../../helpers/temp-input.js';

function sniffInput(headText: string, extension: string) {
  return { path: `talk${extension}`, extension, headText, headBytes: Buffer.from(headText) };
}

type Result = Awaited<ReturnType<typeof readTempInput>>;

const readings = (result: Result) =>
  recordsOf(result).map((record) => [record.author, record.text, record.meta['start'], record.meta['end']]);

/** A filmed blog's captions: two lines that run on, a pause, then a third. */
const BLOG: readonly TtmlCaptionSpec[] = [
  clockCaption(1.5, 4, 'So I look after my mum,<br/>and the respite beds'),
  clockCaption(4, 6.25, 'went last year.'),
  clockCaption(10, 12, 'The buses stop at six.'),
];

const BLOG_RECORDS = [
  [null, 'So I look after my mum, and the respite beds went last year.', 1.5, 6.25],
  [null, 'The buses stop at six.', 10, 12],
];

describe('ttml sniff', () => {
  test('looks past comments to the root in time linear in the head, however many comments a file of another kind holds', () => {
    const blocks = '<!-- wp:paragraph -->\n<p>Words</p>\n<!-- /wp:paragraph -->\n'.repeat(2000);
    const wxr = `<?xml version="1.0"?>\n<!-- generator="WordPress" -->\n<rss><channel><item><content>${blocks}</content></item></channel></rss>`;
    const started = performance.now();
    expect(ttmlAdapter.sniff(sniffInput(wxr.slice(0, 65536), '.xml'))).toBe(0);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(ttmlAdapter.sniff(sniffInput(`<!-- a -->\n<!-- b -->\n<?pi x?>${ttmlFile(BLOG).replace(/^<\?xml[^>]*>\n/, '')}`, '.xml'))).toBe(
      0.95,
    );
  });

  test('recognises TTML and DFXP by their root, and no other XML', () => {
    expect(ttmlAdapter.sniff(sniffInput(ttmlFile(BLOG), '.ttml'))).toBe(0.95);
    expect(ttmlAdapter.sniff(sniffInput(ttmlFile(BLOG, { namespace: 'http://www.w3.org/2006/10/ttaf1' }), '.dfxp'))).toBe(0.95);
    expect(ttmlAdapter.sniff(sniffInput(ttmlFile(BLOG, { prefix: 'tt' }), '.xml'))).toBe(0.95);
    expect(ttmlAdapter.sniff(sniffInput('<tt>\n<body><div><p begin="1s" end="2s">Hi</p></div></body></tt>', '.xml'))).toBe(0.9);
    expect(
      ttmlAdapter.sniff(sniffInput('<?xml version="1.0"?><timedtext format="3"><body><p t="0">Hi</p></body></timedtext>', '.xml')),
    ).toBe(0);
    expect(ttmlAdapter.sniff(sniffInput('<?xml version="1.0"?><rss><channel><tt>x</tt></channel></rss>', '.xml'))).toBe(0);
    expect(
      ttmlAdapter.sniff(sniffInput('<html xmlns="http://www.w3.org/ns/ttml"><body><tt>x</tt><p begin="1s">y</p></body></html>', '.xml')),
    ).toBe(0);
    expect(ttmlAdapter.sniff(sniffInput(`<!-- exported -->\n${ttmlFile(BLOG).replace(/^<\?xml[^>]*>\n/, '')}`, '.xml'))).toBe(0.95);
  });
});

describe('ttml reading', () => {
  test('captions read as WebVTT captions are: lines joined, a pause starts a new record, <br/> a line break', async () => {
    const ttml = await readTempInput('Carers forum.en.ttml', ttmlFile(BLOG));
    const vtt = await readTempInput(
      'Carers forum.vtt',
      [
        'WEBVTT',
        '',
        '00:00:01.500 --> 00:00:04.000',
        'So I look after my mum,',
        'and the respite beds',
        '',
        '00:00:04.000 --> 00:00:06.250',
        'went last year.',
        '',
        '00:00:10.000 --> 00:00:12.000',
        'The buses stop at six.',
        '',
      ].join('\n'),
    );
    expect(ttml.format).toBe('ttml');
    expect(readings(ttml)).toEqual(BLOG_RECORDS);
    expect(readings(vtt)).toEqual(BLOG_RECORDS);
    const [first] = recordsOf(ttml);
    expect(first?.channel).toBe('transcript');
    expect(first?.provenance).toEqual({ file: 'Carers forum.en.ttml', line: 12 });
    expect(first?.meta).toEqual({ start: 1.5, end: 6.25, language: 'en', title: 'Carers forum' });
    expect(countItems(ttml)).toEqual({ record: 2 });
  });

  test('DFXP, a prefixed EBU-TT document and TTML saved as .xml read the same', async () => {
    for (const [name, content] of [
      ['talk.dfxp', ttmlFile(BLOG, { namespace: 'http://www.w3.org/2006/10/ttaf1' })],
      ['talk.xml', ttmlFile(BLOG, { prefix: 'tt' })],
      ['captions.xml', ttmlFile(BLOG)],
    ] as const) {
      const result = await readTempInput(name, content);
      expect(result.format).toBe('ttml');
      expect(readings(result)).toEqual(BLOG_RECORDS);
    }
  });

  test('offset times, frames and ticks are read by the document time base', async () => {
    const captions: TtmlCaptionSpec[] = [
      { begin: '1.5s', end: '4000ms', content: 'So I look after my mum,<br/>and the respite beds' },
      { begin: '00:00:04:00', dur: '56.25f', content: 'went last year.' },
      { begin: '250t', end: '300t', content: 'The buses stop at six.' },
    ];
    const result = await readTempInput('talk.ttml', ttmlFile(captions, { rootAttributes: 'ttp:frameRate="25" ttp:tickRate="25"' }));
    expect(readings(result)).toEqual(BLOG_RECORDS);
  });

  test('ttm:agent names the speaker, by the name its head declares; a NAME: label does too', async () => {
    const captions: TtmlCaptionSpec[] = [
      { ...clockCaption(1, 3, 'Thank you all for coming.'), attributes: 'ttm:agent="chair"' },
      { ...clockCaption(3, 5, 'Who would like to start?'), attributes: 'ttm:agent="chair"' },
      { ...clockCaption(5.5, 8, 'The library closing has hit us.'), attributes: 'ttm:agent="s2"' },
      clockCaption(8, 10, 'Dana: We need the mobile library back.'),
      clockCaption(10, 11, '<span ttm:agent="chair">Thank you.</span><br/><span ttm:agent="s2">Any time.</span>'),
    ];
    const result = await readTempInput('forum.ttml', ttmlFile(captions, { agents: { chair: 'Priya Shah' } }));
    expect(readings(result)).toEqual([
      ['Priya Shah', 'Thank you all for coming. Who would like to start?', 1, 5],
      ['s2', 'The library closing has hit us.', 5.5, 8],
      ['Dana', 'We need the mobile library back.', 8, 10],
      ['Priya Shah', 'Thank you.', 10, 11],
      ['s2', 'Any time.', 10, 11],
    ]);
  });

  test('spans are joined as written, entities decoded, white space collapsed, markup characters kept as words', async () => {
    const captions: TtmlCaptionSpec[] = [
      clockCaption(
        1,
        3,
        '\n        <span tts:fontStyle="italic">Bus</span><span>es</span> &amp; trams\n        <span tts:color="yellow">&lt;3</span> caf&#233; &quot;hub&quot;',
      ),
    ];
    const result = await readTempInput('talk.ttml', ttmlFile(captions));
    expect(recordsOf(result).map((record) => record.text)).toEqual(['Buses & trams <3 café "hub"']);
  });

  test('xml:space="preserve" keeps line breaks in the text as lines; metadata inside a caption is no words', async () => {
    const captions: TtmlCaptionSpec[] = [
      {
        ...clockCaption(1, 3, 'first line\nsecond line<metadata><ttm:desc>a note</ttm:desc></metadata>'),
        attributes: 'xml:space="preserve"',
      },
    ];
    const result = await readTempInput('talk.ttml', ttmlFile(captions));
    expect(recordsOf(result).map((record) => record.text)).toEqual(['first line second line']);
  });

  test('a <div> begin offsets its captions; times only on spans time the caption; sound roles and notes give nothing', async () => {
    const captions: TtmlCaptionSpec[] = [
      clockCaption(0, 2, 'Welcome back.'),
      { content: '<span begin="4.5s" end="5.5s">We</span> <span begin="5.5s" end="6.5s">waited.</span>' },
      { ...clockCaption(8, 9, 'door slams'), attributes: 'ttm:role="sound"' },
      clockCaption(9, 10, '[Music]'),
    ];
    const result = await readTempInput('talk.ttml', ttmlFile(captions, { divAttributes: 'begin="60s"' }));
    expect(readings(result)).toEqual([
      [null, 'Welcome back.', 60, 62],
      [null, 'We waited.', 64.5, 66.5],
    ]);
    expect(countItems(result)).toEqual({ record: 2 });
  });

  test('a caption whose timing cannot be read is rejected on its line and the rest is read', async () => {
    const captions: TtmlCaptionSpec[] = [
      clockCaption(1, 3, 'We waited'),
      { begin: 'soon', end: '00:00:05.000', content: 'Lost words.' },
      { begin: '00:00:05.000', end: '00:00:04.000', content: 'Backwards.' },
      { begin: '00:00:03:45', end: '00:00:05.000', content: 'Too many frames.' },
      { content: 'No time at all.' },
      clockCaption(3, 4, 'for months.'),
    ];
    const result = await readTempInput('talk.ttml', ttmlFile(captions));
    expect(itemSummary(result.items)).toEqual([
      'rejected line 13: CAPTION_BAD_TIMESTAMP',
      'rejected line 14: CAPTION_BAD_TIMESTAMP',
      'rejected line 15: CAPTION_BAD_TIMESTAMP',
      'rejected line 16: CAPTION_BAD_TIMESTAMP',
      'record line 12: We waited for months.',
    ]);
    const messages = result.items.flatMap((item) => (item.kind === 'rejected' ? [item.message] : []));
    expect(messages[0]).toMatch(/begin "soon" is not a TTML time/);
    expect(messages[1]).toMatch(/ends .* before it begins/);
    expect(messages[3]).toMatch(/no begin, end or dur/);
  });

  test('a truncated file gives the captions before the cut, then one error naming the file', async () => {
    const file = ttmlFile(BLOG);
    const result = await readTempInput('talk.ttml', file.slice(0, file.lastIndexOf('<p ')));
    expect(recordsOf(result).map((record) => record.text)).toEqual(['So I look after my mum, and the respite beds went last year.']);
    expect(result.error).toMatch(/^talk\.ttml:\d+:\d+: XML_TRUNCATED/);
  });

  test('another XML document named .ttml is refused as a whole', async () => {
    const result = await readTempInput('talk.ttml', '<?xml version="1.0"?><rss><channel/></rss>');
    expect(result.error).toMatch(/^talk\.ttml:1:1: not TTML: the root element is <rss>/);
  });

  test('spans nested far deeper than any caption are read as plain words, without recursion', async () => {
    const depth = MAX_TTML_SPAN_DEPTH * 40;
    const nested = `${'<span>'.repeat(depth)}deep<br/>words${'</span>'.repeat(depth)}`;
    const result = await readTempInput('talk.ttml', ttmlFile([clockCaption(1, 2, `Top ${nested}`)]));
    expect(recordsOf(result).map((record) => record.text)).toEqual(['Top deep words']);
  });
});
