import { describe, expect, test } from '@jest/globals';
import {
  draftFromRow,
  isSectionColumn,
  liveQuestionColumns,
  mapColumns,
  nestedColumnFor,
  noTextColumnError,
} from '../../../src/adapters/readers/column-mapping.js';

const at = { file: 'input.json' };

describe('nestedColumnFor: the dotted path that fills a field when no top-level column does', () => {
  test('author from a person object: from.name, user.screen_name, author.name', () => {
    expect(nestedColumnFor('author', ['from.id', 'from.name'])).toBe('from.name');
    expect(nestedColumnFor('author', ['user.id', 'user.screen_name'])).toBe('user.screen_name');
    expect(nestedColumnFor('author', ['user.screen_name', 'user.name'])).toBe('user.name');
    expect(nestedColumnFor('author', ['author.name'])).toBe('author.name');
  });

  test('a name that is not a person’s is no author', () => {
    expect(nestedColumnFor('author', ['place.name', 'page.name'])).toBeNull();
  });

  test('text and date by their last segment, the shallowest one; none when two are equally shallow', () => {
    expect(nestedColumnFor('date', ['snippet.publishedAt', 'snippet.updatedAt'])).toBe('snippet.publishedAt');
    expect(nestedColumnFor('text', ['comment.body', 'reply.content.body'])).toBe('comment.body');
    expect(nestedColumnFor('text', ['a.message', 'b.message'])).toBeNull();
  });

  test('never text or date from inside a person object (a profile’s description, an account’s creation date)', () => {
    expect(nestedColumnFor('date', ['user.created_at'])).toBeNull();
    expect(nestedColumnFor('text', ['user.text'])).toBeNull();
  });

  test('ids and links only by their whole path: parent.id is a reply link, from.id is no record id', () => {
    expect(nestedColumnFor('inReplyTo', ['from.id', 'parent.id'])).toBe('parent.id');
    expect(nestedColumnFor('id', ['from.id'])).toBeNull();
  });
});

describe('mapColumns with nested columns', () => {
  test('top-level names come first, nested paths fill what is left', () => {
    const headers = ['message', 'from.name', 'text.note', 'created_time', 'id', 'parent.id'];
    const mapping = mapColumns(at, headers, {}, { nestedColumns: new Set(['from.name', 'text.note', 'parent.id']) });
    expect(mapping.fields).toEqual({ text: 'message', author: 'from.name', date: 'created_time', id: 'id', inReplyTo: 'parent.id' });
    expect(mapping.metaColumns).toEqual(['text.note']);
  });

  test('--map names a dotted path', () => {
    const headers = ['snippet.textOriginal', 'snippet.authorDisplayName'];
    const mapping = mapColumns(at, headers, { text: 'snippet.textOriginal' }, { nestedColumns: new Set(headers) });
    expect(mapping.fields.text).toBe('snippet.textOriginal');
  });

  test('the no-text error lists the columns it is given', () => {
    expect(noTextColumnError(at, ['data', 'paging']).message).toBe('input.json: no text column found (columns: "data", "paging")');
  });
});

const dateColumnOf = (headers: readonly string[]): string | undefined => mapColumns({ file: 'responses.csv' }, headers, {}).fields.date;

describe('mapColumns: the date column', () => {
  test('is found with a time zone named after its name', () => {
    expect(dateColumnOf(['#', 'Comment', 'Start Date (UTC)', 'Submit Date (UTC)'])).toBe('Submit Date (UTC)');
    expect(dateColumnOf(['Comment', 'Created at GMT'])).toBe('Created at GMT');
  });

  test('a name without the zone comes first, in the usual order of names', () => {
    expect(dateColumnOf(['Comment', 'Submit Date (UTC)', 'Date'])).toBe('Date');
  });

  test('a zone alone, or a name that only ends in the same letters, is not a date column', () => {
    expect(dateColumnOf(['Comment', 'UTC'])).toBeUndefined();
    expect(dateColumnOf(['Comment', 'Start Date (UTC)'])).toBeUndefined();
  });
});

describe('draftFromRow: the author', () => {
  const mapping = mapColumns(at, ['Name', 'Comment'], {});

  test('is the name column’s value', () => {
    expect(draftFromRow({ Name: 'Asha Patel', Comment: 'Good' }, mapping, { file: 'f.csv' }).author).toBe('Asha Patel');
  });

  test('is none when the cell only says the respondent was not identified', () => {
    expect(draftFromRow({ Name: 'Anonymous', Comment: 'Good' }, mapping, { file: 'f.csv' }).author).toBeNull();
    expect(draftFromRow({ Name: 'anonymous', Comment: 'Good' }, mapping, { file: 'f.csv' }).author).toBeNull();
  });
});

