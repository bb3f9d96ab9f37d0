import { describe, expect, test } from '@jest/globals';
import type { AdapterItem } from '../../../src/adapters/format-adapter.js';
import { profileColumns, PROFILE_ROWS } from '../../../src/adapters/readers/free-text-columns.js';
import { looksLikeSurvey, tableItems, type TableItem } from '../../../src/adapters/readers/survey-table.js';
import { InputError } from '../../../src/errors.js';

const SENTENCES = [
  'The staff are kind and patient with my mother',
  'Please run the minibus on Saturdays as well',
  'I never know who is coming to visit each week',
  'The new booking form is much easier to use',
];

function surveyLooks(headers: string[], rows: string[][]): boolean {
  return looksLikeSurvey(headers, profileColumns(headers, rows));
}

describe('looksLikeSurvey', () => {
  const answers = SENTENCES.map((sentence) => [sentence]);

  test('one free-text column alone is a generic table', () => {
    expect(surveyLooks(['comment'], answers)).toBe(false);
  });

  test('two free-text columns make a survey', () => {
    expect(
      surveyLooks(
        ['a', 'b'],
        SENTENCES.map((sentence, index) => [sentence, SENTENCES[(index + 1) % 4] ?? '']),
      ),
    ).toBe(true);
  });

  test('one free-text column beside a Response ID, a scale, or a question column makes a survey', () => {
    const with2 = (header: string, values: string[]) =>
      surveyLooks(
        [header, 'comment'],
        SENTENCES.map((sentence, index) => [values[index] ?? '', sentence]),
      );
    expect(with2('Response ID', ['1', '2', '3', '4'])).toBe(true);
    expect(with2('Rating', ['Agree', 'Disagree', 'Strongly agree', 'Agree'])).toBe(true);
    expect(with2('question', ['Q1', 'Q1', 'Q2', 'Q2'])).toBe(true);
  });

  test('a form’s single question, named as no text column, beside an e-mail column or a submission time is a survey; beside a plain ID or Date it is not', () => {
    const beside = (header: string, values: string[]) =>
      surveyLooks(
        [header, 'Details'],
        SENTENCES.map((sentence, index) => [values[index] ?? '', sentence]),
      );
    expect(beside('ID', ['1', '2', '3', '4'])).toBe(false);
    expect(beside('Email', ['a@example.org', 'anonymous', 'anonymous', 'b@example.org'])).toBe(true);
    expect(beside('Timestamp', ['02/01/2024 14:30:00', '05/01/2024 09:05:12', '13/01/2024 11:00:00', '14/01/2024 12:00:00'])).toBe(true);
    expect(beside('Date', ['02/01/2024', '05/01/2024', '13/01/2024', '14/01/2024'])).toBe(false);
    expect(surveyLooks(['Details'], answers)).toBe(false);
  });

  test('one free-text column named as no text column is a survey when its header asks for people’s words, alone or beside anything', () => {
    const beside = (question: string) =>
      surveyLooks(
        ['Date', question],
        SENTENCES.map((sentence, index) => [`0${index + 1}/01/2024`, sentence]),
      );
    for (const question of ['Any comments about the proposal?', 'Please tell us your views', 'Comments/Suggestions', 'Sylwadau']) {
      expect(beside(question)).toBe(true);
    }
    expect(surveyLooks(['Any comments about the proposal?'], answers)).toBe(true);
    expect(beside('val')).toBe(false);
  });

  test('a plain id column is not a survey signature', () => {
    expect(
      surveyLooks(
        ['id', 'comment'],
        SENTENCES.map((sentence, index) => [String(index), sentence]),
      ),
    ).toBe(false);
  });
});

async function collect(items: AsyncIterable<AdapterItem>): Promise<AdapterItem[]> {
  const all: AdapterItem[] = [];
  for await (const item of items) all.push(item);
  return all;
}

