import type { DocumentParagraph } from './document-notes.js';
import { MAX_OPTIONS } from '../../record/tick-boxes.js';
import { readXmlElements, type XmlElement, type XmlName, type XmlSelection } from './xml-elements.js';
import { WORD_PLACEHOLDERS } from './word-placeholders.js';
import { zipPartSource } from './zip-parts.js';

/** WordprocessingML's namespace, as Word writes it and in Strict Open XML. */
export const WORD_NAMESPACES: ReadonlySet<string> = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
/** The markup-compatibility namespace, whose `mc:Fallback` holds an older copy of what its `mc:Choice` holds. */
export const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
/** Word 2010's namespace, of the check box content control (`w14:checkbox`). */
const WORD_2010 = 'http://schemas.microsoft.com/office/word/2010/wordml';

/** How far a style's `basedOn` chain is followed to find whether it is a heading or a list. */
const MAX_STYLE_HOPS = 16;

/** Whether an element is WordprocessingML's (and, when `local` is given, named so). */
export function isWord(name: XmlName, local?: string): boolean {
  return WORD_NAMESPACES.has(name.uri) && (local === undefined || name.local === local);
}

/** The Word paragraphs inside an element (a text box, a comment), in order, wherever they sit in it; found with an explicit stack. */
export function innerParagraphs(element: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  const stack = [...element.children].reverse();
  for (let child = stack.pop(); child !== undefined; child = stack.pop()) {
    if (isWord(child, 'p')) {
      found.push(child);
      continue;
    }
    for (let index = child.children.length - 1; index >= 0; index -= 1) stack.push(child.children[index] as XmlElement);
  }
  return found;
}

/** A `w:val` (or other `w:` attribute) of an element. */
export function wordAttribute(element: XmlElement | undefined, local: string): string | null {
  if (element === undefined) return null;
  return (
    element.attributes.find((attribute) => attribute.local === local && (attribute.uri === '' || WORD_NAMESPACES.has(attribute.uri)))
      ?.value ?? null
  );
}

/** An element's first WordprocessingML child named `local`. */
export function wordChild(element: XmlElement | undefined, local: string): XmlElement | undefined {
  return element?.children.find((child) => isWord(child, local));
}

/** The check box glyphs of the symbol fonts Word draws its tick boxes with, by character code. */
const SYMBOL_FONT_BOXES: Readonly<Record<string, ReadonlyMap<number, string>>> = {
  wingdings: new Map([
    [0xa8, '☐'],
    [0x6f, '☐'],
    [0x78, '☒'],
    [0xfd, '☒'],
    [0xfe, '☑'],
  ]),
  'wingdings 2': new Map([
    [0xa3, '☐'],
    [0x52, '☑'],
    [0x53, '☒'],
    [0x54, '☒'],
  ]),
};

/**
 * The tick box a `w:sym` symbol draws (`☐`, `☑`, `☒`), from a symbol font or as the Unicode
 * character itself, so that an answer ticked in a Word form reads `☒ Yes`; '' for any other symbol.
 */
function tickBoxSymbol(symbol: XmlElement): string {
  const code = Number.parseInt(wordAttribute(symbol, 'char') ?? '', 16);
  if (Number.isNaN(code)) return '';
  if (code >= 0x2610 && code <= 0x2612) return String.fromCodePoint(code);
  return symbolFontBox(wordAttribute(symbol, 'font') ?? '', code);
}

/** The tick box (`☐`, `☑`, `☒`) a character of a symbol font (Wingdings, Wingdings 2) draws; '' for any other character or font. */
export function symbolFontBox(font: string, code: number): string {
  return SYMBOL_FONT_BOXES[font.trim().toLowerCase()]?.get(code & 0xff) ?? '';
}

/**
 * A legacy form check box (a `FORMCHECKBOX` field, which draws its box with no text) as `☒` or
 * `☐` from its state (or its default when no state is saved); '' for any other field character.
 */
function formCheckBox(fieldCharacter: XmlElement): string {
  const box = wordChild(wordChild(fieldCharacter, 'ffData'), 'checkBox');
  if (box === undefined) return '';
  const state = wordChild(box, 'checked') ?? wordChild(box, 'default');
  const value = state === undefined ? null : (wordAttribute(state, 'val') ?? (wordChild(box, 'checked') === state ? 'true' : '0'));
  return value !== null && isOn(value) ? '☒ ' : '☐ ';
}

