import { describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { decodeTextFile, describeUndecodable, isUndecodable } from '../../src/source/text-file.js';

const TEXT = 'keywords: [carer’s break, £20]\nlabel: Café\n';

describe('decodeTextFile', () => {
  test.each([
    ['UTF-8', Buffer.from(TEXT), 'utf-8'],
    ['UTF-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), 'utf-8'],
    ['UTF-16LE with a byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')]), 'utf-16le'],
    ['UTF-16BE with a byte order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf-16be')]), 'utf-16be'],
  ])('%s gives the text without its mark', (_name, bytes, encoding) => {
    expect(decodeTextFile(bytes)).toEqual({ text: TEXT, encoding, firstNonUtf8Line: null, nonUtf8Lines: 0 });
  });

  test('bytes that are not UTF-8 are read as Windows-1252, naming the first line that is not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('version: 1\n'), iconv.encode(TEXT, 'windows-1252')]);
    expect(decodeTextFile(bytes)).toEqual({ text: `version: 1\n${TEXT}`, encoding: 'windows-1252', firstNonUtf8Line: 2, nonUtf8Lines: 2 });
  });

  test('bytes from Excel for Mac are read as Mac OS Roman, as input files are', () => {
    const text = 'source_id,themes,note\ns1,carers,it’s the café’s “drop-in”\n';
    expect(decodeTextFile(iconv.encode(text, 'macintosh'))).toEqual({ text, encoding: 'macintosh', firstNonUtf8Line: 2, nonUtf8Lines: 1 });
  });

  test('a file mostly UTF-8 with a line saved as Windows-1252 keeps its UTF-8 lines as written, as ingest reads it', () => {
    const utf8 = 'source_id,themes,text\ns1,staff,“Lovely” staff\n';
    const ansi = 's2,access,the wait’s too long\n';
    const decoded = decodeTextFile(Buffer.concat([Buffer.from(utf8), iconv.encode(ansi, 'windows-1252'), Buffer.from(utf8)]));
    expect(decoded).toEqual({ text: `${utf8}${ansi}${utf8}`, encoding: 'windows-1252', firstNonUtf8Line: 3, nonUtf8Lines: 1 });
  });

  test('a byte Windows-1252 leaves undefined is named with its line, never a silent U+FFFD', () => {
    const decoded = decodeTextFile(Buffer.from([0x61, 0x0a, 0x62, 0x0a, 0x92, 0x81, 0x0a]));
    expect(decoded).toEqual({ line: 3, byte: 0x81 });
    if (!isUndecodable(decoded)) throw new Error('expected an undecodable file');
    expect(describeUndecodable(decoded)).toBe('byte 0x81 is neither UTF-8 nor Windows-1252');
  });
});
