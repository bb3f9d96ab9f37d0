import { SaxesParser, type SaxesTagNS } from 'saxes';
import { InputError } from '../../errors.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem } from '../format-adapter.js';
import { HTML_BLOCK_ELEMENTS } from './html-block-elements.js';

/** An element or attribute name with its namespace resolved. */
export interface XmlName {
  /** The namespace URI, or '' when the name is in no namespace. */
  uri: string;
  /** The local name, without prefix. */
  local: string;
}

/** One attribute of an {@link XmlElement}. */
export interface XmlAttribute extends XmlName {
  /** The name as written, with its prefix (`dsq:id`). */
  name: string;
  value: string;
}

/** An element read into memory: small, because only the elements an adapter selects are built. */
export interface XmlElement extends XmlName {
  /** The name as written, with its prefix (`wp:comment`). */
  name: string;
  attributes: XmlAttribute[];
  /** Child elements, in order (empty on `start` events). */
  children: XmlElement[];
  /**
   * The element's character data and that of every element inside it, in document order (text and
   * CDATA sections joined, entities decoded, untrimmed): `<message>some <b>bold</b> words</message>`
   * has the text `some bold words`.
   */
  text: string;
  /**
   * Its own character data and its child elements, in document order, for mixed content
   * (`<text:p>some <text:span>bold</text:span><text:tab/>words</text:p>` is `['some ', span, tab,
   * 'words']`); a line break stands where a block element (`p`, `br`, `li`…) opens or
   * closes, as in {@link XmlElement.text}.
   */
  content(): (string | XmlElement)[];
  /** 1-based line of the element's start tag. */
  line: number;
}

/**
 * What to do with an element, decided from its path (the root first, the element itself last):
 * `element` builds it with all its descendants and reports it when it closes; `start` reports
 * that it opened (with its attributes) and goes on looking inside; `skip` goes on looking inside.
 */
export type XmlSelection = 'element' | 'start' | 'skip';

/** What {@link readXmlElements} reports, in document order. */
export type XmlEvent =
  | {
      /** A `start`-selected element has opened. */
      kind: 'start';
      element: XmlElement;
      /** Its ancestors, the root first. */
      ancestors: readonly XmlName[];
    }
  | {
      /** An `element`-selected element has closed and is complete. */
      kind: 'element';
      element: XmlElement;
      /** Its ancestors, the root first. */
      ancestors: readonly XmlName[];
    }
  | {
      /** An `element`-selected element held more than {@link MAX_XML_ELEMENT_CHARS}: passed over unbuilt. */
      kind: 'too-large';
      /** Its name as written. */
      name: string;
      /** 1-based line of its start tag. */
      line: number;
      /** Its ancestors, the root first. */
      ancestors: readonly XmlName[];
    };

/** The largest single element built in memory: 16 Mi characters of text. */
export const MAX_XML_ELEMENT_CHARS = 16 * 1024 * 1024;

/** The rejection for an element over {@link MAX_XML_ELEMENT_CHARS}. */
export function tooLargeElementRejection(file: string, event: Extract<XmlEvent, { kind: 'too-large' }>): AdapterItem {
  return {
    kind: 'rejected',
    code: 'XML_ELEMENT_TOO_LARGE',
    message: `<${event.name}> holds more than ${MAX_XML_ELEMENT_CHARS.toLocaleString('en-GB')} characters of text; skipped`,
    provenance: { file, line: event.line },
  };
}

/** The bindings every XML document starts with: no prefix means no namespace, and the two reserved prefixes. */
const PREDEFINED_BINDINGS: Readonly<Record<string, string>> = {
  '': '',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmlns: 'http://www.w3.org/2000/xmlns/',
};

/** HTML elements that end a line of text: the words on either side of one are never run together. */
const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([...HTML_BLOCK_ELEMENTS, 'br', 'tr', 'table']);

/** The part of saxes's state that holds a text node, CDATA section or attribute value until it ends. */
interface SaxesPendingText {
  text: string;
}

/**
 * How deeply elements may nest: every open element costs the parser and the reader memory (about
 * 2 KB each, so a 7 MB file of a million nested elements held 1.9 GB); no export nests near this.
 */
export const MAX_XML_DEPTH = 10_000;

/** How much may come before the root element (declaration, comments, DOCTYPE): 1 Mi characters. */
const MAX_PROLOG_CHARS = 1024 * 1024;

/** How much text is handed to the parser at once, so that events are reported as they come. */
const SLICE_CHARS = 64 * 1024;

