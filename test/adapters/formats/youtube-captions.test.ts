import { describe, expect, test } from '@jest/globals';
import { youtubeJson3Adapter } from '../../../src/adapters/formats/youtube-json3.js';
import { youtubeSrv1Adapter } from '../../../src/adapters/formats/youtube-srv1.js';
import { youtubeSrv2Adapter } from '../../../src/adapters/formats/youtube-srv2.js';
import { youtubeSrv3Adapter } from '../../../src/adapters/formats/youtube-srv3.js';
import { subtitleLanguage } from '../../../src/adapters/readers/youtube-caption-events.js';
import {
  json3File,
  lineBreakEvent,
  spokenEvent,
  srv1File,
  srv2File,
  srv3File,
  type CaptionEventSpec,
} from '../../builders/youtube-captions.js';
import { countItems, recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';

function sniffInput(headText: string, extension: string) {
  return { path: `talk${extension}`, extension, headText, headBytes: Buffer.from(headText) };
}

/** A talk's auto-captions: two lines of words, a line break between them, a pause, then a third. */
const AUTO_CAPTIONS: readonly CaptionEventSpec[] = [
  { startMs: 240, durationMs: 3920, segments: ['[Music]'] },
  lineBreakEvent(4150),
  spokenEvent(4160, 4480, 'so I look after my mum'),
  lineBreakEvent(6310),
  spokenEvent(6320, 4240, 'and the respite beds went last year'),
  lineBreakEvent(10550),
  spokenEvent(17200, 3680, 'the buses stop at six'),
];

const AUTO_CAPTION_RECORDS = [
  ['so I look after my mum and the respite beds went last year', 4.16, 10.56],
  ['the buses stop at six', 17.2, 20.88],
];

const readings = (result: Awaited<ReturnType<typeof readTempInput>>) =>
  recordsOf(result).map((record) => [record.text, record.meta['start'], record.meta['end']]);

describe('youtube-json3 and youtube-srv3 sniff', () => {
  test('recognise YouTube timed text and nothing else of the same kind of file', () => {
    expect(youtubeJson3Adapter.sniff(sniffInput(json3File(AUTO_CAPTIONS), '.json3'))).toBe(0.95);
    expect(youtubeJson3Adapter.sniff(sniffInput('{"events":[{"tStartMs":0,"dDurationMs":900,"segs":[{"utf8":"Hi"}]}]}', '.json'))).toBe(
      0.9,
    );
    expect(youtubeJson3Adapter.sniff(sniffInput('{"events":[{"title":"Drop-in","start":"2024-01-05T10:00"}]}', '.json'))).toBe(0);
    expect(youtubeJson3Adapter.sniff(sniffInput('[{"wireMagic":"pb3"}]', '.json'))).toBe(0);
    expect(youtubeSrv3Adapter.sniff(sniffInput(srv3File(AUTO_CAPTIONS), '.srv3'))).toBe(0.95);
    expect(youtubeSrv3Adapter.sniff(sniffInput('<?xml version="1.0"?>\n<timedtext>\n<body>\n<p t="0" d="900">Hi</p>', '.xml'))).toBe(0.9);
    expect(youtubeSrv3Adapter.sniff(sniffInput('<?xml version="1.0"?><disqus xmlns="http://disqus.com"><post/></disqus>', '.xml'))).toBe(0);
    expect(youtubeSrv3Adapter.sniff(sniffInput('<transcript><text start="1.2" dur="2">Hi</text></transcript>', '.xml'))).toBe(0);
  });
});

describe('youtube-json3 and youtube-srv3 reading', () => {
  test('auto-captions read as the same records from json3, srv3 and the WebVTT yt-dlp writes of them', async () => {
    const json3 = await readTempInput('Carers forum [aBcDeFgHiJk].en.json3', json3File(AUTO_CAPTIONS));
    const srv3 = await readTempInput('Carers forum [aBcDeFgHiJk].en.srv3', srv3File(AUTO_CAPTIONS));
    const vtt = await readTempInput(
      'Carers forum [aBcDeFgHiJk].en.vtt',
      [
        'WEBVTT',
        'Kind: captions',
        'Language: en',
        '',
        '00:00:04.160 --> 00:00:06.310 align:start position:0%',
        ' ',
        'so<00:00:04.360><c> I</c><00:00:04.520><c> look</c><00:00:04.760><c> after</c><00:00:04.960><c> my</c><00:00:05.160><c> mum</c>',
        '',
        '00:00:06.310 --> 00:00:06.320 align:start position:0%',
        'so I look after my mum',
        ' ',
        '',
        '00:00:06.320 --> 00:00:10.560 align:start position:0%',
        'so I look after my mum',
        'and<00:00:06.520><c> the</c><00:00:06.720><c> respite</c><00:00:06.920><c> beds</c><00:00:07.120><c> went</c><00:00:07.320><c> last</c><00:00:07.520><c> year</c>',
        '',
        '00:00:17.200 --> 00:00:20.880 align:start position:0%',
        ' ',
        'the<00:00:17.400><c> buses</c><00:00:17.600><c> stop</c><00:00:17.800><c> at</c><00:00:18.000><c> six</c>',
        '',
      ].join('\n'),
    );
    expect(json3.format).toBe('youtube-json3');
    expect(srv3.format).toBe('youtube-srv3');
    expect(readings(json3)).toEqual(AUTO_CAPTION_RECORDS);
    expect(readings(srv3)).toEqual(AUTO_CAPTION_RECORDS);
    expect(readings(vtt).map(([text]) => text)).toEqual(AUTO_CAPTION_RECORDS.map(([text]) => text));
    for (const result of [json3, srv3]) {
      expect(recordsOf(result).map((record) => [record.channel, record.meta['language']])).toEqual([
        ['transcript', 'en'],
        ['transcript', 'en'],
      ]);
      expect(countItems(result)).toEqual({ record: 2 });
    }
  });

  test('json3 written on one line, or saved as .json, reads the same; its records name the line each starts on when laid out', async () => {
    const compact = await readTempInput('talk.json', json3File(AUTO_CAPTIONS, { compact: true }));
    expect(compact.format).toBe('youtube-json3');
    expect(readings(compact)).toEqual(AUTO_CAPTION_RECORDS);
    const laidOut = await readTempInput('talk.json3', json3File(AUTO_CAPTIONS));
    const lines = recordsOf(laidOut).map((record) => record.provenance.line ?? 0);
    expect(lines[0]).toBeGreaterThan(1);
    expect(lines[1]).toBeGreaterThan(lines[0] ?? 0);
  });

  test('srv3 saved as .xml is read as captions, not refused as another XML export', async () => {
    const result = await readTempInput('captions.xml', srv3File(AUTO_CAPTIONS));
    expect(result.format).toBe('youtube-srv3');
    expect(readings(result)).toEqual(AUTO_CAPTION_RECORDS);
  });

  test('an event with no duration lasts until the next one starts, and an event whose time is no number is rejected alone', async () => {
    const events: CaptionEventSpec[] = [
      { startMs: 1000, segments: ['We waited'] },
      { startMs: 2500, durationMs: 1000, segments: [' for months.'] },
      { startMs: 'later', durationMs: 1000, segments: ['Lost words.'] },
    ];
    for (const [name, content] of [
      ['talk.json3', json3File(events)],
      ['talk.srv3', srv3File(events)],
    ] as const) {
      const result = await readTempInput(name, content);
      expect(readings(result)).toEqual([['We waited for months.', 1, 3.5]]);
      expect(countItems(result)).toEqual({ record: 1, 'rejected:CAPTION_BAD_TIMESTAMP': 1 });
    }
  });

  test('a truncated json3 or srv3 file gives what was read, then one error naming the file', async () => {
    const json3 = json3File(AUTO_CAPTIONS);
    const cutJson3 = await readTempInput('talk.json3', json3.slice(0, json3.lastIndexOf('"the"')));
    expect(cutJson3.error).toMatch(/^talk\.json3:\d+:\d+: JSON ends before the array is closed/);
    const srv3 = srv3File(AUTO_CAPTIONS);
    const cutSrv3 = await readTempInput('talk.srv3', srv3.slice(0, srv3.lastIndexOf('<p ')));
    expect(cutSrv3.error).toMatch(/^talk\.srv3/);
    expect(recordsOf(cutSrv3).map((record) => record.text)).toEqual(['so I look after my mum and the respite beds went last year']);
  });

  test('the language is the one yt-dlp puts in the file name', () => {
    expect(subtitleLanguage('Carers forum [aBcDeFgHiJk].en.json3')).toBe('en');
    expect(subtitleLanguage('talk.en-GB.srv3')).toBe('en-GB');
    expect(subtitleLanguage('talk.cy-orig.json3')).toBe('cy');
    expect(subtitleLanguage('talk.json3')).toBeNull();
  });
});

describe('youtube-srv1 and youtube-srv2', () => {
  test('sniff: srv1 by its <transcript> of <text start>, srv2 by a <timedtext> of <text t> that is not srv3', () => {
    expect(youtubeSrv1Adapter.sniff(sniffInput(srv1File(AUTO_CAPTIONS), '.srv1'))).toBe(0.9);
    expect(youtubeSrv2Adapter.sniff(sniffInput(srv2File(AUTO_CAPTIONS), '.srv2'))).toBe(0.9);
    expect(youtubeSrv1Adapter.sniff(sniffInput(srv2File(AUTO_CAPTIONS), '.xml'))).toBe(0);
    expect(youtubeSrv2Adapter.sniff(sniffInput(srv1File(AUTO_CAPTIONS), '.xml'))).toBe(0);
    expect(youtubeSrv2Adapter.sniff(sniffInput(srv3File(AUTO_CAPTIONS), '.xml'))).toBe(0);
    expect(youtubeSrv3Adapter.sniff(sniffInput(srv2File(AUTO_CAPTIONS), '.xml'))).toBe(0);
  });

  test('auto-captions read as the same records from srv1 and srv2 as from srv3, also saved as .xml', async () => {
    for (const [name, content, format] of [
      ['Carers forum [aBcDeFgHiJk].en.srv1', srv1File(AUTO_CAPTIONS), 'youtube-srv1'],
      ['Carers forum [aBcDeFgHiJk].en.srv2', srv2File(AUTO_CAPTIONS), 'youtube-srv2'],
      ['Carers forum [aBcDeFgHiJk].en.xml', srv1File(AUTO_CAPTIONS), 'youtube-srv1'],
      ['captions.xml', srv2File(AUTO_CAPTIONS), 'youtube-srv2'],
    ] as const) {
      const result = await readTempInput(name, content);
      expect(result.format).toBe(format);
      expect(readings(result)).toEqual(AUTO_CAPTION_RECORDS);
      expect(countItems(result)).toEqual({ record: 2 });
    }
  });

  test("srv1's twice-escaped words and font tags are read as the words they stand for; & and < as written stay", async () => {
    const events: CaptionEventSpec[] = [
      { startMs: 1000, durationMs: 2000, segments: ["I'm told the caf\u00e9 & the hub"] },
      { startMs: 3000, durationMs: 2000, segments: ['<font color="#E5E5E5">will close</font> <3'] },
    ];
    const result = await readTempInput('talk.srv1', srv1File(events));
    expect(srv1File(events)).toContain('I&amp;#39;m');
    expect(recordsOf(result).map((record) => record.text)).toEqual(["I'm told the caf\u00e9 & the hub will close <3"]);
  });

  test('a caption whose time is no number is rejected alone; a truncated file gives what was read, then its error', async () => {
    const events: CaptionEventSpec[] = [
      { startMs: 1000, durationMs: 1500, segments: ['We waited'] },
      { startMs: 'later', durationMs: 1000, segments: ['Lost words.'] },
      { startMs: 2500, durationMs: 1000, segments: [' for months.'] },
    ];
    for (const [name, content] of [
      ['talk.srv1', srv1File(events)],
      ['talk.srv2', srv2File(events)],
    ] as const) {
      const result = await readTempInput(name, content);
      expect(readings(result)).toEqual([['We waited for months.', 1, 3.5]]);
      expect(countItems(result)).toEqual({ record: 1, 'rejected:CAPTION_BAD_TIMESTAMP': 1 });
      const cut = await readTempInput(name, content.slice(0, content.lastIndexOf('<text ')));
      expect(recordsOf(cut).map((record) => record.text)).toEqual(['We waited']);
      expect(cut.error).toMatch(new RegExp(`^${name.replace('.', '\\.')}:\\d+:\\d+: XML_TRUNCATED`));
    }
    const srv1 = await readTempInput('talk.srv1', srv1File(events));
    expect(srv1.items.flatMap((item) => (item.kind === 'rejected' ? [item.message] : []))).toEqual([
      'caption event\'s times (start "later", duration "1") are not seconds',
    ]);
  });

  test('the language is the one yt-dlp puts in the file name', () => {
    expect(subtitleLanguage('talk.en.srv1')).toBe('en');
    expect(subtitleLanguage('talk.fr-CA.srv2')).toBe('fr-CA');
    expect(subtitleLanguage('talk.cy.ttml')).toBe('cy');
  });
});
