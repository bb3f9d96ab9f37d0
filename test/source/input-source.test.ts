import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { InputError, UnknownNameError } from '../../src/errors.js';
import {
  isOverlong,
  LONG_LINE_PIECE_BYTES,
  openInputSource,
  type InputSource,
  type SourceLine,
  type SourceLineItem,
} from '../../src/source/input-source.js';
import { readFileItems } from '../helpers/read-fixture.js';

const folder = mkdtempSync(join(tmpdir(), 'tlap-input-source-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let fileCount = 0;
/** Writes bytes to a fresh file in the test folder and returns its path. */
function writeBytes(name: string, bytes: Buffer): string {
  fileCount += 1;
  const path = join(folder, `${fileCount}-${name}`);
  writeFileSync(path, bytes);
  return path;
}

async function allLines(source: InputSource): Promise<SourceLine[]> {
  const lines: SourceLine[] = [];
  for await (const line of source.lines()) {
    if (isOverlong(line)) throw new Error(`line ${line.line} is over the limit`);
    lines.push(line);
  }
  return lines;
}

async function failureOf(run: () => Promise<unknown>): Promise<InputError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

const SAMPLE = 'id,text\r\n1,Café ☕ “quoted” £5\r\n2,second line\r\n';
const SAMPLE_LINES = ['id,text', '1,Café ☕ “quoted” £5', '2,second line'];

describe('input source: byte order marks and UTF-16', () => {
  test('UTF-16 LE with a BOM decodes, and the BOM is not part of the first line', async () => {
    const path = writeBytes('le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SAMPLE, 'utf-16le')]));
    const source = await openInputSource(path);
    expect(source.encoding).toBe('utf-16le');
    expect(source.hasBom).toBe(true);
    expect((await allLines(source)).map((line) => line.text)).toEqual(SAMPLE_LINES);
    expect(source.headText.startsWith('id,text')).toBe(true);
  });

  test('UTF-16 BE with a BOM decodes', async () => {
    const path = writeBytes('be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SAMPLE, 'utf-16be')]));
    const source = await openInputSource(path);
    expect(source.encoding).toBe('utf-16be');
    expect((await allLines(source)).map((line) => line.text)).toEqual(SAMPLE_LINES);
  });

  test('UTF-16 LE without a BOM is recognised from its zero bytes', async () => {
    const source = await openInputSource(writeBytes('le-nobom.csv', iconv.encode(SAMPLE, 'utf-16le')));
    expect(source.encoding).toBe('utf-16le');
    expect(source.hasBom).toBe(false);
    expect((await allLines(source)).map((line) => line.text)).toEqual(SAMPLE_LINES);
  });

  test('a UTF-8 BOM is removed from the text, the head and the first header', async () => {
    const path = writeBytes('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]));
    const source = await openInputSource(path);
    expect(source.encoding).toBe('utf-8');
    expect(source.hasBom).toBe(true);
    const lines = await allLines(source);
    expect(lines[0]).toEqual({ text: 'id,text', line: 1 });
    expect(source.headText.charCodeAt(0)).toBe('i'.charCodeAt(0));
    const result = await readFileItems(path, { format: 'csv' });
    expect(result.items[0]).toMatchObject({ kind: 'record', record: { sourceId: '1', text: 'Café ☕ “quoted” £5' } });
  });

  test('an odd byte at the end of a UTF-16 file is reported, not turned into U+FFFD', async () => {
    const path = writeBytes(
      'odd.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('id,text\n1,ok\n', 'utf-16le'), Buffer.from([0x41])]),
    );
    const source = await openInputSource(path);
    const error = await failureOf(() => allLines(source));
    expect(error.message).toMatch(/odd\.csv:3: the file ends in the middle of a utf-16le character \(is it truncated\?\)$/);
  });
});

describe('input source: lines that end in a carriage return alone (classic Mac OS)', () => {
  test('lines, text and the head split at each CR', async () => {
    const source = await openInputSource(writeBytes('mac.txt', Buffer.from(SAMPLE.replace(/\r\n/g, '\r'), 'utf8')));
    expect((await allLines(source)).map((line) => line.line)).toEqual([1, 2, 3]);
    expect((await allLines(source)).map((line) => line.text)).toEqual(SAMPLE_LINES);
    expect(source.headText.split('\n').slice(0, 3)).toEqual(SAMPLE_LINES);
  });

  test('in UTF-16 too (Excel for Mac "Unicode Text")', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SAMPLE.replace(/\r\n/g, '\r'), 'utf-16le')]);
    const source = await openInputSource(writeBytes('mac16.txt', bytes));
    expect((await allLines(source)).map((line) => line.text)).toEqual(SAMPLE_LINES);
  });

  test('a CR inside a file that also has line feeds is left as it is', async () => {
    const source = await openInputSource(writeBytes('mixed.txt', Buffer.from('a\rb\nc\n', 'utf8')));
    expect((await allLines(source)).map((line) => line.text)).toEqual(['a\rb', 'c']);
  });
});

describe('input source: UTF-8 with a Windows-1252 fallback', () => {
  const cp1252 = iconv.encode('id,text\n1,Don’t close the café\n2,plain ascii\n3,£500 “grant”\n', 'windows-1252');

  test('a Windows-1252 file decodes line by line with no U+FFFD, and the lines are logged', async () => {
    const source = await openInputSource(writeBytes('cp1252.csv', cp1252));
    const lines = await allLines(source);
    expect(lines.map((line) => line.text)).toEqual(['id,text', '1,Don’t close the café', '2,plain ascii', '3,£500 “grant”']);
    expect(lines.some((line) => line.text.includes('\ufffd'))).toBe(false);
    expect(source.fallbackLines).toEqual([2, 4]);
    expect(source.fallbackLineCount).toBe(2);
  });

  test('reading a file twice does not count its fallback lines twice', async () => {
    const source = await openInputSource(writeBytes('twice.csv', cp1252));
    await allLines(source);
    for await (const line of source.lines()) if (line.line >= 2) break;
    await allLines(source);
    expect(source.fallbackLines).toEqual([2, 4]);
    expect(source.fallbackLineCount).toBe(2);
  });

  test('a mixed UTF-8 + Windows-1252 file: only the bad lines fall back, and the warning lists them', async () => {
    const mixed = Buffer.concat([
      Buffer.from('id,text\n1,naïve UTF-8 — fine\n', 'utf8'),
      iconv.encode('2,cp1252 apostrophe ’ here\n', 'windows-1252'),
      Buffer.from('3,more UTF-8 ☕\n', 'utf8'),
      iconv.encode('4,and é again\n', 'windows-1252'),
    ]);
    const path = writeBytes('mixed.csv', mixed);
    const result = await readFileItems(path, { displayPath: 'mixed.csv', format: 'csv' });
    const texts = result.items.flatMap((item) => (item.kind === 'record' ? [item.record.text] : []));
    expect(texts).toEqual(['naïve UTF-8 — fine', 'cp1252 apostrophe ’ here', 'more UTF-8 ☕', 'and é again']);
    const warnings = result.items.filter((item) => item.kind === 'warning');
    expect(warnings).toEqual([
      {
        kind: 'warning',
        code: 'ENCODING_FALLBACK',
        message: '2 lines were not valid UTF-8 and were read as Windows-1252 (lines 3, 5)',
        provenance: { file: 'mixed.csv', line: 3 },
      },
    ]);
  });

  test('a line that is neither UTF-8 nor Windows-1252 stops the file with its name and line', async () => {
    const bad = Buffer.concat([Buffer.from('id,text\n1,fine\n2,bad ', 'utf8'), Buffer.from([0x81, 0x8d]), Buffer.from(' bytes\n', 'utf8')]);
    const path = writeBytes('undecodable.csv', bad);
    const result = await readFileItems(path, { displayPath: 'undecodable.csv', format: 'csv' });
    expect(result.error).toBe(
      "undecodable.csv:3: bytes that are neither UTF-8 nor Windows-1252 (0x81); the file's encoding is not one tlap detects",
    );
    expect(result.items.map((item) => item.kind)).not.toContain('warning');
  });

  test('the head used for sniffing never throws, even when cut inside a character', async () => {
    const body = Buffer.concat([Buffer.from('x'.repeat(64 * 1024 - 1), 'utf8'), Buffer.from('é\n', 'utf8')]);
    const source = await openInputSource(writeBytes('cut.txt', body));
    expect(source.headText.length).toBeGreaterThan(64 * 1024 - 2);
  });
});

describe('input source: Mac OS Roman (Excel for Mac)', () => {
  test('a file whose head shows Mac OS Roman reads its lines that are not UTF-8 as Mac OS Roman', async () => {
    const text = 'id,text\r\n1,It’s the café – “really”\r\n2,crème\r\n';
    const source = await openInputSource(writeBytes('mac.csv', iconv.encode(text, 'macintosh')));
    expect((await allLines(source)).map((line) => line.text)).toEqual(['id,text', '1,It’s the café – “really”', '2,crème']);
    expect(source.fallbackEncoding).toBe('macintosh');
    expect(source.fallbackLineCount).toBe(2);
  });

  test('a Windows-1252 file is still read as Windows-1252', async () => {
    const source = await openInputSource(writeBytes('win.csv', iconv.encode('id,text\r\n1,It’s the café\r\n', 'windows-1252')));
    expect(source.fallbackEncoding).toBe('windows-1252');
    expect((await allLines(source)).map((line) => line.text)).toEqual(['id,text', '1,It’s the café']);
  });
});

describe('input source: --encoding', () => {
  test('--encoding latin1 decodes every byte as Latin-1 with no fallback', async () => {
    const bytes = Buffer.concat([
      Buffer.from('id,text\n1,caf', 'utf8'),
      Buffer.from([0xe9]),
      Buffer.from(' ', 'utf8'),
      Buffer.from([0xa3]),
      Buffer.from('5\n', 'utf8'),
    ]);
    const source = await openInputSource(writeBytes('latin1.csv', bytes), { encoding: 'latin1' });
    expect(source.encoding).toBe('latin1');
    expect((await allLines(source)).map((line) => line.text)).toEqual(['id,text', '1,café £5']);
    expect(source.fallbackLineCount).toBe(0);
  });

  test('--encoding overrides detection: a UTF-8 file read as windows-1252 is taken at its word', async () => {
    const source = await openInputSource(writeBytes('override.csv', Buffer.from('a\né\n', 'utf8')), { encoding: 'windows-1252' });
    expect((await allLines(source)).map((line) => line.text)).toEqual(['a', 'Ã©']);
  });

  test('an unknown encoding name is an UnknownNameError naming it, in words that name no flag', async () => {
    const path = writeBytes('any.csv', Buffer.from('a\n', 'utf8'));
    const failure = openInputSource(path, { encoding: 'klingon-8' });
    await expect(failure).rejects.toBeInstanceOf(UnknownNameError);
    await expect(failure).rejects.toMatchObject({
      code: 'UNKNOWN_ENCODING',
      option: 'encoding',
      value: 'klingon-8',
      message: 'no such encoding "klingon-8"',
      hint: expect.stringMatching(/utf-8, utf-16le, windows-1252, latin1/),
    });
  });

  test('--encoding utf-8 on bytes that are not UTF-8 is reported with the file and line', async () => {
    const path = writeBytes(
      'strict.csv',
      Buffer.concat([Buffer.from('id,text\n1,ok\n2,caf', 'utf8'), Buffer.from([0xe9]), Buffer.from('\n', 'utf8')]),
    );
    const source = await openInputSource(path, { encoding: 'utf-8', displayPath: 'strict.csv' });
    const error = await failureOf(() => allLines(source));
    expect(error.message).toBe('strict.csv:3: bytes that are not valid utf-8 (they would be read as U+FFFD)');
  });

  test('a U+FFFD written in the file itself is read as it is', async () => {
    const path = writeBytes('literal.csv', Buffer.from('id,text\n1,the export already had \ufffd here\n', 'utf8'));
    const source = await openInputSource(path, { encoding: 'utf-8' });
    expect((await allLines(source))[1]?.text).toBe('1,the export already had \ufffd here');
  });

  test('--encoding windows-1252 on a byte it leaves undefined is reported', async () => {
    const path = writeBytes('undefined.csv', Buffer.concat([Buffer.from('a\nb', 'utf8'), Buffer.from([0x9d]), Buffer.from('\n', 'utf8')]));
    const source = await openInputSource(path, { encoding: 'windows-1252', displayPath: 'undefined.csv' });
    const error = await failureOf(() => allLines(source));
    expect(error.message).toBe('undefined.csv:2: bytes that are not valid windows-1252 (they would be read as U+FFFD)');
  });
});

describe('input source: whole-file reads', () => {
  test('readText refuses a file over its limit by name', async () => {
    const path = writeBytes('big.txt', Buffer.from('0123456789\n'.repeat(20), 'utf8'));
    const source = await openInputSource(path, { displayPath: 'big.txt' });
    const error = await failureOf(() => source.readText(100));
    expect(error.message).toBe('big.txt: file is 220 B, over the 100 B this format can read at once');
    expect(await source.readText(1000)).toBe('0123456789\n'.repeat(20));
  });
});

describe('input source: a line longer than the limit is passed over, never held whole', () => {
  async function items(source: InputSource, maxChars: number): Promise<SourceLineItem[]> {
    const found: SourceLineItem[] = [];
    for await (const item of source.lines(maxChars)) found.push(item);
    return found;
  }

  test('lines() gives an over-long line as its number, length and first 200 characters; the lines around it as they are', async () => {
    const long = `${'é'.repeat(150)}${'x'.repeat(3 * LONG_LINE_PIECE_BYTES)}`;
    const source = await openInputSource(writeBytes('long.txt', Buffer.from(`first\r\n${long}\r\nlast`)));
    const found = await items(source, 1000);
    expect(found.map((item) => (isOverlong(item) ? `${item.line}: ${item.chars} chars` : `${item.line}: ${item.text}`))).toEqual([
      '1: first',
      `2: ${long.length + 1} chars`,
      '3: last',
    ]);
    const overlong = found[1];
    expect(overlong !== undefined && isOverlong(overlong) ? overlong.excerpt : null).toBe(long.slice(0, 200));
  });

  test('text() passes a line with no end in pieces, cut between characters, so that the text is whole when joined', async () => {
    const long = '€'.repeat(LONG_LINE_PIECE_BYTES);
    const source = await openInputSource(writeBytes('pieces.txt', Buffer.from(`a\n${long}\nb\n`)));
    const chunks: string[] = [];
    for await (const chunk of source.text()) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.every((chunk) => chunk.length <= LONG_LINE_PIECE_BYTES + 1)).toBe(true);
    expect(chunks.join('')).toBe(`a\n${long}\nb\n`);
  });

  test('a Windows-1252 line cut into pieces is still read as Windows-1252 and logged once', async () => {
    const long = Buffer.concat([
      Buffer.from('caf'),
      Buffer.from([0xe9]),
      Buffer.alloc(2 * LONG_LINE_PIECE_BYTES, 0x61),
      Buffer.from([0xe9]),
    ]);
    const source = await openInputSource(writeBytes('latin.txt', Buffer.concat([Buffer.from('ok\n'), long, Buffer.from('\nend\n')])));
    const text: string[] = [];
    for await (const chunk of source.text()) text.push(chunk);
    const joined = text.join('');
    expect(joined.startsWith('ok\ncafé')).toBe(true);
    expect(joined.endsWith('aé\nend\n')).toBe(true);
    expect(source.fallbackLines).toEqual([2]);
  });
});
