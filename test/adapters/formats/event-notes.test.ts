import { describe, expect, test } from '@jest/globals';
import { SNIFF_THRESHOLD } from '../../../src/adapters/format-detection.js';
import { eventNotesAdapter } from '../../../src/adapters/formats/event-notes.js';
import { countItems, recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';

async function notes(fileName: string, text: string) {
  const result = await readTempInput(fileName, text);
  return recordsOf(result).map((record) => ({ text: record.text, ...record.meta }));
}

describe('event-notes sections', () => {
  test('the section is the full heading path, cut back when a higher heading comes', async () => {
    const records = await notes('n.md', '# Day 1\n## Workshop A\n### Table 3\n- one\n## Workshop B\n- two\n# Day 2\n- three\n');
    expect(records).toEqual([
      { text: 'one', section: 'Day 1 › Workshop A › Table 3' },
      { text: 'two', section: 'Day 1 › Workshop B' },
      { text: 'three', section: 'Day 2' },
    ]);
  });

  test('a second-level heading without a first gives a one-part path; text before any heading has no section', async () => {
    expect(await notes('n.md', 'intro\n\n## Workshop B\n- idea\n')).toEqual([{ text: 'intro' }, { text: 'idea', section: 'Workshop B' }]);
  });
});

describe('event-notes blocks', () => {
  test('a paragraph indented under a bullet after a blank line belongs to it (meta.parent), not to code', async () => {
    const records = await notes('n.md', '- Transport\n\n  Buses stop at six.\n\n      a code block four deeper\n');
    expect(records).toEqual([{ text: 'Transport' }, { text: 'Buses stop at six.', parent: 'Transport' }]);
  });

  test('tabs indent like four spaces', async () => {
    expect(await notes('n.md', '- parent\n\t- child\n')).toEqual([{ text: 'parent' }, { text: 'child', parent: 'parent' }]);
  });

  test('in plain text, indentation is never code', async () => {
    expect(await notes('n.txt', '    An indented paragraph in a letter.\n')).toEqual([{ text: 'An indented paragraph in a letter.' }]);
  });

  test('the same bullet under two headings is two records with different ids', async () => {
    const result = await readTempInput('n.md', '# A\n- Parking\n# B\n- Parking\n');
    const ids = recordsOf(result).map((record) => record.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });

  test('front matter that never closes was not front matter: its lines are read', async () => {
    expect(await notes('n.md', '---\ntitle: not closed\n- an idea\n')).toEqual([{ text: 'title: not closed' }, { text: 'an idea' }]);
  });

  test('an empty checkbox bullet is filtered as empty text', async () => {
    const result = await readTempInput('n.md', '- [ ]\n- [x] done\n');
    expect(countItems(result)).toEqual({ 'filtered:empty-text': 1, record: 1 });
  });

  test('records are channel event-note with no author or date', async () => {
    const [record] = recordsOf(await readTempInput('n.md', '- idea\n'));
    expect(record).toMatchObject({
      channel: 'event-note',
      format: 'event-notes',
      author: null,
      date: null,
      provenance: { file: 'n.md', line: 1 },
    });
  });
});

describe('event-notes sniff', () => {
  const sniff = (headText: string, extension: string) =>
    eventNotesAdapter.sniff({ path: `x${extension}`, extension, headText, headBytes: Buffer.from(headText) });

  test('markdown files are notes; .txt only as the fallback; other files only with headings and bullets', () => {
    expect(sniff('anything', '.md')).toBe(0.9);
    expect(sniff('anything', '.txt')).toBe(0.2);
    expect(sniff('# Day 1\n- one\n- two\n', '')).toBeGreaterThan(0.5);
    expect(sniff('plain words\n', '')).toBe(0);
  });

  test('plain text piped on stdin is notes when no other format claims it', () => {
    const piped = (headText: string) => eventNotesAdapter.sniff({ path: '-', extension: '', headText, headBytes: Buffer.from(headText) });
    expect(piped('Notes from the Leeds event\n\nMore respite for carers.\n')).toBeGreaterThan(SNIFF_THRESHOLD);
    expect(piped('Notes from the Leeds event\n\nMore respite for carers.\n')).toBeLessThan(0.55);
    expect(piped('# Day 1\n- one\n- two\n')).toBeGreaterThan(0.5);
  });
});

describe('event-notes: the line that labels a list', () => {
  test('a question or a session name right above a list is its section, not an idea', async () => {
    const text = 'Workshop 1 - What matters to you?\n• Being listened to\n• Continuity\n\nTable 5\n1) Longer hours\n';
    expect(await notes('n.txt', text)).toEqual([
      { text: 'Being listened to', section: 'Workshop 1 - What matters to you?' },
      { text: 'Continuity', section: 'Workshop 1 - What matters to you?' },
      { text: 'Longer hours', section: 'Table 5' },
    ]);
  });

  test('under a heading it is the last part of the section path, in markdown too', async () => {
    expect(await notes('n.md', '# Day 2\nBarriers:\n- Parking\n')).toEqual([{ text: 'Parking', section: 'Day 2 › Barriers:' }]);
  });

  test('an idea with a number or a capital in it stays an idea: only a session is named by one', async () => {
    const text =
      'Waited 6 weeks for an assessment\n- Parking\n\nI need more respite\n- Transport\n\nA closing remark\n- Buses\n\nBreakout room B\n- Housing\n';
    expect(await notes('n.txt', text)).toEqual([
      { text: 'Waited 6 weeks for an assessment' },
      { text: 'Parking' },
      { text: 'I need more respite' },
      { text: 'Transport' },
      { text: 'A closing remark' },
      { text: 'Buses' },
      { text: 'Housing', section: 'Breakout room B' },
    ]);
  });

  test('an idea right above a list stays an idea: a sentence, an action, a phrase without a number', async () => {
    const text = 'Action: ask the council about buses\n- Parking\n\nmore respite care\n- Transport\n\nCarers felt unheard.\n- Parking\n';
    expect(await notes('n.txt', text)).toEqual([
      { text: 'Action: ask the council about buses' },
      { text: 'Parking' },
      { text: 'more respite care' },
      { text: 'Transport' },
      { text: 'Carers felt unheard.' },
      { text: 'Parking' },
    ]);
  });

  test('a label with a blank line before its list is an idea, and a paragraph after the list ends its section', async () => {
    const text = 'Table 5\n\n- Parking\n\nWorkshop 2\n- Transport\n\nThe venue was too far.\n';
    expect(await notes('n.txt', text)).toEqual([
      { text: 'Table 5' },
      { text: 'Parking' },
      { text: 'Transport', section: 'Workshop 2' },
      { text: 'The venue was too far.' },
    ]);
  });
});

describe('event-notes: bullets pasted from a word processor', () => {
  test("Word's second-level o, a middle dot and an en dash are bullets in plain text", async () => {
    const text = '· Continuity of carers\n   o same carer each week\n– Transport\n';
    expect(await notes('n.txt', text)).toEqual([
      { text: 'Continuity of carers' },
      { text: 'same carer each week', parent: 'Continuity of carers' },
      { text: 'Transport' },
    ]);
  });

  test('a line starting with the word "o" is not a bullet in markdown', async () => {
    expect(await notes('n.md', 'o what a day\n')).toEqual([{ text: 'o what a day' }]);
  });
});

describe('event-notes questions', () => {
  test('a numbered question right after a list, with no blank line between, is the next question, as LibreOffice saves a response as text', async () => {
    const text = [
      'Q1. What matters most to you?',
      'Being listened to.',
      '    \u2022 More respite at weekends',
      '    \u2022 Direct payments that are easier to manage',
      'Q2. What should the partnership do differently?',
      'Involve carers from the start.',
      '',
    ].join('\n');
    const records = recordsOf(await readTempInput('response.txt', text));
    expect(records.map((record) => [record.text, record.meta['question'] ?? null])).toEqual([
      ['What matters most to you?', null],
      ['Being listened to.', 'What matters most to you?'],
      ['More respite at weekends', 'What matters most to you?'],
      ['Direct payments that are easier to manage', 'What matters most to you?'],
      ['What should the partnership do differently?', null],
      ['Involve carers from the start.', 'What should the partnership do differently?'],
    ]);
  });

  test("a line inside a list item that looks like a question stays the item's", async () => {
    const text = ['- The first idea', '  Q: is it funded?', '- The second idea', ''].join('\n');
    expect((await notes('ideas.md', text)).map((record) => record.text)).toEqual(['The first idea Q: is it funded?', 'The second idea']);
  });
});

describe('event-notes contact details', () => {
  test('a form saved as text: a contact label alone and the short line after it, and a line of only an e-mail address, are contact details, never stored', async () => {
    const text = [
      'About you',
      'Name',
      'Jane Smith',
      'Email',
      'jane@example.org',
      'Tel: 01234 567890',
      'Organisation',
      'Anytown Carers Network',
      '',
    ].join('\n');
    const result = await readTempInput('response.txt', text);
    expect(recordsOf(result).map((record) => record.text)).toEqual(['About you', 'Organisation', 'Anytown Carers Network']);
    expect(countItems(result)).toEqual({ record: 3, 'filtered:not-feedback': 5 });
    expect(JSON.stringify(result.items)).not.toMatch(/jane|567890/i);
  });

  test('a sentence after a label line, and an address written in a sentence, stay notes', async () => {
    const text = [
      'Name',
      'Tom from the carers group said respite is hard to find.',
      '',
      'Please write to jane@example.org about the minutes.',
      '',
    ].join('\n');
    const records = recordsOf(await readTempInput('notes.txt', text));
    expect(records.map((record) => record.text)).toEqual([
      'Tom from the carers group said respite is hard to find.',
      'Please write to jane@example.org about the minutes.',
    ]);
  });
});

describe('event-notes Markdown tables', () => {
  test('a question | response table: the header row filtered, each answer a note with its question, a contact row never stored', async () => {
    const text = [
      '## Table 5',
      '| Question | Response |',
      '|---|---|',
      '| Name | Jane Smith |',
      '| E-mail | jane@example.org |',
      '| Q1. What matters most? | Being listened to. |',
      '| Q2. Anything else? |  |',
      '',
    ].join('\n');
    const result = await readTempInput('notes.md', text);
    expect(recordsOf(result).map((record) => [record.text, record.meta['question'] ?? null, record.meta['section']])).toEqual([
      ['Being listened to.', 'Q1. What matters most?', 'Table 5'],
    ]);
    expect(countItems(result)).toEqual({ record: 1, 'filtered:not-feedback': 3 });
    expect(JSON.stringify(result.items)).not.toContain('Jane');
  });

  test('any other table: each cell a note, pipes escaped in a cell kept; the table ends at a line without a pipe', async () => {
    const text = [
      '| Idea | Votes |',
      '| :--- | ---: |',
      '| Longer *opening* hours | 12 |',
      '| Buses \\| trains | 3 |',
      'After the table.',
      '',
    ].join('\n');
    expect((await notes('ideas.md', text)).map((record) => record.text)).toEqual([
      'Longer opening hours',
      '12',
      'Buses | trains',
      '3',
      'After the table.',
    ]);
  });

  test('a line with a pipe and no delimiter row under it stays a line of text', async () => {
    expect((await notes('a.md', 'Buses | trains are late\nand crowded\n')).map((record) => record.text)).toEqual([
      'Buses | trains are late and crowded',
    ]);
  });
});

describe('a Markdown table saved as .txt', () => {
  test('is read as a table of cells split at |: its rule under the header stands for nothing, the ideas are answers', async () => {
    const text = '| Idea | Votes |\n|---|---|\n| Buses are late every morning on route 42 | 3 |\n| More benches in the park please | 5 |\n';
    const result = await readTempInput('ideas.txt', text);
    expect(recordsOf(result).map((record) => record.text)).toEqual([
      'Buses are late every morning on route 42',
      'More benches in the park please',
    ]);
    expect(countItems(result)).toEqual({ record: 2, 'filtered:sentinel-value': 1 });
  });
});

describe('a letter typed as text', () => {
  const letter = [
    '4 March 2024',
    '',
    'Dear Policy Team,',
    '',
    'Thank you for the chance to respond. Our members want to be involved from the start.',
    '',
    'Yours sincerely,',
    '',
    'Jane Smith',
    'Chair, Anytown Carers Network',
    '',
  ].join('\n');

  test('its date, salutation, sign-off and the signature under it are filtered; what it says is kept', async () => {
    const result = await readTempInput('letter.txt', letter);
    expect(recordsOf(result).map((record) => record.text)).toEqual([
      'Thank you for the chance to respond. Our members want to be involved from the start.',
    ]);
    expect(result.items.flatMap((item) => (item.kind === 'filtered' ? [item.detail] : []))).toEqual([
      'letter date',
      'letter salutation',
      'letter sign-off and signature',
      'letter sign-off and signature',
      'letter sign-off and signature',
    ]);
  });

  test('a list item or a note under a question that reads like a sign-off is kept', async () => {
    const result = await readTempInput(
      'notes.txt',
      ['Closing remarks:', '- Kind regards', '', 'Q: How should we end letters?', 'A: Best wishes', ''].join('\n'),
    );
    expect(recordsOf(result).map((record) => record.text)).toEqual(['Kind regards', 'How should we end letters?', 'Best wishes']);
  });
});
