/**
 * Query parameters that say how a reader reached a link, not what it leads to: campaign tags
 * (`utm_source`…), advertisers' click ids (`fbclid`, `gclid`, `msclkid`…), mailing lists'
 * subscriber ids (`mc_eid`), share ids (`igshid`). They are noise in a record's words, and some
 * (a click id, a subscriber id) tell one person from another.
 */
const TRACKING_PARAMETERS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'igshid',
  'igsh',
  'ref_src',
  'ref_url',
]);

/** `utm_source`, `utm_medium`, `utm_campaign`, `utm_term`, `utm_content`, `utm_id` and the rest of Google's campaign tags. */
const CAMPAIGN_TAG = /^utm_[a-z_]+$/;

/**
 * Share parameters that track only on the sites that add them (elsewhere the same name may choose
 * what the page shows): YouTube's `si` and `feature` (`feature=share`, the share button's mark),
 * Spotify's `si`, X's `s` and `t` on a post's link.
 */
const SITE_TRACKING: readonly { host: RegExp; names: ReadonlySet<string> }[] = [
  { host: /^(?:www\.|m\.|music\.)?(?:youtube\.com|youtu\.be)$/, names: new Set(['si', 'feature']) },
  { host: /^open\.spotify\.com$/, names: new Set(['si']) },
  { host: /^(?:www\.|mobile\.)?(?:twitter|x)\.com$/, names: new Set(['s', 't']) },
];

const ADDRESS = /^(https?:\/\/([^/?#]*))([^?#]*)(?:\?([^#]*))?(#.*)?$/i;

/**
 * The link without its tracking parameters ({@link TRACKING_PARAMETERS}, `utm_*`, and the share
 * parameters of the sites that add them), everything else kept as written: the other parameters
 * in their order and spelling, the path, the fragment. A link with none comes back unchanged.
 */
export function withoutTrackingParameters(url: string): string {
  const parts = ADDRESS.exec(url);
  const query = parts?.[4];
  if (parts === null || query === undefined) return url;
  const host = (parts[2] ?? '').toLowerCase().replace(/:\d+$/, '');
  const siteNames = SITE_TRACKING.filter((site) => site.host.test(host)).flatMap((site) => [...site.names]);
  const kept = query.split('&').filter((pair) => {
    const name = parameterName(pair);
    return !(TRACKING_PARAMETERS.has(name) || CAMPAIGN_TAG.test(name) || siteNames.includes(name));
  });
  if (kept.length === query.split('&').length) return url;
  const rest = kept.filter((pair) => pair !== '').join('&');
  return `${parts[1] ?? ''}${parts[3] ?? ''}${rest === '' ? '' : `?${rest}`}${parts[5] ?? ''}`;
}

function parameterName(pair: string): string {
  const name = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(name).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}
