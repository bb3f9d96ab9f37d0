import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { panelLabel, PanelLinker, type PanelTweet } from '../../src/ingest/hashtag-panel.js';
import { findAdapter } from '../../src/adapters/registry.js';
import { openInputSource } from '../../src/source/input-source.js';
import { cleanRecordText } from '../../src/text/clean-record-text.js';
import { listFixtureCases, readFileItems, recordsOf } from '../helpers/read-fixture.js';

/** Each tweet's text as its format reads it (before the panel pass), by id: the host's questions are not stored. */
async function draftTexts(path: string, format: string): Promise<Map<string, string>> {
  const adapter = findAdapter(format);
  if (adapter === undefined) throw new Error(`no format ${format}`);
  const texts = new Map<string, string>();
  for await (const item of adapter.read(await openInputSource(path), { map: {} })) {
    if (item.kind === 'record' && item.draft.sourceId !== null) texts.set(item.draft.sourceId, cleanRecordText(item.draft.text));
  }
  return texts;
}

describe('panelLabel: the numbered labels of a hashtag panel', () => {
  test.each<[string, ReturnType<typeof panelLabel>]>([
    ['Q1 What helps?', { kind: 'question', number: 1 }],
    ['Q2: Who decides?', { kind: 'question', number: 2 }],
    ['q3) lower case', { kind: 'question', number: 3 }],
    ['A1 Carers who turn up', { kind: 'answer', number: 1 }],
    ['A1: Carers', { kind: 'answer', number: 1 }],
    ['A1) Carers', { kind: 'answer', number: 1 }],
    ['A1. Carers', { kind: 'answer', number: 1 }],
    ['a1 carers', { kind: 'answer', number: 1 }],
    ['A12 bus route', { kind: 'answer', number: 12 }],
    ['Q1/A1 A named person', { kind: 'answer', number: 1 }],
    ['Q2 / A2 nobody', { kind: 'answer', number: 2 }],
    ['@tlap_chat A2: nobody asked', { kind: 'answer', number: 2 }],
    ['#TLAPchat Q4 last one', { kind: 'question', number: 4 }],
    ['@thinklocalactpersonal.bsky.social A1 one list kept current', { kind: 'answer', number: 1 }],
    ['@TLAP@mastodonapp.uk A3: rotas', { kind: 'answer', number: 3 }],
    ['A1C levels were high', null],
    ['Q123 is not a label', null],
    ['Answer: yes', null],
    ['Great chat', null],
    ['I said A1 earlier', null],
  ])('%j', (text, label) => {
    expect(panelLabel(text)).toEqual(label);
  });
});

