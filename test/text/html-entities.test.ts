import { describe, expect, test } from '@jest/globals';
import { decodeHtmlEntities } from '../../src/text/html-entities.js';

describe('decodeHtmlEntities', () => {
  test.each([
    ['bus &amp; taxi', 'bus & taxi'],
    ['&lt;really&gt;', '<really>'],
    ['It&#39;s &pound;12', 'It’s £12'.replace('’', "'")],
    ['&#x1F600;', '😀'],
    ['a&nbsp;b', 'a b'],
    ['&lrm;text&rlm;', 'text'],
    ['caf&eacute;', 'café'],
    ['&bogus; stays', '&bogus; stays'],
    ['Tom & Jerry', 'Tom & Jerry'],
    ['<b>not a tag decoder</b>', '<b>not a tag decoder</b>'],
  ])('%j → %j', (text, decoded) => {
    expect(decodeHtmlEntities(text)).toBe(decoded);
  });
});