async function* tableOf(headers: string[], rows: string[][], extra: Map<number, TableItem> = new Map()): AsyncIterable<TableItem> {
  yield { kind: 'header', headers, provenance: { file: 'f.csv', line: 1 } };
  for (const [index, cells] of rows.entries()) {
    const inserted = extra.get(index);
    if (inserted !== undefined) yield inserted;
    yield { kind: 'row', cells, provenance: { file: 'f.csv', line: index + 2, row: index + 1 } };
  }
}

describe('tableItems', () => {
  test('rows beyond the profiled sample are streamed, in order, with rejected rows in place', async () => {
    const count = PROFILE_ROWS + 50;
    const rows = Array.from({ length: count }, (_, index) => [
      `R${index}`,
      `${SENTENCES[index % 4]} (${index})`,
      index % 2 === 0 ? 'Agree' : 'Disagree',
    ]);
    const rejected: TableItem = {
      kind: 'rejected',
      code: 'CSV_QUOTE_NOT_CLOSED',
      message: 'broken',
      provenance: { file: 'f.csv', line: 9999 },
    };
    const items = await collect(
      tableItems(
        tableOf(
          ['Response ID', 'Comments', 'Do you agree?'],
          rows,
          new Map([
            [3, rejected],
            [PROFILE_ROWS + 10, rejected],
          ]),
        ),
        { map: {} },
        { location: { file: 'f.csv' }, mode: 'survey' },
      ),
    );
    expect(items).toHaveLength(count + 2);
    expect(items[3]).toBe(rejected);
    expect(items[PROFILE_ROWS + 11]).toBe(rejected);
    const records = items.flatMap((item) => (item.kind === 'record' ? [item.draft] : []));
    expect(records.map((draft) => draft.sourceId)).toEqual(rows.map((cells) => `${cells[0]}:Comments`));
    expect(records[count - 1]?.meta).toEqual({
      question: 'Comments',
      respondent: `R${count - 1}`,
      answers: { 'Do you agree?': 'Disagree' },
    });
  });

  test('a question on publishing is never read as feedback, however few and varied its answers, and a blank permission is kept', async () => {
    const consent = 'May we publish your response?';
    const options = ['Publish response only (without name)', 'Do not publish response', 'Publish response with name', ''];
    const rows = SENTENCES.map((sentence, index) => [`R${index}`, sentence, options[index] ?? '']);
    const items = await collect(
      tableItems(tableOf(['Response ID', 'Comments', consent], rows), { map: {} }, { location: { file: 'f.csv' }, mode: 'survey' }),
    );
    const drafts = items.flatMap((item) => (item.kind === 'record' ? [item.draft] : []));
    expect(drafts.map((draft) => [draft.meta?.['question'], draft.meta?.['answers']])).toEqual(
      options.map((option) => ['Comments', { [consent]: option }]),
    );
  });

  test('answers on publishing written out at length are still answers, never feedback', async () => {
    const consent = 'Can we quote your comments in our report?';
    const refusals = SENTENCES.map(
      (sentence) => `No, please do not quote me, because ${sentence.toLowerCase()} and people would know it was me.`,
    );
    const rows = SENTENCES.map((sentence, index) => [`R${index}`, sentence, refusals[index] ?? '']);
    const items = await collect(
      tableItems(tableOf(['Response ID', 'Comments', consent], rows), { map: {} }, { location: { file: 'f.csv' }, mode: 'survey' }),
    );
    const drafts = items.flatMap((item) => (item.kind === 'record' ? [item.draft] : []));
    expect(drafts.map((draft) => [draft.text, draft.meta?.['answers']])).toEqual(
      SENTENCES.map((sentence, index) => [sentence, { [consent]: refusals[index] }]),
    );
  });

  test('auto mode reads a table without a survey signature like the generic csv adapter', async () => {
    const rows = SENTENCES.map((sentence, index) => [String(index + 1), sentence, 'Jo']);
    const items = await collect(
      tableItems(tableOf(['id', 'comment', 'author'], rows), { map: {} }, { location: { file: 'f.csv' }, mode: 'auto' }),
    );
    expect(items[0]).toEqual({
      kind: 'record',
      draft: {
        sourceId: '1',
        author: 'Jo',
        date: null,
        text: SENTENCES[0],
        url: null,
        inReplyTo: null,
        meta: {},
        provenance: { file: 'f.csv', line: 2, row: 1 },
      },
    });
  });

  test('without a respondent id, identical answers in different rows get different source ids', async () => {
    const rows = [...SENTENCES.map((sentence) => [sentence, 'Agree']), [SENTENCES[0] ?? '', 'Agree']];
    const items = await collect(
      tableItems(tableOf(['comment', 'Do you agree?'], rows), { map: {} }, { location: { file: 'f.csv' }, mode: 'survey' }),
    );
    const ids = items.flatMap((item) => (item.kind === 'record' ? [item.draft.sourceId] : []));
    expect(new Set(ids).size).toBe(5);
    expect(ids.every((id) => id?.startsWith('content:'))).toBe(true);
  });

  test('contact columns are neither questions nor kept answers', async () => {
    const rows = SENTENCES.map((sentence, index) => [
      `R${index}`,
      `12 High Street, Flat ${index}, Leeds`,
      sentence,
      `p${index}@example.org`,
    ]);
    const items = await collect(
      tableItems(
        tableOf(['Respondent', 'Address', 'Comments', 'E-mail'], rows),
        { map: {} },
        { location: { file: 'f.csv' }, mode: 'survey' },
      ),
    );
    const drafts = items.flatMap((item) => (item.kind === 'record' ? [item.draft] : []));
    expect(drafts).toHaveLength(4);
    expect(
      drafts.every((draft) => JSON.stringify(draft.meta).includes('@') === false && !JSON.stringify(draft.meta).includes('High Street')),
    ).toBe(true);
  });

  test('a Microsoft Forms sheet: ID, times, Email and Name beside one question and a tick-box question', async () => {
    const headers = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Which services do you use?', 'Any comments?'];
    const rows = SENTENCES.map((sentence, index) => [
      String(index + 1),
      `11/2${index}/26 09:01:10`,
      `11/2${index}/26 09:07:45`,
      index % 2 === 0 ? `p${index}@example.org` : 'anonymous',
      index % 2 === 0 ? `Person ${index}` : '',
      index % 2 === 0 ? 'Day centre;Home care;' : 'Meals at home;',
      sentence,
    ]);
    const items = await collect(tableItems(tableOf(headers, rows), { map: {} }, { location: { file: 'f.xlsx' }, mode: 'auto' }));
    const drafts = items.flatMap((item) => (item.kind === 'record' ? [item.draft] : []));
    expect(drafts.map((draft) => [draft.sourceId, draft.author, draft.date, draft.text])).toEqual(
      SENTENCES.map((sentence, index) => [
        `${index + 1}:Any comments?`,
        index % 2 === 0 ? `Person ${index}` : null,
        `2026-11-2${index}T09:07:45.000Z`,
        sentence,
      ]),
    );
    expect(drafts[1]?.meta).toEqual({
      question: 'Any comments?',
      respondent: '2',
      answers: { 'Start time': '11/21/26 09:01:10', 'Which services do you use?': 'Meals at home;' },
    });
    expect(JSON.stringify(drafts)).not.toMatch(/@|anonymous/);
  });

  test('a consultation export: the name question is the author, the e-mail question and an organisation are never answers to theme', async () => {
    const headers = ['Response ID', 'Submitted on', 'What is your name?', 'What is your email address?', 'Organisation', '1. Why?'];
    const rows = SENTENCES.map((sentence, index) => [
      `ANON-KFQ${index}-3X5M-H`,
      `2024-03-0${index + 1} 14:03:11`,
      index === 0 ? 'Margaret Okafor' : '',
      index === 0 ? 'm.okafor@example.org' : '',
      index === 2 ? 'Carers Network North' : '',
      sentence,
    ]);
    const items = await collect(tableItems(tableOf(headers, rows), { map: {} }, { location: { file: 'f.csv' }, mode: 'survey' }));
    const drafts = items.flatMap((item) => (item.kind === 'record' ? [item.draft] : []));
    expect(drafts.map((draft) => draft.meta?.['question'])).toEqual(['1. Why?', '1. Why?', '1. Why?', '1. Why?']);
    expect(drafts.map((draft) => [draft.author, draft.date])).toEqual([
      ['Margaret Okafor', '2024-03-01T14:03:11.000Z'],
      [null, '2024-03-02T14:03:11.000Z'],
      [null, '2024-03-03T14:03:11.000Z'],
      [null, '2024-03-04T14:03:11.000Z'],
    ]);
    expect(drafts[2]?.meta?.['answers']).toEqual({ Organisation: 'Carers Network North' });
    expect(JSON.stringify(drafts)).not.toContain('@');
  });

  test('an organisation written as a sentence is still an answer about the respondent, not a question', async () => {
    const rows = SENTENCES.map((sentence, index) => [
      `R${index}`,
      index === 1 ? 'the carers group that meets at the library' : '',
      sentence,
    ]);
    const items = await collect(
      tableItems(
        tableOf(['Response ID', 'Name of your organisation (if applicable)', 'Why?'], rows),
        { map: {} },
        { location: { file: 'f.csv' }, mode: 'survey' },
      ),
    );
    const drafts = items.flatMap((item) => (item.kind === 'record' ? [item.draft] : []));
    expect(drafts.map((draft) => draft.meta?.['question'])).toEqual(['Why?', 'Why?', 'Why?', 'Why?']);
    expect(drafts[1]?.meta?.['answers']).toEqual({
      'Name of your organisation (if applicable)': 'the carers group that meets at the library',
    });
  });

  test('a Microsoft Forms quiz: the marker’s feedback columns are never questions, only the respondent’s answers are', async () => {
    const headers = [
      'ID',
      'Email',
      'Total points',
      'Quiz feedback',
      'What would you change?',
      'Points - What would you change?',
      'Feedback - What would you change?',
    ];
    const rows = SENTENCES.map((sentence, index) => [
      String(index + 1),
      'anonymous',
      String(index),
      `Thank you for taking part in round ${index + 1} of the quiz`,
      sentence,
      String(index),
      `A thoughtful answer, we will pass it on to team ${index + 1}`,
    ]);
    const items = await collect(tableItems(tableOf(headers, rows), { map: {} }, { location: { file: 'f.xlsx' }, mode: 'auto' }));
    const drafts = items.flatMap((item) => (item.kind === 'record' ? [item.draft] : []));
    expect(drafts.map((draft) => draft.text)).toEqual(SENTENCES);
    expect(Object.keys((drafts[0]?.meta?.['answers'] ?? {}) as object)).toEqual([
      'Total points',
      'Quiz feedback',
      'Points - What would you change?',
      'Feedback - What would you change?',
    ]);
  });

  test('a column of e-mail addresses under any header is never kept, in a survey or a one-text table', async () => {
    const rows = SENTENCES.map((sentence, index) => [String(index), sentence, `p${index}@example.org`]);
    for (const mode of ['survey', 'auto'] as const) {
      const items = await collect(
        tableItems(tableOf(['id', 'comment', 'Contact'], rows), { map: {} }, { location: { file: 'f.csv' }, mode }),
      );
      const drafts = items.flatMap((item) => (item.kind === 'record' ? [item.draft] : []));
      expect(drafts).toHaveLength(4);
      expect(JSON.stringify(drafts)).not.toContain('@');
    }
  });

  test('a column of phone numbers under any header is never kept, in a survey or a one-text table', async () => {
    const phones = ['07700 900123', '+44 7700 900456', '0113 496 0789', '+34 662 22 79 31'];
    const rows = SENTENCES.map((sentence, index) => [String(index), sentence, phones[index] ?? '']);
    for (const mode of ['survey', 'auto'] as const) {
      const items = await collect(
        tableItems(tableOf(['id', 'comment', 'Contact number'], rows), { map: {} }, { location: { file: 'f.csv' }, mode }),
      );
      const drafts = items.flatMap((item) => (item.kind === 'record' ? [item.draft] : []));
      expect(drafts).toHaveLength(4);
      expect(JSON.stringify(drafts)).not.toMatch(/7700|0113|662/);
    }
  });

  test('a header with no rows gives nothing, and no error', async () => {
    expect(await collect(tableItems(tableOf(['a', 'b'], []), { map: {} }, { location: { file: 'f.csv' }, mode: 'survey' }))).toEqual([]);
  });

  test('survey mode without any free-text column is an InputError listing the columns', async () => {
    const rows = [
      ['1', 'Agree'],
      ['2', 'Disagree'],
    ];
    await expect(
      collect(tableItems(tableOf(['Respondent', 'Q1'], rows), { map: {} }, { location: { file: 'f.csv' }, mode: 'survey' })),
    ).rejects.toThrow(new InputError('f.csv: no free-text column found (columns: "Respondent", "Q1")'));
  });
});

