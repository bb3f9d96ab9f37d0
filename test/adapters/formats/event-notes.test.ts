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
