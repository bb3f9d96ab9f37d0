import type { FormatAdapter } from '../format-adapter.js';
import { attributeValue, type XmlName } from '../readers/xml-elements.js';
import { readTimedTextXml } from '../readers/youtube-caption-events.js';

/**
 * YouTube's oldest timed text (`fmt=srv1`, the `timedtext` API's default), as `yt-dlp --write-subs
 * --sub-format srv1` saves it (`Talk [id].en.srv1`): `<transcript>` holding a `<text start="1.2"
 * dur="3.4">` per caption, its times in seconds and its words escaped, often twice (`&amp;#39;`).
 */
export const youtubeSrv1Adapter: FormatAdapter = {
  name: 'youtube-srv1',
  description:
    "YouTube's srv1 captions (.srv1, as yt-dlp saves them; the old timedtext API's XML) of filmed blogs and recorded talks: one record per speaker turn or paragraph",
  channel: 'transcript',
  extensions: ['.srv1', '.xml'],
  signature: 'a <transcript> document of <text start="…" dur="…"> captions',
  sniff(input) {
    const head = input.headText;
    return /<transcript[\s>]/.test(head) && /<text\s[^>]*\bstart\s*=/.test(head) ? 0.9 : 0;
  },
  read(source) {
    return readTimedTextXml(source, {
      root: 'transcript',
      isCaption: isSrv1Caption,
      event: (caption, provenance) => ({
        startMs: attributeValue(caption, 'start') ?? undefined,
        durationMs: attributeValue(caption, 'dur') ?? undefined,
        text: caption.text,
        markup: true,
        unit: 'seconds',
        provenance,
      }),
    });
  },
};

/** Each `<text>` of the root. */
function isSrv1Caption(path: readonly XmlName[]): boolean {
  return path.length === 2 && path[1]?.local === 'text';
}
