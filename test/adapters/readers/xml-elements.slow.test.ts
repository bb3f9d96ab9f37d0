import { describe, expect, test } from '@jest/globals';
import { MAX_XML_DEPTH } from '../../../src/adapters/readers/xml-elements.js';
import { collect } from '../../builders/xml-events.js';

describe('readXmlElements: deep and big elements', () => {
  test('elements nested MAX_XML_DEPTH deep inside a selected element are walked without recursion, in linear time', async () => {
    const depth = MAX_XML_DEPTH - 2;
    const deep = `<root><note>${'<b>'.repeat(depth)}deep words${'</b>'.repeat(depth)}</note><note>after</note></root>`;
    const { events, error } = await collect(deep);
    expect(error).toBeNull();
    expect(events.slice(1).map((event) => event.element.text)).toEqual(['deep words', 'after']);
  });

  test('one element deeper than MAX_XML_DEPTH refuses the file at its line (XML_TOO_DEEP), after the elements before it', async () => {
    const depth = 1_000_000;
    const { events, error } = await collect(
      `<root>\n<note>before</note>\n<note>${'<b>'.repeat(depth)}deep${'</b>'.repeat(depth)}</note>\n</root>\n`,
    );
    expect(error).toBe('input.xml:3: XML_TOO_DEEP: elements nest more than 10,000 deep; refused');
    expect(events.slice(1).map((event) => event.element.text)).toEqual(['before']);
  });

  test('an element over 16 Mi characters of text is passed over as it streams; the elements after it are read', async () => {
    const { events, tooLarge, error } = await collect(
      `<root>\n<note>before</note>\n<note><![CDATA[${'x'.repeat(17 * 1024 * 1024)}]]></note>\n<note>after</note>\n</root>\n`,
    );
    expect(error).toBeNull();
    expect(tooLarge.map((event) => [event.name, event.line])).toEqual([['note', 3]]);
    expect(events.slice(1).map((event) => event.element.text)).toEqual(['before', 'after']);
  });
});
