import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { propertyRuns } from '../helpers/property-runs.js';
import {
  cellToJson,
  describeCell,
  describeDisclosureRule,
  protectBreakdown,
  protectCell,
  protectEntries,
  protectReach,
  protectVoices,
  quantify,
  describeQuantifiers,
  smallNumbersNote,
  type DisclosureRule,
} from '../../src/report/disclosure-control.js';

const rule: DisclosureRule = { minCount: 5, roundTo: null };

describe('protectCell', () => {
  test('1 to minCount-1 is suppressed; 0 and minCount upwards are shown', () => {
    expect([0, 1, 4, 5, 12].map((value) => describeCell(protectCell(value, rule)))).toEqual([
      '0',
      'fewer than 5',
      'fewer than 5',
      '5',
      '12',
    ]);
  });

  test('rounding shows multiples, halves up; a small non-zero count never rounds to 0', () => {
    const rounding = { minCount: 1, roundTo: 5 };
    expect([0, 2, 3, 7, 8, 12].map((value) => describeCell(protectCell(value, rounding)))).toEqual([
      '0',
      'fewer than 5',
      '5',
      '5',
      '10',
      '10',
    ]);
  });

  test('minCount 1 turns suppression off', () => {
    expect(protectCell(1, { minCount: 1, roundTo: null })).toEqual({ kind: 'shown', value: 1 });
  });
});

describe('protectBreakdown', () => {
  test('a lone small cell takes the smallest other non-zero cell with it (secondary suppression)', () => {
    expect(protectBreakdown([12, 2, 7, 0, 30], rule).map(describeCell)).toEqual(['12', 'fewer than 5', 'suppressed', '0', '30']);
  });

  test('two small cells already protect each other', () => {
    expect(protectBreakdown([12, 2, 3], rule).map(describeCell)).toEqual(['12', 'fewer than 5', 'fewer than 5']);
  });

  test('ties go to the first cell', () => {
    expect(protectBreakdown([9, 1, 9], rule).map(describeCell)).toEqual(['suppressed', 'fewer than 5', '9']);
  });

  test('a small cell that is the whole total stays suppressed alone (the total is shown by design)', () => {
    expect(protectBreakdown([0, 1], rule).map(describeCell)).toEqual(['0', 'fewer than 5']);
  });

  test('overlapping cells (not a partition) get primary suppression only', () => {
    expect(protectBreakdown([12, 2, 7], rule, { partition: false }).map(describeCell)).toEqual(['12', 'fewer than 5', '7']);
  });

  test('no suppressed cell of a partition can be recovered from the total and the shown cells', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 10 }), (cells, minCount) => {
        const protectedCells = protectBreakdown(cells, { minCount, roundTo: null });
        const hidden = protectedCells.filter((cell) => cell.kind === 'suppressed').length;
        const nonZero = cells.filter((value) => value > 0).length;
        expect(protectedCells).toHaveLength(cells.length);
        cells.forEach((value, index) => {
          const cell = protectedCells[index];
          if (value > 0 && value < minCount) expect(cell?.kind).toBe('suppressed');
          if (cell?.kind === 'shown') expect(cell.value).toBe(value);
        });
        if (nonZero > 1) expect(hidden === 0 || hidden >= 2).toBe(true);
      }),
      { numRuns: propertyRuns(100) },
    );
  });
});

describe('protectReach (records and voices by channel)', () => {
  const reach = (rows: [number, number][], publish: DisclosureRule = rule): [string, string][] =>
    protectReach(
      rows.map(([count, voices], key) => ({ key, count, voices })),
      publish,
    ).map((row) => [describeCell(row.records), describeCell(row.voices)]);

  test('large rows are shown in both columns', () => {
    expect(
      reach([
        [4441, 1700],
        [105, 60],
      ]),
    ).toEqual([
      ['4441', '1700'],
      ['105', '60'],
    ]);
  });

  test('a row whose records are hidden has its voices hidden, and a lone hidden voice cell takes another with it', () => {
    expect(
      reach([
        [40, 30],
        [3, 2],
        [9, 8],
      ]),
    ).toEqual([
      ['40', '30'],
      ['fewer than 5', 'fewer than 5'],
      ['suppressed', 'suppressed'],
    ]);
    expect(
      reach([
        [40, 3],
        [50, 20],
        [60, 30],
      ]),
    ).toEqual([
      ['40', 'fewer than 5'],
      ['50', 'suppressed'],
      ['60', '30'],
    ]);
  });

  test('voices are rounded as records are', () => {
    expect(
      reach(
        [
          [37, 22],
          [16, 7],
        ],
        { minCount: 3, roundTo: 5 },
      ),
    ).toEqual([
      ['35', '20'],
      ['15', '5'],
    ]);
  });

  test('the records column is the one protectEntries gives alone; no hidden voice cell can be worked out from the voices total', () => {
    const row = fc.nat({ max: 40 }).chain((count) => fc.tuple(fc.constant(count), fc.integer({ min: count === 0 ? 0 : 1, max: count })));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 7 }), fc.integer({ min: 1, max: 10 }), (rows, minCount) => {
        const strict = { minCount, roundTo: null };
        const published = protectReach(
          rows.map(([count, voices], key) => ({ key, count, voices })),
          strict,
        );
        const alone = protectEntries(
          rows.map(([count], key) => ({ key, count })),
          strict,
        );
        expect(published.map((entry) => entry.records)).toEqual(alone.map((entry) => entry.cell));
        published.forEach((entry, index) => {
          const voices = rows[index]?.[1] ?? 0;
          if (entry.records.kind === 'suppressed') expect(entry.voices.kind).toBe('suppressed');
          if (voices > 0 && voices < minCount) expect(entry.voices.kind).toBe('suppressed');
          if (entry.voices.kind === 'shown') expect(entry.voices.value).toBe(voices);
        });
        const hidden = published.filter((entry) => entry.voices.kind === 'suppressed').length;
        if (rows.filter(([, voices]) => voices > 0).length > 1) expect(hidden === 0 || hidden >= 2).toBe(true);
      }),
      { numRuns: propertyRuns(100) },
    );
  });
});

