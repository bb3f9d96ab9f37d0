import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { polisCommentsAdapter } from '../../../src/adapters/formats/polis-comments.js';
import { surveyCsvAdapter } from '../../../src/adapters/formats/survey-csv.js';
import { readFileItems } from '../../helpers/read-fixture.js';

const sniffInput = (headText: string) => ({ path: 'x.csv', extension: '.csv', headText, headBytes: Buffer.from(headText) });

describe('polis adapter', () => {
  const folder = mkdtempSync(join(tmpdir(), 'tlap-polis-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('recognises the comments header (in any column order) and the summary, nothing else', () => {
    expect(
      polisCommentsAdapter.sniff(
        sniffInput('timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1,x,0,0,0,0,1,hi\n'),
      ),
    ).toBe(0.95);
    expect(polisCommentsAdapter.sniff(sniffInput('comment-id,comment-body,author-id,moderated,agrees,disagrees,timestamp\n'))).toBe(0.95);
    expect(polisCommentsAdapter.sniff(sniffInput('topic,Town\nurl,https://pol.is/x\nviews,1\ncomments,2\nvoters,3\n'))).toBe(0.95);
    expect(polisCommentsAdapter.sniff(sniffInput('id,comment,author\n1,hello,Jo\n'))).toBe(0);
  });

  test('--format polis on another table fails naming the columns it expected', async () => {
    const path = join(folder, 'other.csv');
    writeFileSync(path, 'id,comment\n1,hello\n');
    const result = await readFileItems(path, { displayPath: 'other.csv', format: 'polis' });
    expect(result.error).toBe('other.csv: not a Pol.is comments export (columns: "id", "comment")');
  });
});

describe('survey-csv sniffing against the generic csv adapter', () => {
  test('one free-text column with an id is left to csv; with a Likert column beside it, survey-csv claims it', () => {
    const plain = 'id,comment\n1,The staff were kind to my dad\n2,More evening buses would help\n3,I found the form hard to use\n';
    expect(surveyCsvAdapter.sniff(sniffInput(plain))).toBe(0);
    const withScale =
      'id,Do you agree?,comment\n1,Agree,The staff were kind to my dad\n2,Disagree,More evening buses would help\n3,Agree,I found the form hard to use\n';
    expect(surveyCsvAdapter.sniff(sniffInput(withScale))).toBe(0.9);
  });
});
