import { readCarBlocks, type CarBlocks } from './car-blocks.js';
import { CidLink, DagCborError, decodeDagCbor, type DagCborValue } from './dag-cbor.js';

/** Why an AT Protocol repository cannot be read as a whole: no commit, a tree node missing or damaged. */
export class RepoFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RepoFormatError';
  }
}

/** One record of a repository, as its tree lists it. */
export interface RepoEntry {
  /** Its path in the repository: `app.bsky.feed.post/3kq2…`. */
  path: string;
  /** The collection, the part of the path before the `/` (`app.bsky.feed.post`). */
  collection: string;
  /** The record key, the part after it. */
  rkey: string;
  /** The record's block, or null when the file does not hold it. */
  block: Uint8Array | null;
}

/** An AT Protocol repository read from its CAR export. */
export interface Repo {
  /** The account's DID, from the signed commit (`did:plc:…`). */
  did: string;
  /** Its records in key order (collection, then record key), walked lazily. */
  entries: Iterable<RepoEntry>;
}

/**
 * Opens an AT Protocol repository exported as a CAR file (Bluesky's Settings › Export my data,
 * `com.atproto.sync.getRepo`): the root is the signed commit (`did`, `version` 3, `data`), whose
 * `data` is the root of the Merkle Search Tree listing every record by its path. A file that is
 * not such a repository is a {@link RepoFormatError} or a `CarFormatError`.
 */
export function openRepo(bytes: Uint8Array): Repo {
  const car = readCarBlocks(bytes);
  const root = car.roots[0];
  if (root === undefined) throw new RepoFormatError('the CAR file names no root (no commit)');
  const commit = asMap(decodeBlock(car, root, 'the commit'));
  const did = commit?.['did'];
  const data = commit?.['data'];
  if (typeof did !== 'string' || !(data instanceof CidLink))
    throw new RepoFormatError('the root block is not a repository commit (no "did" and "data")');
  return { did, entries: treeEntries(car, data) };
}

/** A work item of the tree walk: a node still to open, or a record reached in key order. */
type Step = { kind: 'node'; link: CidLink } | { kind: 'entry'; path: string; value: CidLink };

/**
 * The tree's records in key order. A node is `{l: link|null, e: [{p, k, v, t}]}`: `l` the subtree
 * of keys before its entries; each entry's key is the first `p` bytes of the previous key followed
 * by `k`, its record `v`, and `t` the subtree of keys between it and the next. Walked with a stack,
 * each node opened once (a node linked twice, as a damaged or hostile tree could, is refused), so
 * the walk is bounded by the file's blocks and costs no call stack.
 */
function* treeEntries(car: CarBlocks, root: CidLink): Iterable<RepoEntry> {
  const opened = new Set<string>();
  const stack: Step[] = [{ kind: 'node', link: root }];
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    if (step.kind === 'entry') {
      const slash = step.path.indexOf('/');
      yield {
        path: step.path,
        collection: slash === -1 ? step.path : step.path.slice(0, slash),
        rkey: slash === -1 ? '' : step.path.slice(slash + 1),
        block: car.blocks.get(step.value.key) ?? null,
      };
      continue;
    }
    if (opened.has(step.link.key)) throw new RepoFormatError('the record tree links to one of its nodes twice');
    opened.add(step.link.key);
    const node = asMap(decodeBlock(car, step.link, 'a node of the record tree'));
    const entries = node?.['e'];
    if (node === null || !Array.isArray(entries)) throw new RepoFormatError('a node of the record tree has no entries ("e")');
    const steps: Step[] = [];
    const left = node['l'];
    if (left instanceof CidLink) steps.push({ kind: 'node', link: left });
    let previous = Buffer.alloc(0);
    for (const value of entries) {
      const entry = asMap(value);
      const prefix = entry?.['p'];
      const suffix = entry?.['k'];
      const record = entry?.['v'];
      if (typeof prefix !== 'number' || !(suffix instanceof Uint8Array) || !(record instanceof CidLink) || prefix > previous.length) {
        throw new RepoFormatError('an entry of the record tree is not {p, k, v, t}');
      }
      const key = Buffer.concat([previous.subarray(0, prefix), suffix]);
      previous = key;
      steps.push({ kind: 'entry', path: key.toString('utf8'), value: record });
      const right = entry?.['t'];
      if (right instanceof CidLink) steps.push({ kind: 'node', link: right });
    }
    for (let index = steps.length - 1; index >= 0; index -= 1) {
      const next = steps[index];
      if (next !== undefined) stack.push(next);
    }
  }
}

function decodeBlock(car: CarBlocks, link: CidLink, what: string): DagCborValue {
  const block = car.blocks.get(link.key);
  if (block === undefined) throw new RepoFormatError(`${what} is missing from the file (is it cut short?)`);
  try {
    return decodeDagCbor(block);
  } catch (error) {
    if (error instanceof DagCborError) throw new RepoFormatError(`${what} cannot be read: ${error.message}`);
    throw error;
  }
}

/** The value as a DAG-CBOR map, or null. */
export function asMap(value: DagCborValue | undefined): { [key: string]: DagCborValue } | null {
  if (value === null || value === undefined || typeof value !== 'object') return null;
  if (Array.isArray(value) || value instanceof Uint8Array || value instanceof CidLink) return null;
  return value;
}
