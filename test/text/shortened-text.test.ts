import { describe, expect, test } from '@jest/globals';
import { shortenText } from '../../src/text/shortened-text.js';

describe('shortenText', () => {
  test('text within the limit comes back with its whitespace made single spaces', () => {
    expect(shortenText('  care  that\nfits ', 40)).toBe('care that fits');
  });

  test('longer text is cut at a word with an ellipsis, never over the limit; one long word is cut inside it', () => {
    const cut = shortenText('personalised care and support that fits their life', 30);
    expect(cut).toBe('personalised care and…');
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(shortenText('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});