describe('PanelLinker', () => {
  const tweet = (id: string, author: string, text: string, extra: Partial<PanelTweet> = {}): PanelTweet => ({
    id,
    author,
    text,
    date: null,
    inReplyTo: null,
    ...extra,
  });

  test('tweets may come in any order (an archive is newest first)', () => {
    const linker = new PanelLinker();
    linker.add(tweet('3', 'ann', 'and more', { inReplyTo: '2' }));
    linker.add(tweet('2', 'ann', 'A1 first', { inReplyTo: null }));
    linker.add(tweet('1', 'host', 'Q1 question'));
    expect([...linker.resolve().answers]).toEqual([
      ['2', { questionId: '1', question: 'Q1 question' }],
      ['3', { questionId: '1', question: 'Q1 question' }],
    ]);
  });

  test('a reply chain longer than the walk limit, or a loop, ends the walk without a link', () => {
    const linker = new PanelLinker();
    linker.add(tweet('q', 'host', 'Q1 question'));
    for (let index = 1; index <= 60; index += 1)
      linker.add(tweet(`r${index}`, 'ann', 'reply', { inReplyTo: index === 1 ? 'q' : `r${index - 1}` }));
    linker.add(tweet('x', 'bo', 'loop', { inReplyTo: 'y' }));
    linker.add(tweet('y', 'bo', 'loop', { inReplyTo: 'x' }));
    const links = linker.resolve().answers;
    expect(links.has('r50')).toBe(true);
    expect(links.has('r60')).toBe(false);
    expect(links.has('x')).toBe(false);
  });

  test('the host’s questions come back with their numbers; the host’s own A1 is an answer, not a question', () => {
    const linker = new PanelLinker();
    linker.add(tweet('q1', 'host', 'Q1 question one'));
    linker.add(tweet('q2', 'host', 'Q2 question two', { inReplyTo: 'q1' }));
    linker.add(tweet('h', 'host', 'A1 our own answer'));
    const { questions, answers } = linker.resolve();
    expect(questions).toEqual(
      new Map([
        ['q1', 1],
        ['q2', 2],
      ]),
    );
    expect(answers.get('h')?.questionId).toBe('q1');
  });

  test('a one-question panel: "Q1 was hard" replying to the host’s Q1 is no question, and answers it', () => {
    const linker = new PanelLinker();
    linker.add(tweet('q1', 'host', 'Q1 question one'));
    linker.add(tweet('c', 'bo', '@host Q1 was hard', { inReplyTo: 'q1' }));
    const { questions, answers } = linker.resolve();
    expect([...questions.keys()]).toEqual(['q1']);
    expect(answers.get('c')?.questionId).toBe('q1');
  });

  test('authors tied on question numbers: those who asked a number first are the hosts, unless dates cannot tell', () => {
    const dated = new PanelLinker();
    dated.add(tweet('late', 'bo', 'Q1 was hard', { date: '2024-11-20T09:05:00.000Z' }));
    dated.add(tweet('q1', 'host', 'Q1 question one', { date: '2024-11-20T09:00:00.000Z' }));
    expect([...dated.resolve().questions.keys()]).toEqual(['q1']);
    const undated = new PanelLinker();
    undated.add(tweet('q1', 'host', 'Q1 question one'));
    undated.add(tweet('late', 'bo', 'Q1 was hard'));
    expect([...undated.resolve().questions.keys()]).toEqual(['q1', 'late']);
  });

  test('many sessions of the same question: each answer links to the latest one at or before it, the first added of those on one date', () => {
    const linker = new PanelLinker();
    const day = (index: number): string => new Date(Date.UTC(2024, 0, 1) + index * 86_400_000).toISOString();
    const sessions = 2000;
    for (let index = sessions - 1; index >= 0; index -= 1) {
      linker.add(tweet(`q${index}`, 'host', `Q1 session ${index}`, { date: day(2 * index) }));
      linker.add(tweet(`a${index}`, `p${index}`, 'A1 an answer', { date: day(2 * index + 1) }));
    }
    linker.add(tweet('q-again', 'host', 'Q1 asked again the same day', { date: day(0) }));
    linker.add(tweet('early', 'ann', 'A1 before any question', { date: '2023-12-31T00:00:00.000Z' }));
    const links = linker.resolve().answers;
    expect(links.get('a0')?.questionId).toBe('q0');
    expect(links.get(`a${sessions - 1}`)?.questionId).toBe(`q${sessions - 1}`);
    expect([...links.values()].filter((link, index) => link.questionId !== `q${sessions - 1 - index}`)).toEqual([]);
    expect(links.has('early')).toBe(false);
  });

  test('questions from more accounts than a function may take arguments are weighed without spreading them', () => {
    const linker = new PanelLinker();
    for (let index = 0; index < 200_000; index += 1) linker.add(tweet(`q${index}`, `account${index}`, 'Q1 who asks?'));
    expect(() => linker.resolve()).not.toThrow();
  });

  test('two Q1 with no dates to tell them apart: an A1 is left unlinked', () => {
    const linker = new PanelLinker();
    linker.add(tweet('q1', 'host', 'Q1 first session'));
    linker.add(tweet('q2', 'host', 'Q1 second session'));
    linker.add(tweet('a', 'ann', 'A1 which one?'));
    expect(linker.resolve().answers.size).toBe(0);
  });
});

const panelCases = listFixtureCases('adapters').filter((fixture) => /\/panel-/.test(fixture.name));

describe('hashtag panel fixtures: answers linked to their questions, scored against panel-truth.json', () => {
  test('there is a panel case for each variant, across the tweet formats', () => {
    expect(panelCases.map((fixture) => fixture.name).sort()).toEqual([
      'rtweet-csv/panel-two-sessions',
      'tags-csv/panel-paren-lowercase',
      'twarc-csv/panel-thread',
      'twitter-api-v1/panel-colon',
      'twitter-api-v2/panel-replies',
    ]);
  });

  test('precision and recall of the links, as README.md states them', async () => {
    let answers = 0;
    let linked = 0;
    let correct = 0;
    let falseLinks = 0;
    const mistakes: string[] = [];
    for (const fixture of panelCases) {
      const truth = JSON.parse(readFileSync(join(fixture.dir, 'panel-truth.json'), 'utf8')) as Record<string, string | null>;
      const read = await readFileItems(join(fixture.dir, fixture.inputName), { displayPath: fixture.inputName });
      const records = recordsOf(read);
      const hostQuestions = read.items.flatMap((item) =>
        item.kind === 'filtered' && item.rule === 'panel-question' ? [item.sourceId] : [],
      );
      expect([...records.map((record) => record.sourceId), ...hostQuestions].sort()).toEqual(Object.keys(truth).sort());
      for (const question of Object.values(truth)) if (question !== null) expect(hostQuestions).toContain(question);
      const texts = await draftTexts(join(fixture.dir, fixture.inputName), read.format ?? '');
      for (const record of records) {
        const expected = truth[record.sourceId] ?? null;
        const got = typeof record.meta['questionId'] === 'string' ? record.meta['questionId'] : null;
        if (expected !== null) answers += 1;
        if (got !== null) linked += 1;
        if (got !== null && expected === null) falseLinks += 1;
        if (got !== null && got === expected) correct += 1;
        else if (got !== expected) mistakes.push(`${fixture.name} ${record.sourceId}: expected ${String(expected)}, got ${String(got)}`);
        if (got !== null) {
          expect(record.meta['question']).toBe(texts.get(got));
        }
      }
    }
    expect({ answers, linked, correct, falseLinks }).toEqual({ answers: 22, linked: 22, correct: 21, falseLinks: 0 });
    expect(mistakes).toEqual(['rtweet-csv/panel-two-sessions 1100000000000000014: expected 1100000000000000001, got 1100000000000000011']);
  });
});
