import { describe, expect, test } from '@jest/globals';
import { withoutTrackingParameters } from '../../src/text/tracking-parameters.js';

describe('withoutTrackingParameters', () => {
  test.each([
    [
      'campaign tags and a click id go; the page parameter stays, in its place and spelling',
      'https://carers.example.org/news?id=42&utm_source=twitter&utm_medium=social&fbclid=IwAR0Zx9Qa&Page=2',
      'https://carers.example.org/news?id=42&Page=2',
    ],
    ['a link with only tracking loses its ?', 'https://example.org/a?utm_campaign=spring&gclid=Cj0KCQ', 'https://example.org/a'],
    ['the fragment is kept', 'https://example.org/a?mc_cid=3f&mc_eid=9a1b#minutes', 'https://example.org/a#minutes'],
    ['names are compared without case', 'https://example.org/a?UTM_Source=x&q=respite', 'https://example.org/a?q=respite'],
    ['Instagram share ids', 'https://www.instagram.com/p/Cx1/?igshid=MzRlODBiNWFlZA==', 'https://www.instagram.com/p/Cx1/'],
    ['an embed referrer', 'https://example.org/post?ref_src=twsrc%5Etfw', 'https://example.org/post'],
    ["YouTube's share id", 'https://youtu.be/dQw4w9WgXcQ?si=Ab12Cd34&t=42', 'https://youtu.be/dQw4w9WgXcQ?t=42'],
    [
      "YouTube's share button mark (as a real archive's tweet has it)",
      'https://music.youtube.com/watch?v=9PWQvhwdDyY&feature=share',
      'https://music.youtube.com/watch?v=9PWQvhwdDyY',
    ],
    ["X's share parameters on a post's link", 'https://twitter.com/someone/status/1?s=20&t=AbCdEf', 'https://twitter.com/someone/status/1'],
  ])('%s', (_case, url, expected) => {
    expect(withoutTrackingParameters(url)).toBe(expected);
  });

  test.each([
    ['no query', 'https://example.org/consultation'],
    ['no tracking parameter', 'https://example.org/search?q=day+centres&sort=new'],
    ['`si`, `s` and `t` on a site that does not track with them', 'https://example.org/map?si=3&s=2&t=9'],
    ['a parameter only starting like one', 'https://example.org/a?utmost=1&gclid_note=2'],
    ['not a web address', 'mailto:someone@example.org?utm_source=x'],
  ])('left as written: %s', (_case, url) => {
    expect(withoutTrackingParameters(url)).toBe(url);
  });
});
