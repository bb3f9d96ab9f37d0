/** One TTML caption: its timing attributes as written and its content as markup (`words<br/>more`, `<span>…</span>`). */
export interface TtmlCaptionSpec {
  begin?: string;
  end?: string;
  dur?: string;
  /** The `<p>`'s content, already markup. */
  content: string;
  /** Other attributes of the `<p>` (`ttm:agent="s1"`), written as they are. */
  attributes?: string;
}

/** Options of {@link ttmlFile}. */
export interface TtmlFileOptions {
  /** The root's namespace: TTML's unless given (DFXP's drafts use `http://www.w3.org/2006/10/ttaf1`). */
  namespace?: string;
  /** The root's other attributes (`ttp:frameRate="25"`, `xml:lang="en"`), written as they are. */
  rootAttributes?: string;
  /** Speakers declared in the head's metadata: id → full name. */
  agents?: Readonly<Record<string, string>>;
  /** The `<div>`'s attributes, written as they are. */
  divAttributes?: string;
  /** A prefix on every TTML element (`tt`, as EBU-TT writes them), or none. */
  prefix?: string;
}

/** A caption in a layout `p` with begin and end, from seconds: `00:00:01.500`. */
export function clockCaption(startSeconds: number, endSeconds: number, content: string): TtmlCaptionSpec {
  return { begin: clockTime(startSeconds), end: clockTime(endSeconds), content };
}

function clockTime(seconds: number): string {
  const whole = Math.floor(seconds);
  const pad = (value: number): string => String(value).padStart(2, '0');
  const millis = String(Math.round((seconds - whole) * 1000)).padStart(3, '0');
  return `${pad(Math.floor(whole / 3600))}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}.${millis}`;
}

/**
 * A TTML document laid out as caption tools write one: the declaration, `<tt>` with the TTML,
 * styling, parameter and metadata namespaces, a `<head>` of styles and regions (and the speakers
 * given), then `<body><div>` with a `<p>` per caption on a line of its own.
 */
export function ttmlFile(captions: readonly TtmlCaptionSpec[], options: TtmlFileOptions = {}): string {
  const prefix = options.prefix === undefined ? '' : `${options.prefix}:`;
  const namespace = options.namespace ?? 'http://www.w3.org/ns/ttml';
  const xmlns = options.prefix === undefined ? `xmlns="${namespace}"` : `xmlns:${options.prefix}="${namespace}"`;
  const agents = Object.entries(options.agents ?? {}).map(
    ([id, name]) => `      <ttm:agent xml:id="${id}" type="person"><ttm:name type="full">${name}</ttm:name></ttm:agent>`,
  );
  const paragraphs = captions.map((caption) => {
    const timing = (['begin', 'end', 'dur'] as const)
      .filter((key) => caption[key] !== undefined)
      .map((key) => ` ${key}="${caption[key] ?? ''}"`)
      .join('');
    const attributes = caption.attributes === undefined ? '' : ` ${caption.attributes}`;
    return `      <${prefix}p${timing}${attributes} style="s1">${caption.content}</${prefix}p>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<${prefix}tt ${xmlns} xmlns:tts="http://www.w3.org/ns/ttml#styling" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" xmlns:ttm="http://www.w3.org/ns/ttml#metadata"${options.rootAttributes === undefined ? '' : ` ${options.rootAttributes}`}>`,
    `  <${prefix}head>`,
    `    <${prefix}metadata>`,
    '      <ttm:title>Carers forum</ttm:title>',
    ...agents,
    `    </${prefix}metadata>`,
    `    <${prefix}styling><${prefix}style xml:id="s1" tts:color="white" tts:fontSize="100%"/></${prefix}styling>`,
    `    <${prefix}layout><${prefix}region xml:id="bottom" tts:origin="10% 80%" tts:extent="80% 20%"/></${prefix}layout>`,
    `  </${prefix}head>`,
    `  <${prefix}body region="bottom">`,
    `    <${prefix}div${options.divAttributes === undefined ? '' : ` ${options.divAttributes}`}>`,
    ...paragraphs,
    `    </${prefix}div>`,
    `  </${prefix}body>`,
    `</${prefix}tt>`,
    '',
  ].join('\n');
}
