import type { FormatAdapter } from '../format-adapter.js';
import { attributeValue, type XmlName } from '../readers/xml-elements.js';
import { readTimedTextXml } from '../readers/youtube-caption-events.js';

/** A `<timedtext>` root that says it is another format (srv3 writes `format="3"`). */
const OTHER_FORMAT = /<timedtext\b[^>]*\bformat\s*=\s*["'](?!2["'])/;

/**
 * YouTube's timed text format 2 (`fmt=srv2`), as `yt-dlp --write-subs --sub-format srv2` saves it
 * (`Talk [id].en.srv2`): `<timedtext>` holding a `<text t="1200" d="3400">` per caption, its
 * times in milliseconds, beside the `<window>`s they show in.
 */
export const youtubeSrv2Adapter: FormatAdapter = {
  name: 'youtube-srv2',
  description:
    "YouTube's srv2 captions (.srv2, as yt-dlp saves them) of filmed blogs and recorded talks: one record per speaker turn or paragraph",
  channel: 'transcript',
  extensions: ['.srv2', '.xml'],
  signature: 'a <timedtext> document (not format="3") of <text t="…" d="…"> captions',
  sniff(input) {
    const head = input.headText;
    if (!/<timedtext[\s>]/.test(head) || OTHER_FORMAT.test(head)) return 0;
    return /<text\s[^>]*\bt\s*=/.test(head) ? 0.9 : 0;
  },
  read(source) {
    return readTimedTextXml(source, {
      root: 'timedtext',
      isCaption: isSrv2Caption,
      event: (caption, provenance) => ({
        startMs: attributeValue(caption, 't') ?? undefined,
        durationMs: attributeValue(caption, 'd') ?? undefined,
        text: caption.text,
        markup: true,
        provenance,
      }),
    });
  },
};

/** Each `<text>` of the root. */
function isSrv2Caption(path: readonly XmlName[]): boolean {
  return path.length === 2 && path[1]?.local === 'text';
}
