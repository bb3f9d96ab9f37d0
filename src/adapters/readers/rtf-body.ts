import iconv from 'iconv-lite';

/** What an RTF message body holds: HTML that Outlook wrapped in RTF (`\fromhtml1`), or text. */
export type RtfBody = { kind: 'html'; html: string } | { kind: 'text'; text: string };

/** Destinations whose contents are never the message's words. */
const SKIPPED_DESTINATIONS = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'object',
  'header',
  'footer',
  'headerl',
  'headerr',
  'footerl',
  'footerr',
  'listtable',
  'listoverridetable',
  'rsidtbl',
  'generator',
  'xmlnstbl',
  'themedata',
  'colorschememapping',
  'datastore',
  'latentstyles',
  'filetbl',
  'revtbl',
  'fldinst',
  'mhtmltag',
]);

interface GroupState {
  skip: boolean;
  htmlrtf: boolean;
  unicodeSkip: number;
}

/**
 * The words of an RTF message body, read in one pass with an explicit group stack (no recursion):
 * HTML encapsulated by Outlook ([MS-OXRTFEX]: `\htmltag` groups and the text outside `\htmlrtf`)
 * is given back as HTML; other RTF as plain text, paragraphs on their own lines. Font, colour and
 * style tables, pictures and other non-text destinations are left out; `\'hh` bytes are decoded in
 * the document's `\ansicpg` code page (Windows-1252 when it names none), `\uN` as UTF-16 code units.
 */
export function rtfBody(rtf: string): RtfBody {
  const stack: GroupState[] = [];
  let state: GroupState = { skip: false, htmlrtf: false, unicodeSkip: 1 };
  let codePage = 'windows-1252';
  let fromHtml = false;
  let ignorable = false;
  let pendingSkip = 0;
  const out: string[] = [];
  let bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length === 0) return;
    out.push(iconv.decode(Buffer.from(bytes), codePage));
    bytes = [];
  };
  const emits = (): boolean => !state.skip && !state.htmlrtf;
  const emit = (text: string): void => {
    if (pendingSkip > 0) {
      pendingSkip -= 1;
      return;
    }
    if (!emits()) return;
    flush();
    out.push(text);
  };
  let index = 0;
  while (index < rtf.length) {
    const char = rtf[index] ?? '';
    if (char === '{') {
      stack.push(state);
      state = { ...state };
      index += 1;
      continue;
    }
    if (char === '}') {
      flush();
      state = stack.pop() ?? state;
      ignorable = false;
      index += 1;
      continue;
    }
    if (char === '\r' || char === '\n') {
      index += 1;
      continue;
    }
    if (char !== '\\') {
      emit(char);
      index += 1;
      continue;
    }
    const next = rtf[index + 1] ?? '';
    if (next === "'") {
      const value = Number.parseInt(rtf.slice(index + 2, index + 4), 16);
      index += 4;
      if (Number.isNaN(value)) continue;
      if (pendingSkip > 0) pendingSkip -= 1;
      else if (emits()) bytes.push(value);
      continue;
    }
    if (!/[a-zA-Z]/.test(next)) {
      index += 2;
      if (next === '*') ignorable = true;
      else if (next === '~') emit('\u00a0');
      else if (next === '_') emit('-');
      else if (next === '\\' || next === '{' || next === '}') emit(next);
      else if (next === '\n' || next === '\r') emit('\n');
      continue;
    }
    const word = /^([a-zA-Z]+)(-?\d+)? ?/.exec(rtf.slice(index + 1, index + 64));
    if (word === null) {
      index += 1;
      continue;
    }
    index += 1 + word[0].length;
    const name = word[1] ?? '';
    const parameter = word[2] === undefined ? null : Number(word[2]);
    const wasIgnorable = ignorable;
    ignorable = false;
    if (name === 'htmltag' && fromHtml) {
      state.skip = false;
      state.htmlrtf = false;
      continue;
    }
    if (wasIgnorable || SKIPPED_DESTINATIONS.has(name)) {
      state.skip = true;
      continue;
    }
    switch (name) {
      case 'fromhtml':
        fromHtml = true;
        break;
      case 'htmlrtf':
        state.htmlrtf = parameter !== 0;
        break;
      case 'ansicpg':
        if (parameter !== null && iconv.encodingExists(`cp${parameter}`)) codePage = `cp${parameter}`;
        break;
      case 'uc':
        state.unicodeSkip = Math.max(0, Math.min(parameter ?? 1, 8));
        break;
      case 'u':
        if (parameter !== null && emits()) {
          flush();
          out.push(String.fromCharCode(parameter < 0 ? parameter + 65536 : parameter));
        }
        pendingSkip = state.unicodeSkip;
        break;
      case 'par':
      case 'line':
        emit('\n');
        break;
      case 'tab':
        emit('\t');
        break;
      default:
        break;
    }
  }
  flush();
  const text = out.join('');
  return fromHtml ? { kind: 'html', html: text } : { kind: 'text', text: text.replace(/[ \t]+\n/g, '\n').trim() };
}
