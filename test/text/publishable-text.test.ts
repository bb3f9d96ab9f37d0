import { describe, expect, test } from '@jest/globals';
import { publishableText } from '../../src/text/publishable-text.js';

describe('publishableText: digits a number could hide in', () => {
  test.each([
    ['call ٠٧٧٠٠ ٩٠٠١٢٣', 'call 07700 900123'],
    ['call ۰۷۷۰۰ ۹۰۰۱۲۳', 'call 07700 900123'],
    ['call ०७७०० ९००१२३', 'call 07700 900123'],
    ['call ০৭৭০০', 'call 07700'],
    ['call 0️⃣7️⃣7️⃣0️⃣0️⃣', 'call 07700'],
    ['call 07700\u034f900123', 'call 07700900123'],
    ['call 077\u316400 900123', 'call 07700 900123'],
    ['line one\u2028line two', 'line one\nline two'],
  ])('%j reads %j', (text, plain) => {
    expect(publishableText(text)).toBe(plain);
  });

  test('text in other scripts keeps its letters, and emoji that are no keycaps keep their presentation', () => {
    expect(publishableText('مرحبا ❤️ 👍')).toBe('مرحبا ❤️ 👍');
  });
});
