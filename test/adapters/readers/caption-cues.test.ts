import { describe, expect, test } from '@jest/globals';
import { CaptionTurns, captionLineText, type CaptionCue } from '../../../src/adapters/readers/caption-cues.js';
import type { SpokenTurn } from '../../../src/adapters/readers/speaker-turns.js';

/** A cue from its times and text lines, numbered from `firstLine`. */
function cue(start: number, end: number, lines: readonly string[], firstLine = 1): CaptionCue {
  return { start, end, lines: lines.map((text, index) => ({ text, line: firstLine + index })) };
}

function turnsOf(cues: readonly CaptionCue[], rolling = false): SpokenTurn[] {
  const turns = new CaptionTurns({ rolling });
  return [...cues.flatMap((next) => turns.addCue(next)), ...turns.finish()];
}

describe('captionLineText', () => {
  test.each([
    ['<i>day</i> <b>centre</b> <u>now</u>', 'day centre now'],
    ['this<00:05:04.199><c> will</c><c.colorE5E5E5><00:05:04.379><c> happen</c></c>', 'this will happen'],
    ['<ruby>漢字<rt>かんじ</rt></ruby>です', '漢字です'],
    ['<lang en-GB>colour</lang>', 'colour'],
    ['bus &amp; taxi &lt;3 &nbsp;x', 'bus & taxi <3  x'],
    ['{\\an8}<font color="#ffff00">Top</font>', 'Top'],
    ['The\\hday\\hcentre\\Nis closing.', 'The day centre is closing.'],
    ['{\\an8}Two lines\\nin one', 'Two lines in one'],
    ['a < b and c > d', 'a < b and c > d'],
  ])('%j → %j', (line, text) => {
    expect(captionLineText(line)).toEqual([{ voice: null, text }]);
  });

  test('<v> tags split a line by voice, with classes dropped from the name', () => {
    const parts = captionLineText('<v Anna Smith>Agreed.</v> <v.loud.first Bob>Thanks.</v>');
    expect(parts.map((part) => ({ voice: part.voice, text: part.text.trim() }))).toEqual([
      { voice: 'Anna Smith', text: 'Agreed.' },
      { voice: 'Bob', text: 'Thanks.' },
    ]);
  });
});

describe('CaptionTurns', () => {
  test('rolling captions: lines repeated from the end of the previous cue are dropped', () => {
    const turns = turnsOf(
      [
        cue(0, 1, ['yeah']),
        cue(1, 2, ['yeah', 'what']),
        cue(2, 3, ['what', 'this<00:00:02.5><c> will</c>']),
        cue(3, 3.01, ['this will', ' ']),
      ],
      true,
    );
    expect(turns.map((turn) => turn.text)).toEqual(['yeah what this will']);
  });

  test('without rolling, a repeated line is kept (it may really be said twice)', () => {
    const turns = turnsOf([cue(0, 1, ['No.']), cue(1, 2, ['No.'])]);
    expect(turns.map((turn) => turn.text)).toEqual(['No. No.']);
  });

  test('a NAME: label carries on to later cues until another speaker is named', () => {
    const turns = turnsOf([cue(0, 1, ['JOHN: Hello.']), cue(5, 6, ['Still me.']), cue(6, 7, ['MARY: Hi John.'])]);
    expect(turns.map((turn) => [turn.speaker, turn.text])).toEqual([
      ['JOHN', 'Hello. Still me.'],
      ['MARY', 'Hi John.'],
    ]);
  });

  test('dialogue dashes and >> start unnamed voices; sound notes are dropped', () => {
    const turns = turnsOf([cue(0, 2, ['- Is it good?', '- [laughs] No.']), cue(2, 3, ['>> It never is.'])]);
    expect(turns.map((turn) => [turn.speaker, turn.text, turn.line])).toEqual([
      [null, 'Is it good?', 1],
      [null, 'No.', 2],
      [null, 'It never is.', 1],
    ]);
  });
});

describe('CaptionTurns: subtitles for the deaf and hard of hearing (SDH)', () => {
  const speakersAndWords = (cues: readonly CaptionCue[]): string[] => turnsOf(cues).map((turn) => `${turn.speaker ?? '-'}: ${turn.text}`);

  test('a name in square brackets opening a line names the speaker and leaves the words', () => {
    expect(
      speakersAndWords([
        cue(1, 2, ['[Nadia] <i>The hall was freezing,</i>']),
        cue(2, 3, ['<i>nobody could take their coat off.</i>']),
        cue(8, 9, ['- [Dr Ellis Ward] Was the heating on?', '- [NADIA] Not once.']),
      ]),
    ).toEqual([
      'Nadia: The hall was freezing, nobody could take their coat off.',
      'Dr Ellis Ward: Was the heating on?',
      'NADIA: Not once.',
    ]);
  });

  test('a description in square brackets, or a line that is one note in round brackets, is nobody’s words', () => {
    expect(
      speakersAndWords([
        cue(1, 2, ['[suspira con alivio]']),
        cue(2, 3, ['[Door Slams] Who left that open?']),
        cue(3, 4, ['[GASPS] It is you.']),
        cue(4, 5, ['(Musique douce)']),
        cue(5, 6, ['---']),
        cue(6, 7, ['♪ ♪']),
      ]),
    ).toEqual(['-: Who left that open? It is you.']);
  });

  test('brackets later in a line (an editor’s words) and speech in brackets after words stay', () => {
    expect(speakersAndWords([cue(1, 2, ['They [the council] never wrote back (twice).'])])).toEqual([
      '-: They [the council] never wrote back (twice).',
    ]);
  });
});

describe('CaptionTurns: bracketed labels with a colon or a time', () => {
  test('`[Name]: words` names the speaker without its colon, and `[00:00:05] Name: words` keeps reading the label', () => {
    const turns = turnsOf([cue(1, 2, ['[Nadia]: Thank you.']), cue(2, 3, ['[00:00:02] Owen Pryce: You are welcome.'])]);
    expect(turns.map((turn) => `${turn.speaker ?? '-'}: ${turn.text}`)).toEqual(['Nadia: Thank you.', 'Owen Pryce: You are welcome.']);
  });
});