describe('draftFromRow: meta', () => {
  test('a blank cell is left out, except under a question asking leave to publish, where blank is no leave', () => {
    const mapping = mapColumns(
      at,
      ['Comment', 'Ward', 'Can we publish your comments?', 'Would you like your comments kept confidential?'],
      {},
    );
    const row = { Comment: 'Good', Ward: '', 'Can we publish your comments?': '', 'Would you like your comments kept confidential?': '' };
    expect(draftFromRow(row, mapping, { file: 'f.csv' }).meta).toEqual({ 'Can we publish your comments?': '' });
  });
});

describe('mapColumns: contact columns', () => {
  test('are never kept in meta', () => {
    const mapping = mapColumns(at, ['id', 'text', 'Email', 'What is your email address?', 'IP Address', 'Ward'], {});
    expect(mapping.metaColumns).toEqual(['Ward']);
  });
});

describe('mapColumns: the submission time', () => {
  test.each(['Submitted on', 'Date completed', 'Completed at', 'Submission date'])('%p is the date column', (header) => {
    expect(mapColumns(at, ['text', header], {}).fields.date).toBe(header);
  });
});

describe('draftFromRow: an author column holding e-mail addresses', () => {
  const mapping = mapColumns(at, ['author', 'text'], {});

  test('gives the name beside the address, or no author', () => {
    expect(draftFromRow({ author: 'Jo Bloggs <jo@example.org>', text: 'Good' }, mapping, { file: 'f.csv' }).author).toBe('Jo Bloggs');
    expect(draftFromRow({ author: 'sam@example.net', text: 'Good' }, mapping, { file: 'f.csv' }).author).toBeNull();
  });
});

describe('draftFromRow: ids never change with an author taken out', () => {
  test('the cell as exported is kept for the content id', () => {
    const mapping = mapColumns(at, ['author', 'text'], {});
    expect(draftFromRow({ author: 'sam@example.net', text: 'Good' }, mapping, { file: 'f.csv' }).idAuthor).toBe('sam@example.net');
    expect(draftFromRow({ author: 'anonymous', text: 'Good' }, mapping, { file: 'f.csv' }).idAuthor).toBe('anonymous');
    expect(draftFromRow({ author: 'Asha Patel', text: 'Good' }, mapping, { file: 'f.csv' }).idAuthor).toBeUndefined();
  });
});

describe('draftFromRow: meta never holds an address', () => {
  test('a cell that is an address is left out, an address among words is masked', () => {
    const mapping = mapColumns(at, ['text', 'Contact', 'Notes', 'Ward'], {});
    const draft = draftFromRow(
      { text: 'Good', Contact: 'jo@example.org', Notes: 'Ring me or write to jo@example.org', Ward: 'Leeds North' },
      mapping,
      { file: 'f.csv' },
    );
    expect(draft.meta).toEqual({ Notes: 'Ring me or write to [address]', Ward: 'Leeds North' });
  });
});

describe('live Q&A exports: a question column beside an asker column', () => {
  const zoom = ['#', 'Question', 'Asker Name', 'Asker Email', 'Answer(s)'];

  test('the question is the text and the asker the author; the reply and the number stay in meta, the e-mail nowhere', () => {
    expect(liveQuestionColumns(zoom)).toEqual({ question: 'Question', asker: 'Asker Name' });
    const mapping = mapColumns(at, zoom, {});
    expect(mapping.fields).toEqual({ text: 'Question', author: 'Asker Name' });
    expect(mapping.metaColumns).toEqual(['#', 'Answer(s)']);
  });

  test('an Anonymous Attendee is no author', () => {
    const mapping = mapColumns(at, zoom, {});
    const row = { '#': '2', Question: 'Will carers get breaks?', 'Asker Name': 'Anonymous Attendee', 'Asker Email': '', 'Answer(s)': '' };
    expect(draftFromRow(row, mapping, at).author).toBeNull();
  });

  test('a long-format survey (question and answer columns, no asker) is no live Q&A', () => {
    expect(liveQuestionColumns(['Respondent ID', 'Question', 'Answer'])).toBeUndefined();
  });

  test('--map text= still names the text', () => {
    expect(mapColumns(at, zoom, { text: 'Answer(s)' }).fields.text).toBe('Answer(s)');
  });
});