/**
 * Streams an XML file (or a part unpacked from a zip: anything with a path to name and text to
 * read) with saxes (strict, namespaces resolved, no DTD processing) and reports the elements
 * `select` asks for. Only selected elements are built in memory, one at a time.
 *
 * Refused as a whole, with an InputError `file:line:col: CODE: what`:
 * a DOCTYPE that declares entities (`XML_ENTITY_DECLARATION`, before anything is read: entity
 * expansion and external entities are how XML files attack their readers), more than 1 MiB
 * before the root element (`XML_PROLOG_TOO_LARGE`), an entity that is not one of XML's five
 * (`XML_UNDEFINED_ENTITY`), a file that ends inside an element (`XML_TRUNCATED`), elements nested
 * more than {@link MAX_XML_DEPTH} deep (`XML_TOO_DEEP`), anything else that is not well-formed XML
 * (`XML_MALFORMED`). Events for elements completed before the error
 * are reported first.
 *
 * Recovered, with a {@link XmlRecovery} for the caller to warn about: characters before the XML
 * begins, and a namespace prefix used without being declared (the element is read with the
 * prefix as its namespace). A selected element with more than {@link MAX_XML_ELEMENT_CHARS} of
 * text is passed over as it streams and reported as `too-large`; the elements after it are read.
 * Nesting is walked with explicit stacks, so depth costs memory, never call stack, and it is
 * bounded by {@link MAX_XML_DEPTH}.
 */
export async function* readXmlElements(
  source: Pick<InputSource, 'path' | 'text'>,
  select: (path: readonly XmlName[]) => XmlSelection,
  onRecovery?: (recovery: XmlRecovery) => void,
): AsyncIterable<XmlEvent> {
  const file = source.path;
  const parser = new SaxesParser({ xmlns: true, position: true });

  const path: XmlName[] = [];
  const building: BuiltElement[] = [];
  let parts: string[] = [];
  let builtChars = 0;
  let overflowed = false;
  let queue: XmlEvent[] = [];
  let startLine = 1;
  let sawRoot = false;
  let prolog = '';
  let closing = false;
  const unboundPrefixes = new Set<string>();

  /**
   * Each open element's namespace bindings, its ancestors' included. saxes looks a prefix up by
   * walking every open element, which makes deep nesting cost the square of its depth; starting
   * each element's own bindings from its parent's makes the first look-up find it.
   */
  const bindings: Record<string, string>[] = [];
  let openingBindings: Record<string, string> | null = null;
  parser.on('opentagstart', (tag) => {
    startLine = parser.column === 0 && parser.line > 1 ? parser.line - 1 : parser.line;
    const own = (tag as { ns?: Record<string, string> }).ns;
    if (own !== undefined) Object.assign(own, bindings[bindings.length - 1] ?? PREDEFINED_BINDINGS);
    openingBindings = own ?? null;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    sawRoot = true;
    if (path.length >= MAX_XML_DEPTH) {
      throw new InputError(`XML_TOO_DEEP: elements nest more than ${MAX_XML_DEPTH.toLocaleString('en-GB')} deep; refused`, {
        location: { file, line: startLine },
        hint: 'no export nests elements this deep: check that it is the file you meant',
      });
    }
    bindings.push(openingBindings ?? tag.ns);
    const name: XmlName = { uri: tag.uri, local: tag.local };
    path.push(name);
    const parent = building[building.length - 1];
    if (parent !== undefined) {
      if (!overflowed && parts.length > 0 && BLOCK_ELEMENTS.has(tag.local.toLowerCase())) parts.push('\n');
      const element = makeElement(tag, startLine, parts, parts.length);
      parent.element.children.push(element.element);
      building.push(element);
      return;
    }
    const selection = select(path);
    if (selection === 'element') {
      builtChars = 0;
      overflowed = false;
      parts = [];
      building.push(makeElement(tag, startLine, parts, 0));
    } else if (selection === 'start') {
      queue.push({ kind: 'start', element: makeElement(tag, startLine, [], 0).element, ancestors: path.slice(0, -1) });
    }
  });
  let lastClosePosition = -1;
  parser.on('closetag', () => {
    path.pop();
    bindings.pop();
    const built = building.pop();
    if (built === undefined) return;
    built.close(parts.length);
    if (building.length > 0) {
      if (!overflowed && BLOCK_ELEMENTS.has(built.element.local.toLowerCase())) parts.push('\n');
      return;
    }
    const element = built.element;
    queue.push(
      overflowed
        ? { kind: 'too-large', name: element.name, line: element.line, ancestors: path.slice() }
        : { kind: 'element', element, ancestors: path.slice() },
    );
    parts = [];
    lastClosePosition = parser.position;
  });
  const overflow = (): void => {
    overflowed = true;
    parts.length = 0;
  };
  const addText = (text: string): void => {
    if (building.length === 0 || overflowed) return;
    builtChars += text.length;
    if (builtChars > MAX_XML_ELEMENT_CHARS) overflow();
    else parts.push(text);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('doctype', (doctype: string) => {
    if (!/<!ENTITY/i.test(doctype)) return;
    const at = position(prolog, prolog.search(/<!ENTITY/i)) ?? { line: parser.line, column: parser.column + 1 };
    throw new InputError(
      `XML_ENTITY_DECLARATION: the DOCTYPE declares entities; refused, because entity declarations can expand without bound or read other files`,
      {
        location: { file, line: at.line, col: at.column },
        hint: 'export the file again without a DOCTYPE, or remove the <!ENTITY> declarations',
      },
    );
  });
  parser.on('error', (error: Error) => {
    const unbound = /unbound namespace prefix: "([^"]*)"/.exec(error.message);
    if (unbound !== null) {
      const prefix = unbound[1] ?? '';
      if (openingBindings !== null) openingBindings[prefix] = prefix;
      if (!unboundPrefixes.has(prefix)) {
        unboundPrefixes.add(prefix);
        onRecovery?.({ message: `the namespace prefix "${prefix}" is used without being declared; read as if it were`, line: parser.line });
      }
      return;
    }
    if (parser.position === lastClosePosition) queue.pop();
    throw xmlError(file, error.message, parser.line, parser.column + 1, closing, path);
  });
  /**
   * saxes holds a text node (or CDATA section, or attribute value) whole until it ends: one over
   * the element limit is let go as it grows, and the element holding it is passed over.
   */
  const boundPendingText = (): void => {
    const pending = parser as unknown as SaxesPendingText;
    if (pending.text.length <= MAX_XML_ELEMENT_CHARS - (building.length > 0 && !overflowed ? builtChars : 0)) return;
    pending.text = '';
    if (building.length > 0) overflow();
  };

  let first = true;
  for await (const text of source.text()) {
    let chunk = text;
    if (first) {
      first = false;
      chunk = skipLeadingJunk(chunk, onRecovery);
    }
    for (let start = 0; start < chunk.length; start += SLICE_CHARS) {
      const slice = chunk.slice(start, start + SLICE_CHARS);
      if (!sawRoot) prolog += slice;
      else if (prolog !== '') prolog = '';
      try {
        parser.write(slice);
      } catch (error) {
        yield* queue;
        throw error;
      }
      boundPendingText();
      if (!sawRoot && prolog.length > MAX_PROLOG_CHARS) {
        throw new InputError(`XML_PROLOG_TOO_LARGE: more than 1 MiB before the root element; refused`, {
          location: { file, line: parser.line, col: parser.column + 1 },
        });
      }
      if (queue.length > 0) {
        const ready = queue;
        queue = [];
        yield* ready;
      }
    }
  }
  closing = true;
  try {
    parser.close();
  } catch (error) {
    yield* queue;
    throw error;
  }
  yield* queue;
}