/** Whether an on/off value (`ST_OnOff`: `1`, `true`, `on`, `0`, `false`, `off`) is on. */
function isOn(value: string): boolean {
  return /^(?:1|true|on)$/i.test(value.trim());
}

/** A drop-down's answer: the item it shows, and its items, to show them all in boxes when it stands alone in its paragraph. */
export interface DropDownChoice {
  chosen: string;
  options: string[];
}

/**
 * A drop-down's items in boxes, its chosen one ticked (`☐ Yes ☒ No`), as a closed answer is
 * written; null unless it has two to {@link MAX_OPTIONS} items and the chosen one is among them.
 */
export function boxedChoice(choice: DropDownChoice): string | null {
  const { chosen, options } = choice;
  if (options.length < 2 || options.length > MAX_OPTIONS || !options.includes(chosen)) return null;
  return options.map((option) => `${option === chosen ? '☒' : '☐'} ${option}`).join(' ');
}

/**
 * The entry a legacy form drop-down (a `FORMDROPDOWN` field, which shows no text) has chosen: its
 * `w:result`, else its `w:default`, else its first `w:listEntry` ('' when there is no such
 * entry), and its entries; null for any other field character.
 */
function formDropDown(fieldCharacter: XmlElement): DropDownChoice | null {
  const list = wordChild(wordChild(fieldCharacter, 'ffData'), 'ddList');
  if (list === undefined) return null;
  const options = list.children.filter((child) => isWord(child, 'listEntry')).map((entry) => (wordAttribute(entry, 'val') ?? '').trim());
  const index = levelValue(wordChild(list, 'result')) ?? levelValue(wordChild(list, 'default')) ?? 0;
  return { chosen: options[index] ?? '', options: options.filter((option) => option !== '') };
}

/**
 * A check box content control (`w14:checkbox`) as `☒` or `☐` from its `w14:checked` state,
 * whatever glyph its content draws (or none); null when the control is no check box.
 */
function checkBoxControl(properties: XmlElement | undefined): string | null {
  const box = properties?.children.find((child) => child.uri === WORD_2010 && child.local === 'checkbox');
  if (box === undefined) return null;
  const checked = box.children.find((child) => child.uri === WORD_2010 && child.local === 'checked');
  const value = checked === undefined ? '0' : (checked.attributes.find((attribute) => attribute.local === 'val')?.value ?? '1');
  return isOn(value) ? '☒' : '☐';
}

/** The text of the runs inside an element, found with an explicit stack. */
function runText(element: XmlElement): string {
  const parts: string[] = [];
  const stack = [...element.children].reverse();
  for (let child = stack.pop(); child !== undefined; child = stack.pop()) {
    if (isWord(child, 't')) parts.push(child.text);
    else for (let index = child.children.length - 1; index >= 0; index -= 1) stack.push(child.children[index] as XmlElement);
  }
  return parts.join('').trim();
}

/**
 * What a drop-down or combo box content control shows and its items, null when it is neither.
 * Word's `Choose an item.` (or its Welsh `Dewiswch eitem.`), and an item whose value is empty (the entry forms put first to mean
 * no choice), are no item: shown, they are no answer (`chosen` '').
 */
function dropDownControl(control: XmlElement): DropDownChoice | null {
  const properties = wordChild(control, 'sdtPr');
  const list = wordChild(properties, 'dropDownList') ?? wordChild(properties, 'comboBox');
  if (list === undefined) return null;
  const shown = runText(wordChild(control, 'sdtContent') ?? control);
  const options: string[] = [];
  const blanks = new Set(WORD_PLACEHOLDERS);
  for (const item of list.children) {
    if (!isWord(item, 'listItem')) continue;
    const value = wordAttribute(item, 'value') ?? '';
    const text = (wordAttribute(item, 'displayText') ?? value).trim();
    if (value === '' || WORD_PLACEHOLDERS.has(text)) blanks.add(text);
    else if (text !== '') options.push(text);
  }
  return { chosen: blanks.has(shown) ? '' : shown, options };
}

/** A number attribute, or null when it is missing or not a number. */
function levelValue(element: XmlElement | undefined, local = 'val'): number | null {
  const value = wordAttribute(element, local);
  if (value === null || !/^\d{1,2}$/.test(value.trim())) return null;
  return Number(value.trim());
}

/** What a paragraph style says: its name, its parent style, and the outline and list level it gives. */
export interface StyleFacts {
  name: string;
  basedOn: string | null;
  outlineLevel: number | null;
  /** The list level its numbering gives, -1 when it removes numbering, null when it says nothing. */
  listLevel: number | null;
}