describe('protectVoices (the voices beside records protected elsewhere: respondent groups)', () => {
  test('voices are hidden where the records are, small ones too, and one more where a single one is hidden', () => {
    const records = protectBreakdown([40, 9, 3], rule);
    expect(protectVoices(records, [12, 6, 3], rule).map(describeCell)).toEqual(['12', 'suppressed', 'fewer than 5']);
    const hiddenAfterwards = [protectCell(40, rule), { kind: 'suppressed', reason: 'secondary', below: 5 } as const, protectCell(30, rule)];
    expect(protectVoices(hiddenAfterwards, [20, 9, 12], rule).map(describeCell)).toEqual(['20', 'suppressed', 'suppressed']);
  });
});

describe('cellToJson and the methods sentence', () => {
  test('JSON carries no hidden value', () => {
    expect(protectBreakdown([12, 2, 7], rule).map(cellToJson)).toEqual([
      12,
      { suppressed: 'small', fewer_than: 5 },
      { suppressed: 'secondary' },
    ]);
  });

  test('the methods section states the rule', () => {
    expect(describeDisclosureRule(rule)).toMatch(/fewer than 5/);
    expect(describeDisclosureRule({ minCount: 10, roundTo: 5 })).toMatch(/rounded to the nearest 5/);
    expect(describeDisclosureRule({ minCount: 1, roundTo: null })).toBe('Small numbers: every count is shown exactly.');
  });

  test('the rule names respondent groups among the tables it covers only when the report has them', () => {
    expect([describeDisclosureRule(rule).includes('respondent group'), describeDisclosureRule(rule, { groups: true })]).toEqual([
      false,
      expect.stringContaining('(by channel, question, source, respondent group or month,'),
    ]);
  });
});

describe('quantify', () => {
  test('the highest threshold reached names the share', () => {
    expect([0, 0.05, 0.1, 0.35, 0.5, 1].map((share) => quantify(share))).toEqual([null, 'a few', 'some', 'many', 'most', 'most']);
  });

  test('declared thresholds are used', () => {
    expect(quantify(0.2, { few: 0.05, lots: 0.2 })).toBe('lots');
    expect(quantify(0.01, { few: 0.05 })).toBeNull();
  });
});

describe('describeQuantifiers', () => {
  test('each word is given the range of shares it stands for, from the lowest threshold up', () => {
    expect(describeQuantifiers({ most: 0.5, 'a few': 0, many: 0.3, some: 0.1 })).toBe(
      'Words for shares in the key findings: “a few” means under 10% of the records, “some” 10% to under 30%, “many” 30% to under 50% and “most” 50% or more.',
    );
  });

  test('a lowest threshold above 0 starts its range there; a word no share can reach is left out', () => {
    expect(describeQuantifiers({ few: 0.05, lots: 0.25, all: 1.5 })).toBe(
      'Words for shares in the key findings: “few” means 5% to under 25% of the records and “lots” 25% or more.',
    );
    expect(describeQuantifiers({ never: 2 })).toBeNull();
  });
});

describe('smallNumbersNote', () => {
  test('the rule in plain words, with the rounding when there is one', () => {
    expect(smallNumbersNote({ minCount: 5, roundTo: null })).toBe(
      'To protect the people who gave feedback, the tables show a count of 1 to 4 as “fewer than 5”, and show “suppressed” where a count is hidden so that a small one cannot be worked out from the others; a share is “—” when its count is hidden. Each theme’s total is shown exactly.',
    );
    expect(smallNumbersNote({ minCount: 3, roundTo: 5 })).toContain('“fewer than 3”, and show “suppressed”');
    expect(smallNumbersNote({ minCount: 3, roundTo: 5 })).toContain('Other counts in the tables are rounded to the nearest 5.');
    expect(smallNumbersNote({ minCount: 1, roundTo: 10 })).toBe(
      'Counts in the tables are rounded to the nearest 10. Each theme’s total is shown exactly.',
    );
  });

  test('nothing to say when nothing is hidden or rounded', () => {
    expect(smallNumbersNote({ minCount: 1, roundTo: null })).toBeNull();
    expect(smallNumbersNote({ minCount: 1, roundTo: 1 })).toBeNull();
  });
});
