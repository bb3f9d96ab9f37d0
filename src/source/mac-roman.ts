/**
 * The single-byte encodings a file that is not UTF-8 is read in: Windows-1252, what Excel for
 * Windows and Notepad write ("ANSI"), or Mac OS Roman, what Excel for Mac writes when a sheet is
 * saved as "Comma Separated Values (.csv)" or as tab-delimited text.
 */
export type SingleByteEncoding = 'windows-1252' | 'macintosh';

/** Bytes that Windows-1252 leaves undefined: a text holding one is not Windows-1252. */
export const UNDEFINED_IN_WINDOWS_1252: ReadonlySet<number> = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** How people name each encoding in messages. */
export const SINGLE_BYTE_ENCODING_NAMES: Readonly<Record<SingleByteEncoding, string>> = {
  'windows-1252': 'Windows-1252',
  macintosh: 'Mac OS Roman (Excel for Mac)',
};

function isLetter(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));
}

function isSpace(byte: number | undefined): boolean {
  return byte === undefined || byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x2c || byte === 0x22;
}

/** Mac OS Roman's accented small letters written between letters (`caf\x8E`, `cr\x8Fme`), undefined or unlikely there in Windows-1252. */
const MAC_LETTERS = new Set([0x87, 0x88, 0x8d, 0x8e, 0x8f, 0x9a, 0x9f]);
/** Windows-1252's accented small letters, which Mac OS Roman gives as capitals or signs. */
const WINDOWS_LETTERS = new Set([0xe0, 0xe1, 0xe7, 0xe8, 0xe9, 0xea, 0xf3, 0xf6, 0xfc]);

/**
 * Which single-byte encoding bytes that are not UTF-8 are in, from the head of the file: Mac OS
 * Roman when its curly quotes, dashes and accented letters stand where text puts them (`it\xD5s`,
 * `\xD2word\xD3`, ` \xD0 `, `caf\x8E`) more often than Windows-1252's do (`it\x92s`, `\x93word\x94`,
 * ` \x96 `, `caf\xE9`); Windows-1252 otherwise, and on a tie.
 */
export function singleByteEncodingOf(bytes: Buffer): SingleByteEncoding {
  let mac = 0;
  let windows = 0;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index] ?? 0;
    if (byte < 0x80) continue;
    const before = index > 0 ? bytes[index - 1] : undefined;
    const after = bytes[index + 1];
    const between = isLetter(before) && isLetter(after);
    if (byte === 0xd5 && between) mac += 1;
    else if (byte === 0x92 && between) windows += 1;
    else if (byte === 0xd2 && isSpace(before) && isLetter(after)) mac += 1;
    else if (byte === 0x93 && isSpace(before) && isLetter(after)) windows += 1;
    else if ((byte === 0xd0 || byte === 0xd1) && before === 0x20 && after === 0x20) mac += 1;
    else if ((byte === 0x96 || byte === 0x97) && before === 0x20 && after === 0x20) windows += 1;
    else if (MAC_LETTERS.has(byte) && isLetter(before) && (isLetter(after) || isSpace(after))) mac += 1;
    else if (WINDOWS_LETTERS.has(byte) && isLetter(before) && (isLetter(after) || isSpace(after))) windows += 1;
  }
  return mac > windows ? 'macintosh' : 'windows-1252';
}