/** Something {@link readXmlElements} recovered from instead of refusing the file, with the line it happened on. */
export interface XmlRecovery {
  message: string;
  line: number;
}

/** The most characters skipped before the first `<`: more than that is not a stray byte but not XML. */
const MAX_LEADING_JUNK = 64;

/**
 * Drops characters before the first `<` of a file (a stray byte or word pasted before the XML
 * declaration), keeping their line breaks so that line numbers stay true; when a line break is
 * kept, the XML declaration that followed is dropped too (it may only open a file).
 */
function skipLeadingJunk(chunk: string, onRecovery: ((recovery: XmlRecovery) => void) | undefined): string {
  const start = chunk.indexOf('<');
  if (start === -1) return chunk;
  const leading = chunk.slice(0, start);
  if (leading.trim() === '' || leading.trim().length > MAX_LEADING_JUNK) return chunk;
  const lineBreaks = leading.split('\n').length - 1;
  let rest = chunk.slice(start);
  if (lineBreaks > 0) rest = rest.replace(/^<\?xml[^?]*\?>/, '');
  onRecovery?.({ message: `${leading.trim().length} character(s) before the XML begins were skipped`, line: 1 });
  return `${'\n'.repeat(lineBreaks)}${rest}`;
}

/** An element being built, whose text is a span of the parts its outermost selected element collects. */
interface BuiltElement {
  element: XmlElement;
  /** Ends its text span when it closes. */
  close(endPart: number): void;
}

