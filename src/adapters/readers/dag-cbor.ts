/**
 * A link to another block, as DAG-CBOR writes one (CBOR tag 42): the linked block's CID, raw.
 * An AT Protocol repository links its commit to its tree, the tree's nodes to each other and to
 * the records, and a record to its images.
 */
export class CidLink {
  constructor(
    /** The CID's bytes (version, codec, multihash), without the tag's leading 0x00. */
    readonly bytes: Uint8Array,
  ) {}

  /** The CID's bytes in hexadecimal: the key a block is found by. */
  get key(): string {
    return Buffer.from(this.bytes).toString('hex');
  }
}

/** A value DAG-CBOR decodes to. */
export type DagCborValue = null | boolean | number | string | Uint8Array | CidLink | DagCborValue[] | { [key: string]: DagCborValue };

/** Why a block could not be decoded, with the byte it went wrong at. */
export class DagCborError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'DagCborError';
  }
}

/** How deeply arrays and maps may nest: an AT Protocol record nests a handful of levels; a block nested deeper is refused. */
export const MAX_DAG_CBOR_DEPTH = 64;

/** The most items one array or map may claim: a claim past this (or past the bytes left) is refused before anything is allocated. */
const MAX_ITEMS = 1_000_000;

const TEXT = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes one DAG-CBOR block (the CBOR subset IPLD and the AT Protocol use: definite lengths only,
 * string map keys, tag 42 links, no other tags). Every length is checked against the bytes left
 * before it is read, and nesting is limited to {@link MAX_DAG_CBOR_DEPTH}, so a damaged or hostile
 * block is a {@link DagCborError}, never an overrun, a huge allocation or a stack overflow.
 * Integers beyond 2^53 are read as the nearest double. Bytes after the value are an error.
 */
export function decodeDagCbor(bytes: Uint8Array): DagCborValue {
  const decoder = new Decoder(bytes);
  const value = decoder.value(0);
  if (decoder.offset !== bytes.length) throw new DagCborError(`${bytes.length - decoder.offset} bytes after the value`, decoder.offset);
  return value;
}

/** Decodes the first DAG-CBOR value of `bytes` and says how many bytes it took (a CAR file's header). */
export function decodeDagCborPrefix(bytes: Uint8Array): { value: DagCborValue; length: number } {
  const decoder = new Decoder(bytes);
  const value = decoder.value(0);
  return { value, length: decoder.offset };
}

class Decoder {
  offset = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  value(depth: number): DagCborValue {
    if (depth > MAX_DAG_CBOR_DEPTH) throw new DagCborError(`nested more than ${MAX_DAG_CBOR_DEPTH} levels deep`, this.offset);
    const start = this.offset;
    const initial = this.byte();
    const major = initial >> 5;
    const minor = initial & 0x1f;
    if (major === 7) return this.simple(minor, start);
    const argument = this.argument(minor, start);
    switch (major) {
      case 0:
        return argument;
      case 1:
        return -1 - argument;
      case 2:
        return this.take(argument, start).slice();
      case 3:
        return this.text(argument, start);
      case 4: {
        this.checkItems(argument, start);
        const items: DagCborValue[] = [];
        for (let index = 0; index < argument; index += 1) items.push(this.value(depth + 1));
        return items;
      }
      case 5: {
        this.checkItems(argument * 2, start);
        const map: { [key: string]: DagCborValue } = Object.create(null) as { [key: string]: DagCborValue };
        for (let index = 0; index < argument; index += 1) {
          const keyAt = this.offset;
          const key = this.value(depth + 1);
          if (typeof key !== 'string') throw new DagCborError('a map key is not a string', keyAt);
          if (Object.prototype.hasOwnProperty.call(map, key)) throw new DagCborError(`map key "${key.slice(0, 40)}" repeated`, keyAt);
          map[key] = this.value(depth + 1);
        }
        return map;
      }
      case 6: {
        if (argument !== 42) throw new DagCborError(`CBOR tag ${argument}, where DAG-CBOR allows only 42 (a link)`, start);
        const linked = this.value(depth + 1);
        if (!(linked instanceof Uint8Array) || linked.length < 2 || linked[0] !== 0)
          throw new DagCborError('a link that is not a CID', start);
        return new CidLink(linked.subarray(1));
      }
      default:
        throw new DagCborError(`unknown CBOR major type ${major}`, start);
    }
  }

  private simple(minor: number, start: number): DagCborValue {
    switch (minor) {
      case 20:
        return false;
      case 21:
        return true;
      case 22:
        return null;
      case 25: {
        const half = this.view.getUint16(this.need(2, start));
        return halfFloat(half);
      }
      case 26:
        return this.view.getFloat32(this.need(4, start));
      case 27:
        return this.view.getFloat64(this.need(8, start));
      default:
        throw new DagCborError(minor === 31 ? 'an indefinite length, which DAG-CBOR does not allow' : `CBOR simple value ${minor}`, start);
    }
  }

  private argument(minor: number, start: number): number {
    if (minor < 24) return minor;
    switch (minor) {
      case 24:
        return this.view.getUint8(this.need(1, start));
      case 25:
        return this.view.getUint16(this.need(2, start));
      case 26:
        return this.view.getUint32(this.need(4, start));
      case 27:
        return Number(this.view.getBigUint64(this.need(8, start)));
      default:
        throw new DagCborError(
          minor === 31 ? 'an indefinite length, which DAG-CBOR does not allow' : `reserved CBOR length ${minor}`,
          start,
        );
    }
  }

  private checkItems(count: number, start: number): void {
    if (count > MAX_ITEMS || count > this.bytes.length - this.offset) {
      throw new DagCborError(`claims ${count} items, more than the block holds`, start);
    }
  }

  private text(length: number, start: number): string {
    try {
      return TEXT.decode(this.take(length, start));
    } catch (error) {
      if (error instanceof DagCborError) throw error;
      throw new DagCborError('text that is not UTF-8', start);
    }
  }

  private byte(): number {
    const at = this.need(1, this.offset);
    return this.bytes[at] ?? 0;
  }

  private take(length: number, start: number): Uint8Array {
    const at = this.need(length, start);
    return this.bytes.subarray(at, at + length);
  }

  /** Moves past `length` bytes and returns where they start; refuses a length past the end. */
  private need(length: number, start: number): number {
    if (length > this.bytes.length - this.offset) throw new DagCborError('the block ends inside a value', start);
    const at = this.offset;
    this.offset += length;
    return at;
  }
}

function halfFloat(half: number): number {
  const exponent = (half >> 10) & 0x1f;
  const fraction = half & 0x3ff;
  const sign = half & 0x8000 ? -1 : 1;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction === 0 ? sign * Infinity : NaN;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}
