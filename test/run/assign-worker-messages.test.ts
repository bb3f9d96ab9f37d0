import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { propertyRuns } from '../helpers/property-runs.js';
import { emptyRecordFacts, type RecordFacts } from '../../src/report/record-facts.js';
import {
  EvidencePacker,
  FactsPacker,
  FactsReader,
  LINE_IN,
  LINE_OUT,
  unpackEvidence,
  type AssignedLine,
} from '../../src/run/assign-worker-messages.js';
import { ThemeAssigner } from '../../src/themes/assign-themes.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { makeRecord } from '../builders/record-builder.js';

const codebook = makeCodebook([
  { id: 'carers', keywords: ['carer', 'respite', 'short break'], exclude: ["carer's allowance", { near: 'paid', within: 2 }] },
  { id: 'community', exact: ['community', 'communities'], keywords: ['neighbour*'] },
  { id: 'listening', near: [{ all: ['listen', 'staff'], within: 5 }], keywords: ['heard'] },
  { id: 'money', keywords: ['budget', 'cuts'], exclude: ['personal budget'], min_hits: 1 },
  { id: 'other', otherwise: true },
]);

const assigner = new ThemeAssigner(codebook);
const packer = new EvidencePacker(codebook);

function roundTrip(texts: readonly (string | null)[]): { direct: (AssignedLine | null)[]; unpacked: (AssignedLine | null)[] } {
  const direct = texts.map((text) => {
    if (text === null) return null;
    const { themeIds, evidence } = assigner.assign(makeRecord({ text }));
    return { themeIds, evidence };
  });
  const unpacked = unpackEvidence(
    codebook,
    packer.pack(direct),
    texts.map((text) => text ?? ''),
  );
  return { direct, unpacked };
}

describe("packing a worker's themes and evidence", () => {
  test('gives back the same themes, hits and vetoed hits, line for line', () => {
    const { direct, unpacked } = roundTrip([
      "My carer's allowance was stopped; a paid carer came; respite helped and the staff did listen to us.",
      null,
      'Our communities and neighbours; communication was poor.',
      'A personal budget and then cuts.',
      'Nothing here at all.',
    ]);
    expect(unpacked).toEqual(direct);
    expect(direct[0]?.evidence[0]?.vetoed.length).toBeGreaterThan(0);
  });

  test('holds for any text', () => {
    const words = fc.constantFrom(
      'carer',
      "carer's allowance",
      'paid',
      'respite',
      'community',
      'communication',
      'neighbours',
      'listen',
      'to',
      'staff',
      'personal budget',
      'cuts',
      'heard',
      '.',
      ',',
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.array(words, { maxLength: 20 }).map((pieces) => pieces.join(' ')),
          { maxLength: 8 },
        ),
        (texts) => {
          const { direct, unpacked } = roundTrip(texts);
          expect(unpacked).toEqual(direct);
        },
      ),
      { numRuns: propertyRuns(200) },
    );
  });

  test('a codebook whose rules share a position (built in memory) is not packed', () => {
    const theme = codebook.themes[0];
    if (theme === undefined) throw new Error('no theme');
    const first = theme.rules[0];
    if (first === undefined) throw new Error('no rule');
    expect(EvidencePacker.canPack(codebook)).toBe(true);
    expect(EvidencePacker.canPack({ themes: [{ ...theme, rules: [first, { ...first, source: 'other' }] }] })).toBe(false);
  });
});

/** Facts of a record kept, with these theme lists (the rest fixed). */
function factsWith(id: string, counted: number[], quoted: number[]): RecordFacts {
  return { ...emptyRecordFacts(), id, channel: 'email', themed: counted.length > 0, counted, quoted, voice: 7, wording: 9 };
}

describe("packing a worker's record facts", () => {
  test("reads back each record's theme lists into one reused facts object, longer lists before shorter ones", () => {
    const sent = [
      factsWith('a', [0, 3, 1], [0, 2, 1, 1]),
      factsWith('b', [2], [2, 1]),
      factsWith('c', [], []),
      factsWith('d', [4, 0], [4, 3]),
    ];
    const packer = new FactsPacker();
    for (const [index, facts] of sent.entries()) {
      packer.add(facts, [index, index + 1]);
      if (index === 1) packer.skip(LINE_OUT);
    }
    const reader = new FactsReader(packer.take(0, [], sent.length + 1, null));
    const facts = emptyRecordFacts();
    const read: { id: string; counted: number[]; quoted: number[] }[] = [];
    for (let line = 0; line <= sent.length; line += 1) {
      if (reader.next(facts) !== LINE_IN) continue;
      read.push({ id: facts.id, counted: [...facts.counted], quoted: [...facts.quoted] });
    }
    expect(read).toEqual(sent.map(({ id, counted, quoted }) => ({ id, counted, quoted })));
  });
});
