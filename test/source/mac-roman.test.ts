import { describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { singleByteEncodingOf } from '../../src/source/mac-roman.js';

const TEXTS = [
  'It’s the café – that keeps us going.',
  '“Respite” means a week, not a weekend … and it costs £200.',
  'The crème brûlée was fine; don’t close the kitchen.',
  'Zoë said: “I can’t get there on Fridays.”',
];

describe('singleByteEncodingOf', () => {
  test.each(TEXTS)('%j written by Excel for Mac is Mac OS Roman', (text) => {
    expect(singleByteEncodingOf(iconv.encode(text, 'macintosh'))).toBe('macintosh');
  });

  test.each(TEXTS)('%j written by Excel for Windows is Windows-1252', (text) => {
    expect(singleByteEncodingOf(iconv.encode(text, 'windows-1252'))).toBe('windows-1252');
  });

  test('bytes that say nothing either way (a £ alone) are Windows-1252', () => {
    expect(singleByteEncodingOf(Buffer.from([0x43, 0x6f, 0x73, 0x74, 0x20, 0xa3, 0x35]))).toBe('windows-1252');
  });

  test('Welsh in Windows-1252 stays Windows-1252', () => {
    expect(singleByteEncodingOf(iconv.encode('Mae’r gwasanaeth yn dda iawn, diolch – a’r caffi hefyd.', 'windows-1252'))).toBe(
      'windows-1252',
    );
  });
});