/** A document's paragraph styles by id. */
export type Styles = ReadonlyMap<string, StyleFacts>;

/** The list level a `w:numPr` gives: -1 for `numId` 0 (numbering removed), its `ilvl` (0 unless given) otherwise. */
function numberingLevel(numbering: XmlElement | undefined): number | null {
  if (numbering === undefined) return null;
  if (wordAttribute(wordChild(numbering, 'numId'), 'val')?.trim() === '0') return -1;
  return levelValue(wordChild(numbering, 'ilvl')) ?? 0;
}

/** Follows a style and the styles it is based on, nearest first, at most {@link MAX_STYLE_HOPS}. */
function* styleChain(styles: Styles, styleId: string | null): Iterable<{ id: string; style: StyleFacts | undefined }> {
  let id = styleId;
  for (let hops = 0; id !== null && hops < MAX_STYLE_HOPS; hops += 1) {
    const style = styles.get(id);
    yield { id, style };
    id = style?.basedOn ?? null;
  }
}

/**
 * The heading level (1 the highest) of a paragraph: its own outline level, else its style's (or a
 * style it is based on): built-in `heading 1`…`heading 9` and `Title` by name (whatever the
 * style's id in a translated Word), or any style with an outline level. Null for body text.
 */
export function headingLevel(styles: Styles, styleId: string | null, outlineLevel: number | null): number | null {
  if (outlineLevel !== null) return outlineLevel <= 8 ? outlineLevel + 1 : null;
  for (const { id, style } of styleChain(styles, styleId)) {
    const name = style?.name ?? id;
    const heading = /^heading\s*([1-9])$/i.exec(name);
    if (heading?.[1] !== undefined) return Number(heading[1]);
    if (/^title$/i.test(name)) return 1;
    if (style?.outlineLevel !== null && style?.outlineLevel !== undefined) return style.outlineLevel <= 8 ? style.outlineLevel + 1 : null;
  }
  return null;
}

/** Whether a paragraph's style is a table of contents' (`TOC 1`…`TOC 9`, `TOC Heading`): the document's headings again, no one's words. */
export function isContentsStyle(styles: Styles, styleId: string | null): boolean {
  for (const { id, style } of styleChain(styles, styleId)) {
    if (/^toc\s*(?:[1-9]|heading)?$/i.test(style?.name ?? id)) return true;
  }
  return false;
}

/** The list level (0 the outermost) of a paragraph from its own numbering or its style's; null when it is no list item. */
export function listLevel(styles: Styles, styleId: string | null, ownLevel: number | null): number | null {
  const level = ownLevel ?? firstListLevel(styles, styleId);
  return level === null || level < 0 ? null : level;
}

function firstListLevel(styles: Styles, styleId: string | null): number | null {
  for (const { style } of styleChain(styles, styleId)) {
    if (style?.listLevel !== null && style?.listLevel !== undefined) return style.listLevel;
  }
  return null;
}

/** One paragraph as read, with the text boxes anchored in it. */
export interface WordParagraph extends DocumentParagraph {
  /** The text boxes anchored in it, whose paragraphs are read after it. */
  textBoxes: XmlElement[];
}

/**
 * Reads a paragraph's text, walking its runs with an explicit stack (nesting costs memory, never
 * call stack): text runs joined as written, a tab as a space, a line break as a line break,
 * hyperlinks, insertions, fields' results and content controls by their text; form check boxes
 * as `☒`/`☐` from their state and form drop-downs as their chosen item (alone in the paragraph,
 * as all their items in boxes, so that they read as a closed answer); deleted and moved-away
 * text, field codes and the fallback copy of a drawing left out.
 */
