import type { Provenance } from '../../record/record.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import { invalidJsonItem, jsonArrayElements } from '../readers/json-elements.js';
import { YouTubeCaptionReader } from '../readers/youtube-caption-events.js';

/** The head of YouTube's json3 timed text: `"wireMagic": "pb3"`, or an `events` array whose events have `tStartMs` and `segs`. */
const WIRE_MAGIC = /"wireMagic"\s*:\s*"pb3"/;
const EVENTS = /"events"\s*:\s*\[/;

/**
 * YouTube's own timed text as JSON (`fmt=json3`), as `yt-dlp --write-subs --write-auto-subs
 * --sub-format json3` saves it (`Talk [id].en.json3`): an `events` array whose events hold their
 * words in `segs[].utf8`.
 */
export const youtubeJson3Adapter: FormatAdapter = {
  name: 'youtube-json3',
  description:
    "YouTube's json3 captions (.json3, as yt-dlp saves them) of filmed blogs and recorded talks: one record per speaker turn or paragraph",
  channel: 'transcript',
  extensions: ['.json3', '.json'],
  signature: 'a JSON object with "wireMagic": "pb3", or an "events" array of {tStartMs, dDurationMs, segs: [{utf8}]}',
  sniff(input) {
    const head = input.headText.trimStart();
    if (!head.startsWith('{')) return 0;
    if (WIRE_MAGIC.test(head)) return 0.95;
    return EVENTS.test(head) && /"tStartMs"\s*:/.test(head) && /"segs"\s*:/.test(head) ? 0.9 : 0;
  },
  read(source) {
    return readJson3(source);
  },
};

/** Reads the events as they stream; a file cut short gives the words read before the cut, then its error. */
async function* readJson3(source: InputSource): AsyncIterable<AdapterItem> {
  const reader = new YouTubeCaptionReader(source.path);
  try {
    for await (const element of jsonArrayElements(source.path, source.text(), { member: 'events' })) {
      const provenance: Provenance = { file: source.path, line: element.line, part: `events[${element.index ?? 0}]` };
      if (element.kind === 'invalid') {
        yield invalidJsonItem(element, provenance);
        continue;
      }
      const event = element.value;
      if (typeof event !== 'object' || event === null || Array.isArray(event)) {
        yield { kind: 'rejected', code: 'NOT_AN_OBJECT', message: 'caption event is not a JSON object', provenance };
        continue;
      }
      const fields = event as Record<string, unknown>;
      yield* reader.add({ startMs: fields['tStartMs'], durationMs: fields['dDurationMs'], text: segmentText(fields['segs']), provenance });
    }
  } catch (error) {
    yield* reader.finish();
    throw error;
  }
  yield* reader.finish();
}

/** The words of an event's `segs`, each segment's `utf8` joined as written (auto-captions start each word after the first with a space). */
function segmentText(segs: unknown): string {
  if (!Array.isArray(segs)) return '';
  let text = '';
  for (const segment of segs) {
    if (typeof segment !== 'object' || segment === null) continue;
    const utf8 = (segment as Record<string, unknown>)['utf8'];
    if (typeof utf8 === 'string') text += utf8;
  }
  return text;
}