describe('section columns: the part of a wall a post was put in', () => {
  test('Padlet’s Section is kept as meta.section', () => {
    expect(isSectionColumn('Section')).toBe(true);
    expect(isSectionColumn('Sections of the agreement you read')).toBe(false);
    const headers = ['Subject', 'Body', 'Author', 'Created At', 'Section'];
    const mapping = mapColumns(at, headers, {});
    const row = {
      Subject: 'PAs',
      Body: 'It took eight months.',
      Author: 'Asha',
      'Created At': '2024-01-15 10:04:12',
      Section: 'What gets in the way?',
    };
    expect(draftFromRow(row, mapping, at).meta).toEqual({ section: 'What gets in the way?' });
  });
});

describe('subject columns: the heading a writer gave a post', () => {
  const headers = ['Subject', 'Body', 'Author', 'Section'];

  test('a post is its subject above its body, one text, and a post with only a subject is the subject', () => {
    const mapping = mapColumns(at, headers, {});
    expect(mapping.postTitle).toBe('Subject');
    expect(mapping.metaColumns).toEqual(['Section']);
    const headingOnly = draftFromRow({ Subject: 'More respite at weekends', Body: '', Author: 'Kim', Section: 'Ideas' }, mapping, at);
    expect(headingOnly.text).toBe('More respite at weekends');
    expect(headingOnly.meta).toEqual({ section: 'Ideas' });
    const both = draftFromRow({ Subject: 'PAs', Body: 'It took eight months.', Author: 'Kim', Section: 'Ideas' }, mapping, at);
    expect(both.text).toBe('PAs\n\nIt took eight months.');
    expect(both.meta).toEqual({ section: 'Ideas' });
    const bodyOnly = draftFromRow({ Subject: ' ', Body: 'It took eight months.', Author: 'Kim', Section: 'Ideas' }, mapping, at);
    expect(bodyOnly.text).toBe('It took eight months.');
  });

  test('a Title beside a Body is a post’s title the same way, in any table read a row a record', () => {
    const mapping = mapColumns(at, ['Title', 'Body', 'Date'], {});
    expect(mapping.postTitle).toBe('Title');
    expect(draftFromRow({ Title: 'Bus stop', Body: 'It needs a shelter.', Date: '2024-01-02' }, mapping, at).text).toBe(
      'Bus stop\n\nIt needs a shelter.',
    );
  });

  test('a subject beside a text that is no post’s body (a comment, a message) stays in meta, and so does any title under --map text=', () => {
    expect(mapColumns(at, ['Subject', 'Comment', 'Author'], {}).postTitle).toBeUndefined();
    expect(mapColumns(at, ['Subject', 'Comment', 'Author'], {}).metaColumns).toEqual(['Subject']);
    const mapped = mapColumns(at, ['Subject', 'Body', 'Author'], { text: 'Body' });
    expect(mapped.postTitle).toBeUndefined();
    expect(mapped.metaColumns).toEqual(['Subject']);
  });

  test('a person’s title in a Title column (Mrs, Dr.) is never written above the text', () => {
    const mapping = mapColumns(at, ['Title', 'Name', 'Body'], {});
    expect(draftFromRow({ Title: 'Mrs', Name: 'Ann', Body: 'More buses please.' }, mapping, at).text).toBe('More buses please.');
    expect(draftFromRow({ Title: 'Dr.', Name: 'Ann', Body: 'More buses please.' }, mapping, at).text).toBe('More buses please.');
  });

  test('a title column taken by another field is never written above the text', () => {
    const mapping = mapColumns(at, ['Title', 'Body'], { author: 'Title' });
    expect(mapping.postTitle).toBeUndefined();
  });
});

describe('mapColumns: a translated field, one column per language', () => {
  const at = { file: 'comments.csv' };

  test('body/en is the text, as Decidim exports a comment written in English; author/name the author', () => {
    const mapping = mapColumns(at, ['id', 'created_at', 'body/en', 'locale', 'author/id', 'author/name'], {});
    expect(mapping.fields).toMatchObject({ id: 'id', text: 'body/en', date: 'created_at', author: 'author/name' });
  });

  test('a name field inside a form’s groups is the author when no column is named as one; a place’s name is not', () => {
    expect(mapColumns(at, ['personal-name', 'comment'], {}).fields.author).toBe('personal-name');
    expect(mapColumns(at, ['group_abc/respondent_name', 'comment'], {}).fields.author).toBe('group_abc/respondent_name');
    expect(mapColumns(at, ['Author', 'personal-name', 'comment'], {}).fields.author).toBe('Author');
    expect(mapColumns(at, ['school_info/name', 'comment'], {}).fields.author).toBeUndefined();
  });

  test('author/id is an id, not the author in Indonesian', () => {
    expect(mapColumns(at, ['author/id', 'comment'], {}).fields.author).toBeUndefined();
  });
});
