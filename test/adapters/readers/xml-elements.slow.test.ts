import { describe, expect, test } from '@jest/globals';
import { collect } from '../../builders/xml-events.js';

describe('readXmlElements: deep and big elements', () => {
  test('10,000 nested elements inside a selected element are walked without recursion, in linear time', async () => {
    const deep = `<root><note>${'<b>'.repeat(10_000)}deep words${'</b>'.repeat(10_000)}</note><note>after</note></root>`;
    const { events, error } = await collect(deep);
    expect(error).toBeNull();
    expect(events.slice(1).map((event) => event.element.text)).toEqual(['deep words', 'after']);
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
