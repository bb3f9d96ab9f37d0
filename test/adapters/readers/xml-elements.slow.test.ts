import { describe, expect, test } from '@jest/globals';
import { openInputSource } from '../../../src/source/input-source.js';
import {
  readXmlElements,
  type XmlEvent,
  type XmlRecovery,
  type XmlName,
  type XmlSelection,
} from '../../../src/adapters/readers/xml-elements.js';
import { tempFile } from '../../builders/temp-file.js';

/** Selects the root (start) and every element with local name `note` (built). */
function notes(path: readonly XmlName[]): XmlSelection {
  if (path.length === 1) return 'start';
  return path[path.length - 1]?.local === 'note' ? 'element' : 'skip';
}

type BuiltEvent = Exclude<XmlEvent, { kind: 'too-large' }>;

interface Collected {
  events: BuiltEvent[];
  tooLarge: Extract<XmlEvent, { kind: 'too-large' }>[];
  recoveries: XmlRecovery[];
  error: string | null;
}

async function collect(content: string, name = 'input.xml'): Promise<Collected> {
  const source = await openInputSource(tempFile(name, content), { displayPath: name });
  const collected: Collected = { events: [], tooLarge: [], recoveries: [], error: null };
  try {
    for await (const event of readXmlElements(source, notes, (recovery) => collected.recoveries.push(recovery))) {
      if (event.kind === 'too-large') collected.tooLarge.push(event);
      else collected.events.push(event);
    }
  } catch (error) {
    collected.error = error instanceof Error ? error.message : String(error);
  }
  return collected;
}

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