describe('tableItems: a Decidim survey’s answers', () => {
  test('the session is the respondent, Answered on the date, and the IP hash is never kept', async () => {
    const rows = SENTENCES.map((sentence, index) => [
      `s${index}`,
      `2024-05-0${index + 1} 10:11:12`,
      `9b2c4e6a8d0f1a3c${index}`,
      'Registered',
      sentence,
    ]);
    const items = await collect(
      tableItems(
        tableOf(['ID', 'Answered on', 'IP Hash', 'User status', '1. What works well in the park?'], rows),
        { map: {} },
        { location: { file: 'f.csv' }, mode: 'survey' },
      ),
    );
    const drafts = items.flatMap((item) => (item.kind === 'record' ? [item.draft] : []));
    expect(drafts[0]).toMatchObject({
      sourceId: 's0:1. What works well in the park?',
      date: '2024-05-01T10:11:12.000Z',
      meta: { respondent: 's0' },
    });
    expect(drafts[0]?.meta?.['answers']).toEqual({ 'User status': 'Registered' });
  });
});

describe('tableItems: posts with a title and a body (Decidim proposals, ideas boards)', () => {
  const TITLES = ['Kinder staff', 'Minibus on Saturdays', 'Visiting rota', 'Booking form'];
  const REPLIES = ['We will pass this on to the team', 'The minibus budget is set in March', 'A rota is now on the website', 'Thank you'];

  async function drafts(headers: string[], rows: string[][]) {
    const items = await collect(tableItems(tableOf(headers, rows), { map: {} }, { location: { file: 'f.csv' }, mode: 'survey' }));
    return items.flatMap((item) => (item.kind === 'record' ? [item.draft] : []));
  }

  test('a post is one record, its title and then its body, and the organisation’s answer is kept in meta, never themed', async () => {
    const rows = SENTENCES.map((sentence, index) => [`${index + 1}`, TITLES[index] ?? '', sentence, REPLIES[index] ?? '']);
    const read = await drafts(['id', 'title/en', 'body/en', 'answer/en'], rows);
    expect(read.map((draft) => [draft.sourceId, draft.text])).toEqual(
      SENTENCES.map((sentence, index) => [`${index + 1}:body/en`, `${TITLES[index] ?? ''}\n\n${sentence}`]),
    );
    expect(read[0]?.meta).toEqual({ question: 'body/en', respondent: '1', answers: { 'answer/en': REPLIES[0] } });
  });

  test('a post with no body is its title alone; each language’s title goes with that language’s body', async () => {
    const rows = SENTENCES.map((sentence, index) => [
      `${index + 1}`,
      TITLES[index] ?? '',
      index === 0 ? '' : sentence,
      `Títol ${index}`,
      `Cos ${sentence}`,
    ]);
    const read = await drafts(['id', 'title/en', 'body/en', 'title/ca', 'body/ca'], rows);
    expect(read.slice(0, 3).map((draft) => draft.text)).toEqual([
      TITLES[0],
      'Títol 0\n\nCos ' + (SENTENCES[0] ?? ''),
      `${TITLES[1] ?? ''}\n\n${SENTENCES[1] ?? ''}`,
    ]);
  });

  test('a machine translation of a post (Decidim’s title/machine_translations/es) is neither a record nor an answer', async () => {
    const rows = SENTENCES.map((sentence, index) => [
      `${index + 1}`,
      TITLES[index] ?? '',
      sentence,
      `Título ${index}`,
      `Traducción: ${sentence}`,
    ]);
    const read = await drafts(['id', 'title/en', 'body/en', 'title/machine_translations/es', 'body/machine_translations/es'], rows);
    expect(read.map((draft) => [draft.sourceId, draft.meta?.['answers']])).toEqual(
      SENTENCES.map((_, index) => [`${index + 1}:body/en`, {}]),
    );
  });

  test('the author’s profile link is the url of a post without one, never meta; the organisation’s or a meeting’s leaves no author', async () => {
    const links = [
      'https://participate.example.org/profiles/marta_o',
      'https://participate.example.org/',
      'https://participate.example.org/processes/parks/f/9/meetings/4',
      '',
    ];
    const names = ['Marta Oyelaran', 'Leeds City Council', 'Spring drop-in', 'Dev Raman'];
    const rows = SENTENCES.map((sentence, index) => [
      `${index + 1}`,
      names[index] ?? '',
      links[index] ?? '',
      TITLES[index] ?? '',
      sentence,
    ]);
    const read = await drafts(['id', 'author/name', 'author/url', 'title/en', 'body/en'], rows);
    expect(read.map((draft) => [draft.author, draft.url ?? null, draft.meta?.['answers']])).toEqual([
      ['Marta Oyelaran', links[0], {}],
      [null, null, {}],
      [null, null, {}],
      ['Dev Raman', null, {}],
    ]);
    const withUrl = await drafts(
      ['id', 'author/name', 'author/url', 'title/en', 'body/en', 'url'],
      rows.map((cells, index) => [...cells, `https://participate.example.org/proposals/${index + 1}`]),
    );
    expect(withUrl.map((draft) => draft.url)).toEqual(rows.map((_, index) => `https://participate.example.org/proposals/${index + 1}`));
  });

  test('a withdrawn post (state withdrawn, withdrawn true, or a withdrawn_at date) is filtered withdrawn, one item per row', async () => {
    const rows = SENTENCES.map((sentence, index) => [
      `${index + 1}`,
      TITLES[index] ?? '',
      sentence,
      index === 0 ? 'withdrawn' : 'evaluating',
      index === 1 ? 'true' : 'false',
      index === 2 ? '2024-06-03 07:41:19 UTC' : '',
    ]);
    const items = await collect(
      tableItems(
        tableOf(['id', 'title/en', 'body/en', 'state', 'withdrawn', 'withdrawn_at'], rows),
        { map: {} },
        { location: { file: 'f.csv' }, mode: 'survey' },
      ),
    );
    expect(
      items.map((item) => (item.kind === 'filtered' ? `${item.rule} ${item.sourceId ?? ''} ${item.detail ?? ''}` : item.kind)),
    ).toEqual([
      'withdrawn 1:body/en withdrawn by its author (state "withdrawn")',
      'withdrawn 2:body/en withdrawn by its author (withdrawn true)',
      'withdrawn 3:body/en withdrawn by its author (withdrawn_at 2024-06-03 07:41:19 UTC)',
      'record',
    ]);
  });

  test('a job title (Care Manager, Social Worker) beside a description is no post title: kept in meta.answers', async () => {
    const jobs = ['Care Manager', 'Social Worker', 'Occupational Therapist', 'Team Leader'];
    const read = await drafts(
      ['Response ID', 'Title', 'Description'],
      SENTENCES.map((sentence, index) => [`R${index}`, jobs[index] ?? '', sentence]),
    );
    expect(read.map((draft) => [draft.text, draft.meta?.['answers']])).toEqual(
      SENTENCES.map((sentence, index) => [sentence, { Title: jobs[index] }]),
    );
  });

  test('a person’s title (Mr, Ms) beside a description is no post title, and an answer column with no post beside it stays an answer', async () => {
    const honorifics = ['Mr', 'Ms', 'Mrs', 'Mr'];
    const withTitle = await drafts(
      ['Response ID', 'Title', 'Description'],
      SENTENCES.map((sentence, index) => [`R${index}`, honorifics[index] ?? '', sentence]),
    );
    expect(withTitle.map((draft) => draft.text)).toEqual(SENTENCES);
    const longFormat = await drafts(
      ['Response ID', 'Comments', 'Answer'],
      SENTENCES.map((sentence, index) => [`R${index}`, sentence, REPLIES[index] ?? '']),
    );
    expect(longFormat.map((draft) => draft.meta?.['question'])).toEqual([
      'Comments',
      'Answer',
      'Comments',
      'Answer',
      'Comments',
      'Answer',
      'Comments',
      'Answer',
    ]);
  });
});

