import { toIsoDate } from '../../record/dates.js';
import { withoutTrackingParameters } from '../../text/tracking-parameters.js';
import { asArray, asObject, asString, field, type JsonObject } from './json-fields.js';
import { nonEmptyStrings } from './post-fields.js';

/** What a Bluesky post record (`app.bsky.feed.post`) says, whichever export it comes from: an AppView response or the account's repository. */
export interface PostRecordFields {
  /** `text`, each link the app shortened for display written out in full from the link facets. */
  text: string;
  /** `createdAt`, as an ISO date, or null. */
  date: string | null;
  /** The `at://` URI of the post it replies to (`reply.parent.uri`), or null. */
  inReplyTo: string | null;
  /** The first of `langs`, or null. */
  lang: string | null;
  /** The tags of its tag facets and `tags`, without `#`, each once. */
  hashtags: string[];
  /** The alt texts of its images. */
  altText: string[];
  /** The `at://` URI of the post it quotes, or null. */
  quotedUri: string | null;
}

/** The fields of a post record, as {@link PostRecordFields} describes them. */
export function postRecordFields(record: JsonObject): PostRecordFields {
  const facets = asArray(record['facets']);
  const tags = [...features(facets, 'app.bsky.richtext.facet#tag').map(({ feature }) => feature['tag']), ...asArray(record['tags'])];
  return {
    text: expandedLinks(asString(record['text']) ?? '', facets),
    date: toIsoDate(record['createdAt']),
    inReplyTo: asString(field(record, 'reply', 'parent', 'uri')),
    lang: asString(asArray(record['langs'])[0]),
    hashtags: [...new Set(nonEmptyStrings(tags))],
    altText: altTexts(record['embed']),
    quotedUri: quotedUri(record['embed']),
  };
}

/** The features of one kind among a record's facets, each with the byte range it covers. */
function features(facets: readonly unknown[], type: string): { feature: JsonObject; start: number; end: number }[] {
  return facets.flatMap((facet) => {
    const start = field(facet, 'index', 'byteStart');
    const end = field(facet, 'index', 'byteEnd');
    return asArray(field(facet, 'features')).flatMap((value) => {
      const feature = asObject(value);
      if (feature === null || feature['$type'] !== type || typeof start !== 'number' || typeof end !== 'number') return [];
      return [{ feature, start, end }];
    });
  });
}

/**
 * The text with each link the app shortened for display (`example.org/consultation/ca...`) written
 * out as its full address, from the link facets' byte ranges (UTF-8); a range that does not fit
 * the text, or overlaps another, is left as it is.
 */
function expandedLinks(text: string, facets: readonly unknown[]): string {
  const links = features(facets, 'app.bsky.richtext.facet#link').sort((first, second) => first.start - second.start);
  if (links.length === 0) return text;
  const bytes = Buffer.from(text, 'utf8');
  const parts: string[] = [];
  let at = 0;
  for (const { feature, start, end } of links) {
    const target = asString(feature['uri']);
    if (target === null || !Number.isInteger(start) || !Number.isInteger(end) || start < at || end <= start || end > bytes.length) continue;
    const shown = bytes.subarray(start, end).toString('utf8');
    if (!/(?:\.\.\.|…)$/.test(shown)) continue;
    parts.push(bytes.subarray(at, start).toString('utf8'), withoutTrackingParameters(target));
    at = end;
  }
  parts.push(bytes.subarray(at).toString('utf8'));
  return parts.join('');
}

/** The alt texts of a record's images, also when they come beside a quoted post. */
function altTexts(embed: unknown): string[] {
  const images = asArray(field(embed, 'images')).length > 0 ? asArray(field(embed, 'images')) : asArray(field(embed, 'media', 'images'));
  return nonEmptyStrings(images.map((image) => field(image, 'alt')));
}

/** The `at://` URI of the post a record quotes, or null. */
function quotedUri(embed: unknown): string | null {
  const type = asString(field(embed, '$type'));
  if (type === 'app.bsky.embed.record') return asString(field(embed, 'record', 'uri'));
  if (type === 'app.bsky.embed.recordWithMedia') return asString(field(embed, 'record', 'record', 'uri'));
  return null;
}
