import { InputError } from '../../errors.js';
import type { Provenance } from '../../record/record.js';
import { WHOLE_FILE_LIMIT, type InputSource } from '../../source/input-source.js';
import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import { asMap, openRepo, RepoFormatError, type Repo, type RepoEntry } from '../readers/atproto-repo.js';
import { postRecordFields } from '../readers/bluesky-post-record.js';
import { CarFormatError } from '../readers/car-blocks.js';
import { DagCborError, decodeDagCbor } from '../readers/dag-cbor.js';
import { postMeta } from '../readers/post-fields.js';

/** The collection of an account's posts. */
const POST_COLLECTION = 'app.bsky.feed.post';

/** A CARv1 header as the repository export starts: a one-byte length, then a map of `roots` and `version` 1. */
function looksLikeCarHeader(head: Buffer): boolean {
  const length = head[0] ?? 0;
  if (length < 10 || length > 127 || head.length < length + 1) return false;
  const header = head.subarray(1, length + 1);
  return header[0] === 0xa2 && header.includes(Buffer.from('roots')) && header.includes(Buffer.from('version'));
}

/**
 * A Bluesky account's repository as Settings › Privacy and security › Export my data ("Download
 * CAR file") saves it, or `com.atproto.sync.getRepo`: the account's own records, signed, in a CAR
 * file. Its posts are read; its other records (likes, follows, reposts, blocks, its profile) are
 * filtered as not feedback.
 */
export const blueskyRepoAdapter: FormatAdapter = {
  name: 'bluesky-repo',
  description: 'A Bluesky account\'s repository export (.car, from "Export my data"): its own posts',
  channel: 'bluesky',
  extensions: ['.car'],
  signature: 'a CAR file (version 1) whose root is an AT Protocol repository commit',
  binary: true,
  sniff(input) {
    return looksLikeCarHeader(input.headBytes) ? 0.9 : 0;
  },
  read(source) {
    return readRepo(source);
  },
};

async function* readRepo(source: InputSource): AsyncIterable<AdapterItem> {
  const repo = openOrRefuse(source.path, await source.readBytes(WHOLE_FILE_LIMIT));
  try {
    for (const entry of repo.entries) yield entryItem(entry, repo.did, source.path);
  } catch (error) {
    throw refusal(source.path, error);
  }
}

function openOrRefuse(file: string, bytes: Buffer): Repo {
  try {
    return openRepo(bytes);
  } catch (error) {
    throw refusal(file, error);
  }
}

/** A damaged repository as one error naming the file; anything else as it is. */
function refusal(file: string, error: unknown): unknown {
  if (!(error instanceof CarFormatError) && !(error instanceof RepoFormatError)) return error;
  return new InputError(`not a readable Bluesky repository export: ${error.message}`, {
    location: { file },
    hint: 'export the data again (Settings › Privacy and security › Export my data) and ingest the new file',
    cause: error,
  });
}

/** A post as a record; any other record filtered `not-feedback`; a post the file does not hold, or holds damaged, rejected. */
function entryItem(entry: RepoEntry, did: string, file: string): AdapterItem {
  const provenance: Provenance = { file, part: entry.path };
  const uri = `at://${did}/${entry.path}`;
  if (entry.collection !== POST_COLLECTION) {
    return { kind: 'filtered', rule: 'not-feedback', provenance, sourceId: uri, detail: `${entry.collection} record, not a post` };
  }
  if (entry.block === null) {
    return { kind: 'rejected', code: 'CAR_BLOCK_MISSING', message: `the post's record is not in the file`, provenance };
  }
  let record: ReturnType<typeof asMap>;
  try {
    record = asMap(decodeDagCbor(entry.block));
  } catch (error) {
    if (!(error instanceof DagCborError)) throw error;
    return { kind: 'rejected', code: 'CAR_BLOCK_DAMAGED', message: `the post's record cannot be read: ${error.message}`, provenance };
  }
  if (record === null || record['$type'] !== POST_COLLECTION) {
    return { kind: 'rejected', code: 'NOT_A_POST', message: `the record at ${entry.path} is not an ${POST_COLLECTION}`, provenance };
  }
  const fields = postRecordFields(record);
  return {
    kind: 'record',
    draft: {
      sourceId: uri,
      author: did,
      date: fields.date,
      text: fields.text,
      url: `https://bsky.app/profile/${did}/post/${entry.rkey}`,
      inReplyTo: fields.inReplyTo,
      meta: postMeta([
        ['lang', fields.lang],
        ['hashtags', fields.hashtags],
        ['altText', fields.altText],
        ['quotedUri', fields.quotedUri],
      ]),
      provenance,
    },
  };
}
