import type { FormatAdapter } from '../format-adapter.js';
import { attributeValue, type XmlName } from '../readers/xml-elements.js';
import { readTimedTextXml } from '../readers/youtube-caption-events.js';

/** The root YouTube's srv3 timed text starts with: `<timedtext format="3">`. */
const SRV3_ROOT = /<timedtext\b[^>]*\bformat\s*=\s*["']3["']/;

/**
 * YouTube's own timed text as XML (`fmt=srv3`), as `yt-dlp --write-subs --write-auto-subs
 * --sub-format srv3` saves it (`Talk [id].en.srv3`): `<timedtext format="3"><body>` holding a
 * `<p t="…" d="…">` per caption, its words in the `<p>` or in `<s>` segments inside it.
 */
export const youtubeSrv3Adapter: FormatAdapter = {
  name: 'youtube-srv3',
  description:
    "YouTube's srv3 captions (.srv3, as yt-dlp saves them) of filmed blogs and recorded talks: one record per speaker turn or paragraph",
  channel: 'transcript',
  extensions: ['.srv3', '.xml'],
  signature: 'a <timedtext format="3"> document whose <body> holds <p t="…" d="…"> captions',
  sniff(input) {
    const head = input.headText;
    if (SRV3_ROOT.test(head)) return 0.95;
    return /<timedtext[\s>]/.test(head) && /<body[\s>]/.test(head) && /<p\s[^>]*\bt\s*=/.test(head) ? 0.9 : 0;
  },
  read(source) {
    return readTimedTextXml(source, {
      root: 'timedtext',
      isCaption: isSrv3Caption,
      event: (caption, provenance) => ({
        startMs: attributeValue(caption, 't') ?? undefined,
        durationMs: attributeValue(caption, 'd') ?? undefined,
        text: caption.text,
        provenance,
      }),
    });
  },
};

/** Each `<p>` of the root's `<body>`. */
function isSrv3Caption(path: readonly XmlName[]): boolean {
  const [, body, caption] = path;
  return path.length === 3 && body?.local === 'body' && caption?.local === 'p';
}