/**
 * An element whose text is read from `parts[startPart…]` when asked for, up to where it closed:
 * one list of text pieces serves every element of a selected subtree, so nesting never copies text.
 */
function makeElement(tag: SaxesTagNS, line: number, parts: readonly string[], startPart: number): BuiltElement {
  let endPart: number | null = null;
  let cached: string | null = null;
  const span = { start: startPart, end: null as number | null };
  const element: XmlElement = {
    uri: tag.uri,
    local: tag.local,
    name: tag.name,
    attributes: Object.values(tag.attributes).map((attribute) => ({
      uri: attribute.uri,
      local: attribute.local,
      name: attribute.name,
      value: attribute.value,
    })),
    children: [],
    get text(): string {
      if (cached === null) cached = parts.slice(startPart, endPart ?? parts.length).join('');
      return cached;
    },
    content() {
      const content: (string | XmlElement)[] = [];
      const end = endPart ?? parts.length;
      let at = startPart;
      for (const child of element.children) {
        const childSpan = ELEMENT_SPANS.get(child);
        if (childSpan === undefined) continue;
        if (childSpan.start > at) content.push(parts.slice(at, childSpan.start).join(''));
        content.push(child);
        at = childSpan.end ?? end;
      }
      if (end > at) content.push(parts.slice(at, end).join(''));
      return content;
    },
    line,
  };
  ELEMENT_SPANS.set(element, span);
  return {
    element,
    close(end) {
      endPart = end;
      span.end = end;
    },
  };
}

/** Where each built element's text lies in the text pieces of the element it was built in, for {@link XmlElement.content}. */
const ELEMENT_SPANS = new WeakMap<XmlElement, { start: number; end: number | null }>();

/** 1-based line and column of a character index in a text, or null when the index is -1. */
function position(text: string, index: number): { line: number; column: number } | null {
  if (index < 0) return null;
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  return { line, column: index - lineStart + 1 };
}

function xmlError(
  file: string,
  saxesMessage: string,
  line: number,
  column: number,
  closing: boolean,
  path: readonly XmlName[],
): InputError {
  const message = saxesMessage.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
  const location = { file, line, col: column };
  if (/^undefined entity/.test(message)) {
    return new InputError(
      'XML_UNDEFINED_ENTITY: an entity reference that XML does not define (only &amp; &lt; &gt; &quot; &apos; and numeric references are allowed)',
      { location },
    );
  }
  if (closing) {
    const open = /^unclosed tag: (.+)$/.exec(message);
    const inside = open?.[1] ?? path[path.length - 1]?.local;
    const detail = inside === undefined ? message : `the file ends inside <${inside}>`;
    return new InputError(`XML_TRUNCATED: ${detail} (is the file truncated?)`, { location });
  }
  return new InputError(`XML_MALFORMED: ${message}`, {
    location,
    hint: 'the file is not well-formed XML; check that it is the complete, unedited export',
  });
}

/** The first child element with this local name (and namespace, when given). */
export function childElement(element: XmlElement, local: string, uri?: string): XmlElement | undefined {
  return element.children.find((child) => child.local === local && (uri === undefined || child.uri === uri));
}

/** Every child element with this local name (and namespace, when given). */
export function childElements(element: XmlElement, local: string, uri?: string): XmlElement[] {
  return element.children.filter((child) => child.local === local && (uri === undefined || child.uri === uri));
}

/** The trimmed text of the first child element with this local name, or null when there is none or it is empty. */
export function childText(element: XmlElement, local: string, uri?: string): string | null {
  const text = childElement(element, local, uri)?.text.trim();
  return text === undefined || text === '' ? null : text;
}

/** The value of an attribute by local name (and namespace, when given), or null. */
export function attributeValue(element: XmlElement, local: string, uri?: string): string | null {
  return element.attributes.find((attribute) => attribute.local === local && (uri === undefined || attribute.uri === uri))?.value ?? null;
}

/**
 * Turns the recoveries noted so far into warnings naming the file and line, and empties the list;
 * for XML unpacked from a part of the file (a document's `word/document.xml`), naming the part
 * and its line (`word/document.xml:12`) instead.
 */
export function* recoveryWarnings(file: string, recoveries: XmlRecovery[], part?: string): Iterable<AdapterItem> {
  for (const recovery of recoveries.splice(0)) {
    const provenance = part === undefined ? { file, line: recovery.line } : { file, part: `${part}:${recovery.line}` };
    yield { kind: 'warning', message: recovery.message, provenance };
  }
}