describe('tableItems: poll and presentation tools’ results', () => {
  const reading = { location: { file: 'f.csv' }, mode: 'auto' as const };

  test('a closed poll’s tally is filtered not-feedback with the reason; an open poll’s answers are records with the question', async () => {
    const rows = [
      ['Which part matters most?', 'Multiple choice', 'Parks', '34'],
      ['What one change would help?', 'Open text', 'Benches near the market', '1'],
    ];
    const items = await collect(tableItems(tableOf(['Poll', 'Poll type', 'Option', 'Votes'], rows), { map: {} }, reading));
    expect(items.map((item) => item.kind)).toEqual(['filtered', 'record']);
    expect(items[0]).toMatchObject({ rule: 'not-feedback', detail: 'poll result: the votes for one option of a "Multiple choice" poll' });
    expect(items[1]).toMatchObject({
      draft: { text: 'Benches near the market', meta: { question: 'What one change would help?', 'Poll type': 'Open text', Votes: '1' } },
    });
  });

  test('one answer a row: the participant is the author, Anonymous none; a closed poll’s answer is filtered', async () => {
    const rows = [
      ['What one change would help?', 'Open text', 'Anonymous', 'More benches'],
      ['What one change would help?', 'Open text', 'Tom Reed', 'Fewer empty shops'],
      ['How well did we explain it?', 'Rating', 'Tom Reed', '4'],
    ];
    const headers = ['Poll question', 'Poll type', 'Participant', 'Answer'];
    const items = await collect(tableItems(tableOf(headers, rows), { map: {} }, reading));
    expect(items.map((item) => (item.kind === 'record' ? item.draft.author : item.kind))).toEqual([null, 'Tom Reed', 'filtered']);
    expect(items[2]).toMatchObject({ rule: 'not-feedback', detail: 'an answer to a "Rating" poll' });
  });

  test('a one-column table of responses takes its question from the title row above it', async () => {
    async function* sheet(): AsyncIterable<TableItem> {
      const titles = [{ cells: ['What one change would help?'], place: 'row 1 of sheet "2"' }];
      yield { kind: 'header', headers: ['Responses'], provenance: { file: 'f.xlsx', row: 3, part: '2' }, titles };
      yield { kind: 'row', cells: ['More benches'], provenance: { file: 'f.xlsx', row: 4, part: '2' } };
    }
    const items = await collect(tableItems(sheet(), { map: {} }, { location: { file: 'f.xlsx' }, mode: 'auto' }));
    expect(items).toMatchObject([{ kind: 'record', draft: { text: 'More benches', meta: { question: 'What one change would help?' } } }]);
  });

  test('a tally naming no poll (Response,Votes, no title row) is read by the generic rules: it may be an ideas board', async () => {
    const rows = [['Put a crossing outside the primary school on Mill Lane', '12']];
    const items = await collect(tableItems(tableOf(['Response', 'Votes'], rows), { map: {} }, reading));
    expect(items).toMatchObject([{ kind: 'record', draft: { text: 'Put a crossing outside the primary school on Mill Lane' } }]);
  });

  test('--map naming the text column reads the table by the generic rules', async () => {
    const rows = [['Which part matters most?', 'Parks', '34']];
    const items = await collect(tableItems(tableOf(['Poll', 'Option', 'Votes'], rows), { map: { text: 'Option' } }, reading));
    expect(items).toMatchObject([{ kind: 'record', draft: { text: 'Parks' } }]);
  });
});
