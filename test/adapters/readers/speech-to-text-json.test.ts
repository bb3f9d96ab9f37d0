import { describe, expect, test } from '@jest/globals';
import { speechToTextLayout } from '../../../src/adapters/readers/speech-to-text-json.js';
import { countItems, recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput, rejectedPlaces } from '../../helpers/temp-input.js';

/** Each record as `author: text [start-end]`. */
async function turnsOf(fileName: string, value: object): Promise<string[]> {
  const result = await readTempInput(fileName, JSON.stringify(value));
  expect(result.format).toBe('transcript-json');
  return recordsOf(result).map(
    (record) => `${record.author ?? '-'}: ${record.text} [${String(record.meta['start'])}-${String(record.meta['end'])}]`,
  );
}

describe('speechToTextLayout', () => {
  test.each([
    ['{"text": " Hi.", "segments": [{"id": 0, "start": 0.0, "end": 1.0, "text": " Hi."}], "language": "en"}', 'whisper'],
    ['{"segments": [{"start": 0.1, "end": 1.0, "text": " Hi.", "speaker": "SPEAKER_00"}], "word_segments": []}', 'whisper'],
    [
      '{"id": "x", "acoustic_model": "assemblyai_default", "audio_url": "https://a/b.mp3", "text": "Hi.", "utterances": null}',
      'assemblyai',
    ],
    ['{"metadata": {"request_id": "r", "model_info": {}}, "results": {"channels": []}}', 'deepgram'],
    ['{"monologues": [{"speaker": 0, "elements": [{"type": "text", "value": "Hi"}]}]}', 'revai'],
    [
      '{"systeminfo": "AVX = 1", "result": {"language": "en"}, "transcription": [{"timestamps": {"from": "00:00:00,000", "to": "00:00:01,000"}, "offsets": {"from": 0, "to": 1000}, "text": " Hi."}]}',
      'whisper-cpp',
    ],
    ['{"transcription": [{"text": "Hi", "confidence": 0.9}]}', null],
    ['{"segments": ["a", "b"]}', null],
    ['{"comments": [{"text": "Hi", "start": 1, "end": 2}]}', null],
    ['[{"speaker": "A", "text": "Hi"}]', null],
  ])('%s is %s', (head, layout) => {
    expect(speechToTextLayout(head)).toBe(layout);
  });
});

describe('speech-to-text JSON', () => {
  test("Whisper's segments without speakers are joined into turns, a pause of 2 s starting a new one", async () => {
    const whisper = {
      text: ' One. Two. Three.',
      segments: [
        { id: 0, start: 0, end: 1.5, text: ' One.' },
        { id: 1, start: 1.6, end: 2.5, text: ' Two.' },
        { id: 2, start: 5, end: 6, text: ' Three.' },
      ],
    };
    expect(await turnsOf('audio.json', whisper)).toEqual(['-: One. Two. [0-2.5]', '-: Three. [5-6]']);
  });

  test("WhisperX's segments carry their speaker", async () => {
    const whisperx = {
      segments: [
        { start: 0.03, end: 1, text: ' Hello.', speaker: 'SPEAKER_00', words: [] },
        { start: 1.1, end: 2, text: ' Hi.', speaker: 'SPEAKER_01', words: [] },
        { start: 2.1, end: 3, text: ' Bye.', speaker: 'SPEAKER_01', words: [] },
      ],
      word_segments: [],
    };
    expect(await turnsOf('audio.json', whisperx)).toEqual(['SPEAKER_00: Hello. [0.03-1]', 'SPEAKER_01: Hi. Bye. [1.1-3]']);
  });

  test("AssemblyAI's utterances are in milliseconds, its speakers letters; without utterances the whole text is read", async () => {
    const base = { id: 'x', acoustic_model: 'assemblyai_default', audio_url: 'https://example.org/a.mp3', status: 'completed' };
    const labelled = {
      ...base,
      text: 'Hi. Yes.',
      utterances: [
        { speaker: 'A', start: 250, end: 1000, text: 'Hi.' },
        { speaker: 'B', start: 1200, end: 2000, text: 'Yes.' },
      ],
    };
    expect(await turnsOf('transcript.json', labelled)).toEqual(['Speaker A: Hi. [0.25-1]', 'Speaker B: Yes. [1.2-2]']);
    expect(await turnsOf('transcript.json', { ...base, text: 'Hi. Yes.', utterances: null })).toEqual([
      '-: Hi. Yes. [undefined-undefined]',
    ]);
  });

  test("Deepgram's utterances, else the first channel's paragraphs, else its transcript", async () => {
    const metadata = { request_id: 'r', model_info: {} };
    const alternative = { transcript: 'Hi there. Late again.', words: [] };
    const utterances = [
      { start: 0.1, end: 1, transcript: 'Hi there.', speaker: 0, channel: 0 },
      { start: 1.5, end: 2, transcript: 'Late again.', speaker: 1, channel: 0 },
    ];
    expect(await turnsOf('dg.json', { metadata, results: { channels: [{ alternatives: [alternative] }], utterances } })).toEqual([
      'Speaker 0: Hi there. [0.1-1]',
      'Speaker 1: Late again. [1.5-2]',
    ]);
    const paragraphs = {
      transcript: '',
      paragraphs: [{ sentences: [{ text: 'Hi there.' }, { text: 'Welcome.' }], speaker: 0, start: 0.1, end: 1.4 }],
    };
    const withParagraphs = { metadata, results: { channels: [{ alternatives: [{ ...alternative, paragraphs }] }] } };
    expect(await turnsOf('dg.json', withParagraphs)).toEqual(['Speaker 0: Hi there. Welcome. [0.1-1.4]']);
    expect(await turnsOf('dg.json', { metadata, results: { channels: [{ alternatives: [alternative] }] } })).toEqual([
      '-: Hi there. Late again. [undefined-undefined]',
    ]);
  });

  test("Rev.ai's monologues join their elements, leave out unknown ones and keep a speaker's name", async () => {
    const rev = {
      monologues: [
        {
          speaker: 0,
          elements: [
            { type: 'text', value: 'Too', ts: 0.5, end_ts: 0.7 },
            { type: 'punct', value: ' ' },
            { type: 'unknown', value: '<laugh>' },
            { type: 'text', value: 'far', ts: 0.8, end_ts: 1 },
            { type: 'punct', value: '.' },
          ],
        },
        { speaker: 1, speaker_name: 'Chair', elements: [{ type: 'text', value: 'Noted', ts: 1.5, end_ts: 2 }] },
      ],
    };
    expect(await turnsOf('rev.json', rev)).toEqual(['Speaker 0: Too far. [0.5-1]', 'Chair: Noted [1.5-2]']);
  });

  test('a piece without words is rejected at its place, the rest read', async () => {
    const text = JSON.stringify(
      {
        segments: [
          { start: 0, end: 1, text: ' One.' },
          { start: 1, end: 2 },
          { start: 2, end: 3, text: ' Three.' },
        ],
      },
      null,
      1,
    );
    const result = await readTempInput('audio.json', text);
    expect(countItems(result)).toEqual({ record: 1, 'rejected:MISSING_TEXT': 1 });
    expect(rejectedPlaces(result)).toEqual([{ line: 8, part: 'segments[1]' }]);
    expect(recordsOf(result)[0]?.provenance.line).toBe(3);
  });
});

