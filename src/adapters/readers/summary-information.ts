/** The property ids of the summary information property set ([MS-OLEPS]) that date a document. */
const CREATED = 0x0c;
const LAST_SAVED = 0x0d;
const VT_FILETIME = 0x40;
/** The most properties a section is read for: far more than the summary information set defines. */
const MAX_PROPERTIES = 256;
/** 100-nanosecond intervals between 1601-01-01 (FILETIME's epoch) and 1970-01-01. */
const FILETIME_UNIX_EPOCH = 116444736000000000n;

/** A FILETIME as an ISO 8601 date in UTC; null when unset or out of range. */
function fileTimeDate(bytes: Buffer, at: number): string | null {
  const ticks = bytes.readBigUInt64LE(at);
  if (ticks <= FILETIME_UNIX_EPOCH) return null;
  const date = new Date(Number((ticks - FILETIME_UNIX_EPOCH) / 10000n));
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999 ? null : date.toISOString();
}

/**
 * When an Office document was created (else last saved), from its `\x05SummaryInformation`
 * stream; null when it does not say or the stream is damaged. Every offset is checked against
 * the stream and the properties read are bounded.
 */
export function summaryDate(stream: Buffer | null): string | null {
  if (stream === null || stream.length < 48) return null;
  const section = stream.readUInt32LE(44);
  if (section + 8 > stream.length) return null;
  const count = Math.min(stream.readUInt32LE(section + 4), MAX_PROPERTIES);
  const dates = new Map<number, string>();
  for (let index = 0; index < count; index += 1) {
    const entry = section + 8 + 8 * index;
    if (entry + 8 > stream.length) break;
    const id = stream.readUInt32LE(entry);
    const at = section + stream.readUInt32LE(entry + 4);
    if ((id !== CREATED && id !== LAST_SAVED) || at + 12 > stream.length) continue;
    if ((stream.readUInt32LE(at) & 0xffff) !== VT_FILETIME) continue;
    const date = fileTimeDate(stream, at + 4);
    if (date !== null) dates.set(id, date);
  }
  return dates.get(CREATED) ?? dates.get(LAST_SAVED) ?? null;
}
