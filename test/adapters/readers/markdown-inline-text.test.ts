import { describe, expect, test } from '@jest/globals';
import { markdownInlineText } from '../../../src/adapters/readers/markdown-inline-text.js';

describe('markdownInlineText', () => {
  test.each([
    ['**More** respite _please_', 'More respite please'],
    ['see [the charter](https://example.org/c) now', 'see the charter now'],
    ['[[WIP] Add arguments](https://x.org/1)', '[WIP] Add arguments'],
    ['#63599 [](https://x.org/2)— fix', '#63599 — fix'],
    ['keep `code & <b>` as text', 'keep code & <b> as text'],
    ['carers &amp; cared-for', 'carers & cared-for'],
    ['a \\*literal\\* star', 'a *literal* star'],
    ['photo ![alt text](p.jpg) here', 'photo  here'],
    ['<span class="x">tagged</span> text', 'tagged text'],
    ['~~old~~ new', 'old new'],
    ['visit https://example.org.', 'visit https://example.org.'],
    ['soft\nbreak', 'soft break'],
    ['hard  \nbreak', 'hard\nbreak'],
    ['line<br>break', 'line\nbreak'],
  ])('%j → %j', (markdown, text) => {
    expect(markdownInlineText(markdown)).toBe(text);
  });
});