export function readParagraph(paragraph: XmlElement, styles: Styles): WordParagraph {
  const parts: string[] = [];
  const textBoxes: XmlElement[] = [];
  let properties: XmlElement | undefined;
  /** How deep in a form drop-down field the walk is, whose result text (if any) its chosen entry replaces. */
  let dropDownDepth = 0;
  const dropDowns: { at: number; boxed: string | null }[] = [];
  const stack = [...paragraph.children].reverse();
  for (let element = stack.pop(); element !== undefined; element = stack.pop()) {
    if (!isWord(element)) {
      if (element.local === 'Fallback' && element.uri === MARKUP_COMPATIBILITY) continue;
      for (let index = element.children.length - 1; index >= 0; index -= 1) stack.push(element.children[index] as XmlElement);
      continue;
    }
    switch (element.local) {
      case 'pPr':
        properties ??= element;
        continue;
      case 't':
        if (dropDownDepth === 0) parts.push(element.text);
        continue;
      case 'tab':
      case 'ptab':
        parts.push(' ');
        continue;
      case 'br':
      case 'cr':
        parts.push('\n');
        continue;
      case 'noBreakHyphen':
        parts.push('-');
        continue;
      case 'sym':
        parts.push(tickBoxSymbol(element));
        continue;
      case 'fldChar': {
        const type = wordAttribute(element, 'fldCharType');
        if (dropDownDepth > 0) {
          dropDownDepth += type === 'begin' ? 1 : type === 'end' ? -1 : 0;
          continue;
        }
        const choice = type === 'begin' ? formDropDown(element) : null;
        if (choice !== null) {
          dropDowns.push({ at: parts.length, boxed: boxedChoice(choice) });
          parts.push(choice.chosen);
          dropDownDepth = 1;
        } else parts.push(formCheckBox(element));
        continue;
      }
      case 'txbxContent':
        textBoxes.push(element);
        continue;
      case 'sdt': {
        const box = checkBoxControl(wordChild(element, 'sdtPr'));
        if (box !== null) {
          parts.push(box);
          continue;
        }
        if (isPlaceholder(wordChild(element, 'sdtPr')) || WORD_PLACEHOLDERS.has(runText(wordChild(element, 'sdtContent') ?? element)))
          continue;
        const choice = dropDownControl(element);
        if (choice !== null) {
          if (choice.chosen === '') continue;
          dropDowns.push({ at: parts.length, boxed: boxedChoice(choice) });
          parts.push(choice.chosen);
          continue;
        }
        for (let index = element.children.length - 1; index >= 0; index -= 1) stack.push(element.children[index] as XmlElement);
        continue;
      }
      case 'del':
      case 'delText':
      case 'delInstrText':
      case 'moveFrom':
      case 'instrText':
      case 'rPr':
        continue;
      default:
        for (let index = element.children.length - 1; index >= 0; index -= 1) stack.push(element.children[index] as XmlElement);
    }
  }
  const only = dropDowns.length === 1 ? dropDowns[0] : undefined;
  if (only !== undefined && only.boxed !== null && parts.every((part, index) => index === only.at || part.trim() === '')) {
    parts[only.at] = only.boxed;
  }
  const styleId = wordAttribute(wordChild(properties, 'pStyle'), 'val');
  return {
    text: parts
      .join('')
      .replace(/[ \t]+\n/g, '\n')
      .trim(),
    heading: headingLevel(styles, styleId, levelValue(wordChild(properties, 'outlineLvl'))),
    listLevel: listLevel(styles, styleId, numberingLevel(wordChild(properties, 'numPr'))),
    contents: isContentsStyle(styles, styleId),
    textBoxes,
  };
}

/** Whether a content control's properties say it shows its placeholder (`Click or tap here to enter text.`): a form field left empty. */
export function isPlaceholder(properties: XmlElement | undefined): boolean {
  const showing = wordChild(properties, 'showingPlcHdr');
  return showing !== undefined && isOn(wordAttribute(showing, 'val') ?? 'true');
}

/** The styles of `word/styles.xml` by id; empty when the document has none. */
export async function readStyles(file: string, data: Buffer | undefined): Promise<Map<string, StyleFacts>> {
  const styles = new Map<string, StyleFacts>();
  if (data === undefined) return styles;
  const select = (path: readonly XmlName[]): XmlSelection =>
    path.length === 2 && isWord(path[1] as XmlName, 'style') ? 'element' : 'skip';
  for await (const event of readXmlElements(zipPartSource(file, data), select)) {
    if (event.kind !== 'element') continue;
    const style = event.element;
    const id = wordAttribute(style, 'styleId');
    if (id === null || wordAttribute(style, 'type') === 'character') continue;
    const properties = wordChild(style, 'pPr');
    styles.set(id, {
      name: wordAttribute(wordChild(style, 'name'), 'val') ?? id,
      basedOn: wordAttribute(wordChild(style, 'basedOn'), 'val'),
      outlineLevel: levelValue(wordChild(properties, 'outlineLvl')),
      listLevel: numberingLevel(wordChild(properties, 'numPr')),
    });
  }
  return styles;
}
