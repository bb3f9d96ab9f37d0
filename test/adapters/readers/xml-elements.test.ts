import { describe, expect, test } from '@jest/globals';
import { childText, attributeValue } from '../../../src/adapters/readers/xml-elements.js';
import { collect } from '../../builders/xml-events.js';

describe('readXmlElements', () => {
  test('builds the selected elements with namespaces, attributes, CDATA text and start lines', async () => {
    const { events, error } = await collect(
      [
        '<?xml version="1.0"?>',
        '<root xmlns="urn:a" xmlns:x="urn:x">',
        '  <note x:id="7"><body><![CDATA[<p>one</p>]]> &amp; two</body></note>',
        '  <other><note',
        '     x:id="8"/></other>',
        '</root>',
      ].join('\n'),
    );
    expect(error).toBeNull();
    expect(events.map((event) => [event.kind, event.element.local, event.element.line])).toEqual([
      ['start', 'root', 2],
      ['element', 'note', 3],
      ['element', 'note', 4],
    ]);
    const first = events[1];
    expect(first?.element.uri).toBe('urn:a');
    expect(first === undefined ? null : attributeValue(first.element, 'id', 'urn:x')).toBe('7');
    expect(first === undefined ? null : childText(first.element, 'body')).toBe('<p>one</p> & two');
    expect(events[2]?.ancestors.map((name) => name.local)).toEqual(['root', 'other']);
  });

  test('content() gives mixed content in order: own text between child elements, nested text inside them', async () => {
    const { events } = await collect('<root><note>some <b>bold <i>deep</i></b><tab/>words<p>block</p>end</note></root>');
    const note = events.find((event) => event.kind === 'element')?.element;
    const shown = note?.content().map((piece) => (typeof piece === 'string' ? piece : `<${piece.local}:${piece.text}>`));
    expect(shown).toEqual(['some ', '<b:bold deep>', '<tab:>', 'words\n', '<p:block>', '\nend']);
    const bold = note?.children[0];
    expect(bold?.content().map((piece) => (typeof piece === 'string' ? piece : piece.local))).toEqual(['bold ', 'i']);
  });

  test('reads elements split across the parser slices of a large file', async () => {
    const body = 'x'.repeat(100_000);
    const { events, error } = await collect(`<root>\n<note>${body}</note>\n<note>end</note>\n</root>\n`);
    expect(error).toBeNull();
    expect(events.filter((event) => event.kind === 'element').map((event) => event.element.text.length)).toEqual([100_000, 3]);
  });

  test('refuses a billion-laughs DOCTYPE at once, naming the line of the first entity declaration', async () => {
    const declarations = ['<!ENTITY lol "lol">'];
    for (let level = 1; level <= 9; level += 1)
      declarations.push(`<!ENTITY lol${level} "${`&lol${level === 1 ? '' : level - 1};`.repeat(10)}">`);
    const { events, error } = await collect(
      `<?xml version="1.0"?>\n<!DOCTYPE root [\n${declarations.join('\n')}\n]>\n<root><note>&lol9;</note></root>\n`,
    );
    expect(events).toEqual([]);
    expect(error).toMatch(/^input\.xml:3:1: XML_ENTITY_DECLARATION: /);
  });

  test('refuses an external entity without opening the file it names', async () => {
    const { error } = await collect(
      '<?xml version="1.0"?>\n<!DOCTYPE root [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<root><note>&x;</note></root>\n',
    );
    expect(error).toMatch(/^input\.xml:2:17: XML_ENTITY_DECLARATION: /);
  });

  test('accepts a DOCTYPE that declares no entities', async () => {
    const { events, error } = await collect('<?xml version="1.0"?>\n<!DOCTYPE root SYSTEM "root.dtd">\n<root><note>ok</note></root>\n');
    expect(error).toBeNull();
    expect(events.map((event) => event.element.text)).toEqual(['', 'ok']);
  });

  test('refuses more than 1 MiB before the root element, in bounded time', async () => {
    const { error } = await collect(`<?xml version="1.0"?>\n<!DOCTYPE root [\n${'<!-- padding -->\n'.repeat(80_000)}]>\n<root/>\n`);
    expect(error).toMatch(/^input\.xml:\d+:\d+: XML_PROLOG_TOO_LARGE: /);
  });

  test('an undefined entity is an error with its position', async () => {
    const { error } = await collect('<root>\n  <note>a&nbsp;b</note>\n</root>\n');
    expect(error).toMatch(/^input\.xml:2:16: XML_UNDEFINED_ENTITY: /);
  });

  test('reports what was complete before a mismatched tag, then fails with file:line:col', async () => {
    const { events, error } = await collect('<root>\n<note>fine</note>\n<note>broken</other>\n</root>\n');
    expect(events.map((event) => event.element.text)).toEqual(['', 'fine']);
    expect(error).toBe('input.xml:3:21: XML_MALFORMED: unexpected close tag');
  });

  test('a truncated file fails naming the element it ends inside', async () => {
    const { events, error } = await collect('<root>\n<note>fine</note>\n<note>cut o');
    expect(events.map((event) => event.element.text)).toEqual(['', 'fine']);
    expect(error).toBe('input.xml:3:12: XML_TRUNCATED: the file ends inside <note> (is the file truncated?)');
  });

  test('text that is not XML at all is malformed', async () => {
    const { error } = await collect('{"comments": []}\n', 'input.json');
    expect(error).toBe('input.json:2:1: XML_MALFORMED: text data outside of root node');
  });
});

describe('readXmlElements: recoveries and bounds', () => {
  test("the words inside child elements are the element's text, in order, block elements kept apart", async () => {
    const { events, error } = await collect(
      '<root><note>some <b>bold words</b>, a <a href="x">link</a><p>one paragraph</p><p>another</p>end</note></root>',
    );
    expect(error).toBeNull();
    expect(events[1]?.element.text).toBe('some bold words, a link\none paragraph\n\nanother\nend');
  });

  test('an undeclared namespace prefix is read as if declared, with one recovery naming its first line', async () => {
    const { events, recoveries, error } = await collect(
      '<root>\n<note><app:draft>yes</app:draft>first</note>\n<note app:x="1"><app:draft>no</app:draft>second</note>\n</root>\n',
    );
    expect(error).toBeNull();
    expect(events.slice(1).map((event) => event.element.text)).toEqual(['yesfirst', 'nosecond']);
    expect(recoveries).toEqual([{ message: 'the namespace prefix "app" is used without being declared; read as if it were', line: 2 }]);
  });
});