describe('a long recording', () => {
  test("Whisper's whole text running past the first 64 KiB, its segments after it, is still read as Whisper", async () => {
    const sentence = ' The bus was late again.';
    const segments = Array.from({ length: 3000 }, (_, index) => ({ id: index, start: index * 2, end: index * 2 + 1.5, text: sentence }));
    const whisper = { text: sentence.repeat(3000), segments, language: 'en' };
    const result = await readTempInput('long.json', JSON.stringify(whisper));
    expect(result.format).toBe('transcript-json');
    const records = recordsOf(result);
    expect(records.length).toBeGreaterThan(50);
    expect(records.every((record) => /^(?:The bus was late again\. ?)+$/.test(record.text))).toBe(true);
  });
});

describe('speech-to-text JSON: whisper.cpp', () => {
  test("whisper-cli's -oj output is read as turns, timed by its offsets, with [BLANK_AUDIO] left out", async () => {
    const whisperCpp = {
      systeminfo: 'AVX = 1 | NEON = 0',
      model: { type: 'base', multilingual: true },
      params: { model: 'models/ggml-base.bin', language: 'en', translate: false },
      result: { language: 'en' },
      transcription: [
        {
          timestamps: { from: '00:00:00,000', to: '00:00:02,400' },
          offsets: { from: 0, to: 2400 },
          text: ' The clinic moved to the edge of town,',
        },
        {
          timestamps: { from: '00:00:02,400', to: '00:00:05,000' },
          offsets: { from: 2400, to: 5000 },
          text: ' and there is no bus that goes there.',
        },
        { timestamps: { from: '00:00:05,000', to: '00:00:08,000' }, offsets: { from: 5000, to: 8000 }, text: ' [BLANK_AUDIO]' },
        { timestamps: { from: '00:00:08,000', to: '00:00:10,500' }, text: ' We need a shuttle.' },
      ],
    };
    expect(await turnsOf('meeting.json', whisperCpp)).toEqual([
      '-: The clinic moved to the edge of town, and there is no bus that goes there. [0-5]',
      '-: We need a shuttle. [8-10.5]',
    ]);
  });

  test('a speaker turn marked by its speaker-turn model (speaker_turn_next) starts a new record', async () => {
    const whisperCpp = {
      result: { language: 'en' },
      transcription: [
        { offsets: { from: 0, to: 1000 }, text: ' Is it any better now?', speaker_turn_next: true },
        { offsets: { from: 1000, to: 2000 }, text: ' Not really.' },
      ],
    };
    expect(await turnsOf('turns.json', whisperCpp)).toEqual(['-: Is it any better now? [0-1]', '-: Not really. [1-2]']);
  });
});
