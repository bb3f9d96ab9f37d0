import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { propertyRuns } from '../../helpers/property-runs.js';
import { RepeatedTextIds } from '../../../src/adapters/readers/repeated-text-ids.js';
import {
  TURN_MAX_CHARS,
  TURN_TARGET_CHARS,
  TurnBuilder,
  turnDraft,
  type SpokenPiece,
  type SpokenTurn,
} from '../../../src/adapters/readers/speaker-turns.js';

/** A piece of speech for the builder, with defaults for what a test does not care about. */
function piece(overrides: Partial<SpokenPiece> & Pick<SpokenPiece, 'text'>): SpokenPiece {
  return { speaker: null, start: null, end: null, line: 1, ...overrides };
}

function build(pieces: readonly SpokenPiece[]): SpokenTurn[] {
  const builder = new TurnBuilder();
  return [...pieces.flatMap((next) => builder.add(next)), ...builder.finish()];
}

describe('TurnBuilder', () => {
  test('consecutive pieces of one speaker merge into one turn with its first line and time span', () => {
    const turns = build([
      piece({ speaker: 'Anna', text: 'The bus', start: 1, end: 2, line: 4 }),
      piece({ speaker: 'Anna', text: 'is late.', start: 5, end: 7, line: 8 }),
      piece({ speaker: 'Bob', text: 'Always.', start: 7, end: 8, line: 12 }),
    ]);
    expect(turns).toEqual([
      { speaker: 'Anna', text: 'The bus is late.', start: 1, end: 7, line: 4 },
      { speaker: 'Bob', text: 'Always.', start: 7, end: 8, line: 12 },
    ]);
  });

  test('without a speaker, a pause of 2 seconds or more starts a new turn; a shorter one does not', () => {
    const turns = build([
      piece({ text: 'One.', start: 0, end: 1 }),
      piece({ text: 'Two.', start: 2.999, end: 4 }),
      piece({ text: 'Three.', start: 6, end: 7 }),
    ]);
    expect(turns.map((turn) => turn.text)).toEqual(['One. Two.', 'Three.']);
  });

  test('a named speaker keeps the turn across a pause', () => {
    const turns = build([
      piece({ speaker: 'Anna', text: 'One.', start: 0, end: 1 }),
      piece({ speaker: 'Anna', text: 'Two.', start: 30, end: 31 }),
    ]);
    expect(turns.map((turn) => turn.text)).toEqual(['One. Two.']);
  });

  test('a new voice starts a new turn even without a name', () => {
    const turns = build([piece({ text: 'Is it good?' }), piece({ text: 'No.', newVoice: true })]);
    expect(turns.map((turn) => turn.text)).toEqual(['Is it good?', 'No.']);
  });

  test('a paragraph piece joins with a blank line', () => {
    const turns = build([piece({ speaker: 'A', text: 'First.' }), piece({ speaker: 'A', text: 'Second.', paragraph: true })]);
    expect(turns.map((turn) => turn.text)).toEqual(['First.\n\nSecond.']);
  });

  test('empty pieces add nothing but still close the turn of another speaker', () => {
    const turns = build([
      piece({ speaker: 'A', text: 'Hi.' }),
      piece({ speaker: 'B', text: '  ' }),
      piece({ speaker: 'A', text: 'Again.' }),
    ]);
    expect(turns.map((turn) => [turn.speaker, turn.text])).toEqual([
      ['A', 'Hi.'],
      ['A', 'Again.'],
    ]);
  });

  test(`a long turn is split at the first sentence end after ${TURN_TARGET_CHARS} characters`, () => {
    const sentence = 'We waited weeks for the assessment and nobody called back.';
    const pieces = Array.from({ length: 30 }, (_, index) => piece({ text: sentence, start: index * 3, end: index * 3 + 3 }));
    const turns = build(pieces);
    expect(turns.length).toBeGreaterThan(1);
    for (const turn of turns.slice(0, -1)) {
      expect(turn.text.length).toBeGreaterThanOrEqual(TURN_TARGET_CHARS);
      expect(turn.text.length).toBeLessThan(TURN_TARGET_CHARS + sentence.length + 1);
      expect(turn.text.endsWith('.')).toBe(true);
    }
  });

  test(`without sentence ends (auto-captions) a turn is split after ${TURN_MAX_CHARS} characters`, () => {
    const words = 'so the council said we would get a carer and then nothing happened for months';
    const turns = build(Array.from({ length: 40 }, () => piece({ text: words, start: 0, end: 0 })));
    expect(turns.length).toBeGreaterThan(1);
    for (const turn of turns.slice(0, -1)) expect(turn.text.length).toBeLessThan(TURN_MAX_CHARS + words.length + 1);
  });

  test('every word given comes out once, in order, whatever the speakers and times', () => {
    const pieceArbitrary = fc.record({
      speaker: fc.constantFrom(null, 'A', 'B'),
      text: fc.array(fc.constantFrom('yes', 'no', 'care', 'bus.', 'help!'), { maxLength: 30 }).map((words) => words.join(' ')),
      start: fc.integer({ min: 0, max: 100 }),
      length: fc.integer({ min: 0, max: 5 }),
      newVoice: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(pieceArbitrary, { maxLength: 40 }), (specs) => {
        const pieces = specs.map((spec, index) =>
          piece({
            speaker: spec.speaker,
            text: spec.text,
            start: spec.start,
            end: spec.start + spec.length,
            line: index + 1,
            newVoice: spec.newVoice,
          }),
        );
        const words = (texts: readonly string[]): string[] =>
          texts
            .join(' ')
            .split(/\s+/)
            .filter((word) => word !== '');
        expect(words(build(pieces).map((turn) => turn.text))).toEqual(words(pieces.map((next) => next.text)));
      }),
      { numRuns: propertyRuns(100) },
    );
  });
});

describe('turnDraft', () => {
  test('puts the speaker in author, times in meta, the first line in provenance', () => {
    const ids = new RepeatedTextIds();
    const turn: SpokenTurn = { speaker: 'Anna', text: 'Okay.', start: 1.5, end: 2, line: 7 };
    expect(turnDraft(turn, 'talk.vtt', ids, { title: 'Forum' })).toEqual({
      sourceId: null,
      author: 'Anna',
      text: 'Okay.',
      meta: { start: 1.5, end: 2, title: 'Forum' },
      provenance: { file: 'talk.vtt', line: 7 },
    });
    expect(turnDraft(turn, 'talk.vtt', ids).sourceId).toMatch(/^content:[0-9a-f]{20}#2$/);
  });

  test('leaves out unknown times', () => {
    const draft = turnDraft({ speaker: null, text: 'Hi', start: null, end: null, line: 1 }, 'a.txt', new RepeatedTextIds());
    expect(draft.meta).toEqual({});
  });
});
