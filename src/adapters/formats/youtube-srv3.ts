import { InputError } from '../../errors.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import {
  attributeValue,
  readXmlElements,
  recoveryWarnings,
  tooLargeElementRejection,
  type XmlElement,
  type XmlName,
  type XmlRecovery,
  type XmlSelection,
} from '../readers/xml-elements.js';
import { YouTubeCaptionReader } from '../readers/youtube-caption-events.js';

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
    return readSrv3(source);
  },
};

/** Selects the root (to check it) and each `<p>` of its `<body>`. */
function captions(path: readonly XmlName[]): XmlSelection {
  if (path.length === 1) return 'start';
  const [, body, caption] = path;
  if (path.length === 3 && body?.local === 'body' && caption?.local === 'p') return 'element';
  return 'skip';
}

/** Reads the captions as they stream; a file cut short gives the words read before the cut, then its error. */
async function* readSrv3(source: InputSource): AsyncIterable<AdapterItem> {
  const reader = new YouTubeCaptionReader(source.path);
  const recoveries: XmlRecovery[] = [];
  try {
    for await (const event of readXmlElements(source, captions, (recovery) => recoveries.push(recovery))) {
      yield* recoveryWarnings(source.path, recoveries);
      if (event.kind === 'start') {
        checkRoot(source.path, event.element);
        continue;
      }
      if (event.kind === 'too-large') {
        yield tooLargeElementRejection(source.path, event);
        continue;
      }
      const caption = event.element;
      yield* reader.add({
        startMs: attributeValue(caption, 't') ?? undefined,
        durationMs: attributeValue(caption, 'd') ?? undefined,
        text: caption.text,
        provenance: { file: source.path, line: caption.line },
      });
    }
  } catch (error) {
    yield* reader.finish();
    throw error;
  }
  yield* reader.finish();
}

function checkRoot(file: string, root: XmlElement): void {
  if (root.local === 'timedtext') return;
  throw new InputError(`not YouTube timed text: the root element is <${root.name}>, not <timedtext>`, {
    location: { file, line: root.line, col: 1 },
    hint: 'name another format instead of detecting it',
  });
}
