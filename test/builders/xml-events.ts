import { openInputSource } from '../../src/source/input-source.js';
import {
  readXmlElements,
  type XmlEvent,
  type XmlRecovery,
  type XmlName,
  type XmlSelection,
} from '../../src/adapters/readers/xml-elements.js';
import { tempFile } from './temp-file.js';

/** Selects the root (start) and every element with local name `note` (built). */
export function notes(path: readonly XmlName[]): XmlSelection {
  if (path.length === 1) return 'start';
  return path[path.length - 1]?.local === 'note' ? 'element' : 'skip';
}

export type BuiltEvent = Exclude<XmlEvent, { kind: 'too-large' }>;

export interface Collected {
  events: BuiltEvent[];
  tooLarge: Extract<XmlEvent, { kind: 'too-large' }>[];
  recoveries: XmlRecovery[];
  error: string | null;
}

export async function collect(content: string, name = 'input.xml'): Promise<Collected> {
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
