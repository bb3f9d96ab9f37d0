/** One caption of YouTube's timed text: when it starts and how long it shows, in milliseconds, and its words. */
export interface CaptionEventSpec {
  startMs: number | string;
  /** Omitted for an event YouTube writes with no duration (shown until the next). */
  durationMs?: number | string;
  /** The words, one segment each (auto-captions write a segment per word, the words after the first starting with a space). */
  segments: readonly string[];
  /** An `aAppend` event (auto-captions' line break). */
  append?: boolean;
}

/** An auto-caption event as YouTube writes one: a segment per word, each word after the first with a leading space. */
export function spokenEvent(startMs: number, durationMs: number, words: string): CaptionEventSpec {
  return { startMs, durationMs, segments: words.split(' ').map((word, index) => (index === 0 ? word : ` ${word}`)) };
}

/** The line break auto-captions write between two lines of a window: an `aAppend` event holding `\n`. */
export function lineBreakEvent(startMs: number): CaptionEventSpec {
  return { startMs, segments: ['\n'], append: true };
}

/**
 * A `.json3` file laid out as YouTube serves it (and yt-dlp saves it): the object's members on
 * lines of their own, arrays opened `[ {` and objects two spaces in, the window definition event
 * first. `compact` writes it on one line instead.
 */
export function json3File(events: readonly CaptionEventSpec[], options: { compact?: boolean } = {}): string {
  const eventObjects: Record<string, unknown>[] = [
    { tStartMs: 0, dDurationMs: 600000, id: 1, wpWinPosId: 1, wsWinStyleId: 1 },
    ...events.map((event) => ({
      tStartMs: event.startMs,
      ...(event.durationMs === undefined ? {} : { dDurationMs: event.durationMs }),
      wWinId: 1,
      ...(event.append === true ? { aAppend: 1 } : {}),
      segs: event.segments.map((utf8, index) => (index === 0 ? { utf8, acAsrConf: 0 } : { utf8, tOffsetMs: index * 200, acAsrConf: 0 })),
    })),
  ];
  const head = {
    wireMagic: 'pb3',
    pens: [{}],
    wsWinStyles: [{}, { mhModeHint: 2, juJustifCode: 0, sdScrollDir: 3 }],
    wpWinPositions: [{}],
  };
  if (options.compact === true) return JSON.stringify({ ...head, events: eventObjects });
  const member = (name: string, items: readonly Record<string, unknown>[]): string =>
    `  ${JSON.stringify(name)}: [ ${items.map((item) => objectLines(item, '  ')).join(', ')} ]`;
  return `{\n  "wireMagic": "pb3",\n${[
    member('pens', head.pens),
    member('wsWinStyles', head.wsWinStyles),
    member('wpWinPositions', head.wpWinPositions),
    member('events', eventObjects),
  ].join(',\n')}\n}\n`;
}

function objectLines(object: Record<string, unknown>, indent: string): string {
  const inner = `${indent}  `;
  const members = Object.entries(object).map(([key, value]) => {
    const written = Array.isArray(value)
      ? `[ ${value.map((item) => objectLines(item as Record<string, unknown>, inner)).join(', ')} ]`
      : JSON.stringify(value);
    return `${inner}${JSON.stringify(key)}: ${written}`;
  });
  return members.length === 0 ? `{\n${indent}\n${indent}}` : `{\n${members.join(',\n')}\n${indent}}`;
}

function escapedXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A `.srv3` file laid out as YouTube serves it: the declaration and root on the first line, a `<p>` per caption, `<s>` per segment. */
export function srv3File(events: readonly CaptionEventSpec[]): string {
  const captions = events.map((event) => {
    const duration = event.durationMs === undefined ? '' : ` d="${event.durationMs}"`;
    const append = event.append === true ? ' a="1"' : '';
    const segments = event.segments
      .map((segment, index) =>
        index === 0 ? `<s ac="0">${escapedXml(segment)}</s>` : `<s t="${index * 200}" ac="0">${escapedXml(segment)}</s>`,
      )
      .join('');
    return event.append === true
      ? `<p t="${event.startMs}"${duration} w="1"${append}>\n</p>`
      : `<p t="${event.startMs}"${duration} w="1">${segments}</p>`;
  });
  return [
    '<?xml version="1.0" encoding="utf-8" ?><timedtext format="3">',
    '<head>',
    '<ws id="0"/>',
    '<ws id="1" mh="2" ju="0" sd="3"/>',
    '<wp id="0"/>',
    '<wp id="1" ap="6" ah="20" av="100" rc="2" cc="40"/>',
    '</head>',
    '<body>',
    '<w t="0" id="1" wp="1" ws="1"/>',
    ...captions,
    '</body>',
    '</timedtext>',
    '',
  ].join('\n');
}

/**
 * A `.srv1` file as YouTube's old timedtext API served it: `<transcript>` with a `<text start="…"
 * dur="…">` per caption, times in seconds. The words are caption text, `<font>` tags and all: their
 * `&` and `'` are escaped as HTML (`&amp;`, `&#39;`), then the whole escaped again as XML, so an
 * apostrophe is written `&amp;#39;` and a tag `&lt;font&gt;`, as YouTube wrote them.
 */
export function srv1File(events: readonly CaptionEventSpec[]): string {
  const captions = events
    .filter((event) => event.append !== true)
    .map((event) => {
      const seconds = (value: number | string): string => (typeof value === 'number' ? String(value / 1000) : value);
      const duration = event.durationMs === undefined ? '' : ` dur="${seconds(event.durationMs)}"`;
      const html = event.segments.join('').replace(/&/g, '&amp;').replace(/'/g, '&#39;');
      return `<text start="${seconds(event.startMs)}"${duration}>${escapedXml(html)}</text>`;
    });
  return `<?xml version="1.0" encoding="utf-8" ?><transcript>${captions.join('')}</transcript>`;
}

/** A `.srv2` file: `<timedtext>` with its `<window>` and a `<text t="…" d="…">` per caption, times in milliseconds, a line per caption. */
export function srv2File(events: readonly CaptionEventSpec[]): string {
  const captions = events
    .filter((event) => event.append !== true)
    .map((event) => {
      const duration = event.durationMs === undefined ? '' : ` d="${event.durationMs}"`;
      return `<text w="1" t="${event.startMs}"${duration}>${escapedXml(event.segments.join(''))}</text>`;
    });
  return [
    '<?xml version="1.0" encoding="utf-8" ?><timedtext>',
    '<window t="0" id="1" op="define" rc="15" cc="32" ap="6" ah="20" av="100"/>',
    ...captions,
    '</timedtext>',
    '',
  ].join('\n');
}
