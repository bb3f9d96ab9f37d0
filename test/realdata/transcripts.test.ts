import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { countItems, readFileItems, recordsOf, REALDATA_ROOT, type FileReadResult } from '../helpers/read-fixture.js';

const describeRealData = REALDATA_ROOT === null ? describe.skip : describe;

async function readTranscriptFile(name: string): Promise<FileReadResult> {
  return readFileItems(join(REALDATA_ROOT ?? '', 'transcripts', name), { displayPath: `transcripts/${name}` });
}

/** Checks every record of a file is free of markup, caption timing and broken characters. */
function expectCleanTexts(result: FileReadResult): void {
  for (const record of recordsOf(result)) {
    expect(record.text).not.toMatch(/\uFFFD|-->|<\/?[a-z][^>]*>|\d\d:\d\d[:.,]\d\d|\{[a-z]+\}|&(amp|lt|gt|nbsp);/);
    expect(record.text).toBe(record.text.trim());
  }
}

describeRealData('real data: transcripts and meeting notes (../shared/realdata/transcripts)', () => {
  test('webvtt-note-blocks-swedish.vtt: NOTE blocks skipped, Swedish text intact, dialogue dashes are voices', async () => {
    const result = await readTranscriptFile('webvtt-note-blocks-swedish.vtt');
    expect(result.format).toBe('webvtt');
    expect(result.error).toBeNull();
    expect(countItems(result)).toEqual({ record: 5 });
    const records = recordsOf(result);
    expect(records.map((record) => record.text)).toEqual([
      'Ta en kopp varmt te.',
      'Det är inte varmt.',
      'Har en kopp te.',
      'Det smakar som te.',
      'Ta en kopp',
    ]);
    expect(records.map((record) => record.provenance.line)).toEqual([9, 10, 14, 15, 21]);
    expect(records.map((record) => [record.meta['start'], record.meta['end']])).toEqual([
      [135, 140],
      [135, 140],
      [140, 145],
      [140, 145],
      [145, 150],
    ]);
    for (const record of records) {
      expect(record.channel).toBe('transcript');
      expect(record.author).toBeNull();
      expect(record.meta['title']).toBe('Translation of that film I like');
      expect(record.text).not.toMatch(/NOTE|Kyle|translat|^-/i);
    }
    expectCleanTexts(result);
  });

  test('webvtt-utf8-bom.vtt: the BOM is not part of the header; four touching cues make one paragraph', async () => {
    const result = await readTranscriptFile('webvtt-utf8-bom.vtt');
    expect(result.format).toBe('webvtt');
    expect(countItems(result)).toEqual({ record: 1 });
    const [record] = recordsOf(result);
    expect(record?.text).toBe('Caption text #1 Caption text #2 Caption text #3 Caption text #4');
    expect(record?.meta).toEqual({ start: 0.5, end: 21.58 });
    expect(record?.provenance).toEqual({ file: 'transcripts/webvtt-utf8-bom.vtt', line: 4 });
    expectCleanTexts(result);
  });

  test('youtube-autocaptions-word-timings.vtt: rolling captions collapsed, every word once, no timestamps or <c> tags', async () => {
    const result = await readTranscriptFile('youtube-autocaptions-word-timings.vtt');
    expect(result.format).toBe('webvtt');
    expect(countItems(result)).toEqual({ record: 1 });
    const [record] = recordsOf(result);
    expect(record?.text).toBe("yeah what this will happen is I'm telling");
    const words = record?.text.split(' ') ?? [];
    expect(new Set(words).size).toBe(words.length);
    expect(record?.meta).toEqual({ start: 286.07, end: 305.069, language: 'en' });
    expect(record?.text).not.toMatch(/color|::cue|Kind|Style/);
    expectCleanTexts(result);
  });

  test('srt-no-indexes-utf8-bom.srt: no index numbers, BOM; pauses of 2 s split the talk into paragraphs', async () => {
    const result = await readTranscriptFile('srt-no-indexes-utf8-bom.srt');
    expect(result.format).toBe('srt');
    expect(countItems(result)).toEqual({ record: 3 });
    const records = recordsOf(result);
    expect(records.map((record) => record.text)).toEqual([
      'About 2 months ago I found myself on the comment section of YouTube',
      'And I was commenting, unfortunately I was commenting, on a video about the famous Ayn Rand',
      "And I posted underneath against this woman's tirades, against what is essentially the human race. " +
        'that, this monetary system seems to have no point, seems to actually hinder people ' +
        "and hinder progress, and one of the responses I got, I didn't answer it, was: " +
        "what actually money creates is an incentive to invent the new items, that's the driving force behind it " +
        'So what I thought I do is instead if answering on a YouTube comment is organize a global awareness day',
    ]);
    expect(records.map((record) => [record.meta['start'], record.meta['end'], record.provenance.line])).toEqual([
      [6.5, 9, 2],
      [11, 17, 6],
      [19, 50, 11],
    ]);
    for (const record of records) expect(record.author).toBeNull();
    expectCleanTexts(result);
  });

  test('ami-meeting-ES2005a-qmsum.json: one record per turn, disfluency markers gone, marker-only turns filtered', async () => {
    const result = await readTranscriptFile('ami-meeting-ES2005a-qmsum.json');
    expect(result.format).toBe('transcript-json');
    expect(result.error).toBeNull();
    expect(countItems(result)).toEqual({ record: 94, 'filtered:empty-text': 11 });
    const records = recordsOf(result);
    expect(records[0]).toMatchObject({
      author: 'Project Manager',
      text: 'Uh, making a profit of fifty million Euros.',
      channel: 'transcript',
      provenance: { file: 'transcripts/ami-meeting-ES2005a-qmsum.json', line: 125 },
      meta: {},
    });
    expect(records.at(-1)).toMatchObject({
      author: 'Project Manager',
      text: 'Okay. Fashion into electronic. Okay.',
      provenance: { line: 541 },
      meta: { topic: 'Task arrangement of each participant' },
    });
    const colour = records.find((record) => record.text.startsWith('Um well my first thoughts'));
    expect(colour).toMatchObject({
      author: 'User Interface',
      text: "Um well my first thoughts would be most remote controls are grey or black. As you said they come with the TV so it's normally just your basic grey black remote control functions,",
      meta: { topic: 'Desired features of the new remote controls' },
    });
    expect(new Set(records.map((record) => record.author))).toEqual(
      new Set(['Project Manager', 'Industrial Designer', 'User Interface', 'Marketing']),
    );
    expect(new Set(records.map((record) => record.id)).size).toBe(94);
    expect(records.filter((record) => record.author === 'Project Manager' && record.text === 'Mm-hmm.')).toHaveLength(3);
    for (const record of records) {
      expect(record.text).not.toMatch(/\{|\}| [.,?]|_|Summarize|annotat/);
    }
    expect(records.some((record) => record.text.includes('The meeting was mainly about'))).toBe(false);
    expectCleanTexts(result);
  });

  test('rust-lang-team-meeting-minutes-2019-10-24.md: one record per bullet or paragraph, each with its section', async () => {
    const result = await readTranscriptFile('rust-lang-team-meeting-minutes-2019-10-24.md');
    expect(result.format).toBe('event-notes');
    expect(result.error).toBeNull();
    expect(countItems(result)).toEqual({ record: 155, 'filtered:empty-text': 1 });
    const filtered = result.items.find((item) => item.kind === 'filtered');
    expect(filtered?.provenance.line).toBe(138);
    const records = recordsOf(result);
    expect(records[0]).toMatchObject({
      text: 'Video recording available',
      channel: 'event-note',
      author: null,
      meta: { section: 'T-Lang Meeting: Current meeting' },
      provenance: { line: 3 },
    });
    expect(records.at(-1)).toMatchObject({
      text: 'do we want to move forward?',
      meta: { section: 'Main topic proposals', parent: 'RFC: Pointer metadata & VTable #2580' },
      provenance: { line: 170 },
    });
    const sections = records.map((record) => record.meta['section']);
    expect(sections.every((section) => typeof section === 'string')).toBe(true);
    expect(new Set(sections)).toEqual(new Set(['T-Lang Meeting: Current meeting', 'Shepherded items', 'Triage', 'Main topic proposals']));
    expect(records.filter((record) => record.meta['checked'] === true)).toHaveLength(15);
    expect(records.filter((record) => record.meta['checked'] === false)).toHaveLength(19);
    expect(records.find((record) => record.provenance.line === 48)).toMatchObject({
      text: '#65338 — [WIP] Add implicit named arguments for fmt macros',
      meta: { section: 'Triage', parent: 'Nominated PR', checked: false },
    });
    expect(records.find((record) => record.provenance.line === 10)).toMatchObject({
      text: 'Will continue discussion async.',
      meta: { section: 'Shepherded items' },
    });
    expect(records.find((record) => record.provenance.line === 9)?.text).toBe(
      'There’s ongoing discussion around what rules for promotability should be used in RFC 2203 “Constants in array repeat expressions". Specifically, these rules determine whether [Vec::new(); 2] would be allowed.',
    );
    expect(records.find((record) => record.provenance.line === 105)?.text).toBe('aturon nikomatsakis withoutboats');
    for (const record of records) {
      expect(record.text).not.toMatch(/\]\(|https?:|\*\*|^\[[ xX]\]|^[-*+] |^#{1,6} /);
    }
    expect(
      records.some((record) =>
        ['T-Lang Meeting: Current meeting', 'Shepherded items', 'Triage', 'Main topic proposals'].includes(record.text),
      ),
    ).toBe(false);
    expectCleanTexts(result);
  });
});
