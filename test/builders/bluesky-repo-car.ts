import { createHash } from 'node:crypto';

/** A value to encode as DAG-CBOR: a link is written `{ link: Uint8Array }` (the CID's bytes). */
export type CborInput = null | boolean | number | string | Uint8Array | CborLink | CborInput[] | { [key: string]: CborInput };

/** A link to another block, by its CID's bytes. */
export class CborLink {
  constructor(readonly cid: Uint8Array) {}
}

function head(major: number, argument: number): Buffer {
  if (argument < 24) return Buffer.from([(major << 5) | argument]);
  if (argument < 0x100) return Buffer.from([(major << 5) | 24, argument]);
  if (argument < 0x10000) return Buffer.from([(major << 5) | 25, argument >> 8, argument & 0xff]);
  const long = Buffer.alloc(5);
  long[0] = (major << 5) | 26;
  long.writeUInt32BE(argument, 1);
  return long;
}

/** Map keys in DAG-CBOR's canonical order: shorter first, then byte by byte. */
function canonicalKeys(object: Record<string, unknown>): string[] {
  return Object.keys(object).sort((a, b) => a.length - b.length || Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/** Encodes a value as canonical DAG-CBOR (integers, text, bytes, lists, maps with sorted keys, tag 42 links). */
export function encodeDagCbor(value: CborInput): Buffer {
  if (value === null) return Buffer.from([0xf6]);
  if (value === true) return Buffer.from([0xf5]);
  if (value === false) return Buffer.from([0xf4]);
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error('the builder writes integers only');
    return value >= 0 ? head(0, value) : head(1, -1 - value);
  }
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  if (value instanceof CborLink) {
    const bytes = Buffer.concat([Buffer.from([0]), value.cid]);
    return Buffer.concat([Buffer.from([0xd8, 42]), head(2, bytes.length), bytes]);
  }
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(encodeDagCbor)]);
  const keys = canonicalKeys(value);
  return Buffer.concat([head(5, keys.length), ...keys.flatMap((key) => [encodeDagCbor(key), encodeDagCbor(value[key] ?? null)])]);
}

/** The CIDv1 of a DAG-CBOR block: version 1, codec dag-cbor (0x71), SHA-256 multihash. */
export function cidOf(block: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0x01, 0x71, 0x12, 0x20]), createHash('sha256').update(block).digest()]);
}

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

/** A CARv1 file: the header `{roots, version: 1}`, then each block as varint length, CID, bytes. */
export function carFile(roots: readonly Buffer[], blocks: readonly { cid: Buffer; bytes: Buffer }[]): Buffer {
  const header = encodeDagCbor({ roots: roots.map((root) => new CborLink(root)), version: 1 });
  return Buffer.concat([
    varint(header.length),
    header,
    ...blocks.flatMap((block) => [varint(block.cid.length + block.bytes.length), block.cid, block.bytes]),
  ]);
}

/** The layer of a key in an AT Protocol Merkle Search Tree: the leading zero bits of its SHA-256, two bits a layer. */
function keyLayer(key: string): number {
  const digest = createHash('sha256').update(key).digest();
  let zeros = 0;
  for (const byte of digest) {
    if (byte === 0) {
      zeros += 8;
      continue;
    }
    zeros += Math.clz32(byte) - 24;
    break;
  }
  return Math.floor(zeros / 2);
}

interface TreeRecord {
  key: string;
  cid: Buffer;
  bytes: Buffer;
}

/**
 * The blocks of a Merkle Search Tree over `records` (sorted by key), laid out as the repository
 * export writes them: each node before the nodes and records under it. Returns the root's CID.
 */
function merkleSearchTree(records: readonly TreeRecord[], out: { cid: Buffer; bytes: Buffer }[]): Buffer {
  const layer = Math.max(0, ...records.map((record) => keyLayer(record.key)));
  return treeNode(records, layer, out);
}

function treeNode(records: readonly TreeRecord[], layer: number, out: { cid: Buffer; bytes: Buffer }[]): Buffer {
  const below: { cid: Buffer; bytes: Buffer }[][] = [];
  const groups: TreeRecord[][] = [[]];
  const onLayer: TreeRecord[] = [];
  for (const record of records) {
    if (keyLayer(record.key) >= layer) {
      onLayer.push(record);
      groups.push([]);
    } else {
      groups[groups.length - 1]?.push(record);
    }
  }
  const subtree = (group: readonly TreeRecord[], index: number): CborLink | null => {
    if (group.length === 0 || layer === 0) return null;
    const blocks: { cid: Buffer; bytes: Buffer }[] = [];
    const cid = treeNode(group, layer - 1, blocks);
    below[index] = blocks;
    return new CborLink(cid);
  };
  const left = subtree(groups[0] ?? [], 0);
  let previous = Buffer.alloc(0);
  const entries = onLayer.map((record, index) => {
    const key = Buffer.from(record.key);
    let prefix = 0;
    while (prefix < key.length && prefix < previous.length && key[prefix] === previous[prefix]) prefix += 1;
    previous = key;
    return { k: key.subarray(prefix), p: prefix, t: subtree(groups[index + 1] ?? [], index + 1), v: new CborLink(record.cid) };
  });
  const bytes = encodeDagCbor({ e: entries, l: left });
  const cid = cidOf(bytes);
  out.push({ cid, bytes }, ...(below[0] ?? []));
  for (const [index, record] of onLayer.entries()) out.push({ cid: record.cid, bytes: record.bytes }, ...(below[index + 1] ?? []));
  return cid;
}

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/** A record key as the app makes one (a TID): the time in microseconds and a clock id, 13 characters of base32-sortable. */
export function tid(isoTime: string, clock = 7): string {
  let value = BigInt(Date.parse(isoTime)) * 1000n * 1024n + BigInt(clock);
  let text = '';
  for (let index = 0; index < 13; index += 1) {
    text = (TID_ALPHABET[Number(value & 31n)] ?? '2') + text;
    value >>= 5n;
  }
  return text;
}

/** One record of the repository: its collection, key and content. */
export interface RepoRecordSpec {
  collection: string;
  rkey: string;
  record: { [key: string]: CborInput };
}

/**
 * An account's repository as Bluesky's "Export my data" (`com.atproto.sync.getRepo`) writes it: a
 * CARv1 file whose root is the signed commit `{did, version: 3, data, rev, prev: null, sig}`, then
 * the tree and the records. The signature is 64 made-up bytes (no reader checks it). `omit` leaves
 * out the blocks of the records at those paths, as a damaged file would.
 */
export function blueskyRepoCar(did: string, records: readonly RepoRecordSpec[], options: { omit?: readonly string[] } = {}): Buffer {
  const entries = records
    .map((spec) => {
      const bytes = encodeDagCbor(spec.record);
      return { key: `${spec.collection}/${spec.rkey}`, cid: cidOf(bytes), bytes };
    })
    .sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)));
  const blocks: { cid: Buffer; bytes: Buffer }[] = [];
  const data = merkleSearchTree(entries, blocks);
  const commitBytes = encodeDagCbor({
    did,
    rev: tid('2026-11-20T09:30:00Z', 3),
    sig: Buffer.alloc(64, 0x5a),
    data: new CborLink(data),
    prev: null,
    version: 3,
  });
  const commit = cidOf(commitBytes);
  const omitted = new Set(entries.filter((entry) => options.omit?.includes(entry.key) === true).map((entry) => entry.cid.toString('hex')));
  return carFile([commit], [{ cid: commit, bytes: commitBytes }, ...blocks.filter((block) => !omitted.has(block.cid.toString('hex')))]);
}
