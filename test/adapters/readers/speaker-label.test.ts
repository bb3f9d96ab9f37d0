import { describe, expect, test } from '@jest/globals';
import { isNotSpeakerName, parseSpeakerLabel } from '../../../src/adapters/readers/speaker-label.js';

describe('parseSpeakerLabel', () => {
  test.each([
    ['JOHN: Hello there', 'JOHN', 'Hello there', null],
    ['Jane Smith: I agree.', 'Jane Smith', 'I agree.', null],
    ["Mary O'Brien: Yes", "Mary O'Brien", 'Yes', null],
    ['Dr. Aled ap Rhys: From the GP side', 'Dr. Aled ap Rhys', 'From the GP side', null],
    ['Ludwig van Beethoven: Da da da', 'Ludwig van Beethoven', 'Da da da', null],
    ['Speaker 2: Right.', 'Speaker 2', 'Right.', null],
    ['SPEAKER_01: okay', 'SPEAKER_01', 'okay', null],
    ['Zoë Ångström: Hej', 'Zoë Ångström', 'Hej', null],
    ['[00:01:02] Anna: Words', 'Anna', 'Words', 62],
    ['00:01:02.500 Anna: Words', 'Anna', 'Words', 62.5],
    ['Anna [00:01:02]: Words', 'Anna', 'Words', 62],
    ['Anna (1:02): Words', 'Anna', 'Words', 62],
    ['Speaker 1  0:03', 'Speaker 1', '', 3],
    ['CHAIR:', 'CHAIR', '', null],
  ])('%j has speaker %j', (line, speaker, rest, start) => {
    expect(parseSpeakerLabel(line)).toEqual({ speaker, rest, start });
  });

  test.each([
    "and hinder progress, and one of the responses I got, I didn't answer it, was:",
    'the meeting: it went well',
    'Note: the recording stopped',
    'Action: ask the council',
    'So: what now?',
    '10:30 start',
    'See https://example.org for more',
    'Time:12',
    'The Very Long Winded Committee Name: hello',
    'Mr. Smith said: hello',
    'Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: too long a name',
    '- JOHN: a dash is not part of a name',
  ])('%j has no speaker label', (line) => {
    expect(parseSpeakerLabel(line)).toBeNull();
  });
});

describe('parseSpeakerLabel: names as meeting tools show them', () => {
  test.each([
    ['Smith, Jane (NHS Leeds)   0:03', 'Smith, Jane (NHS Leeds)', '', 3],
    ['Jane Smith (she/her)   1:02', 'Jane Smith (she/her)', '', 62],
    ['[00:00:10] Bob Jones - Carers Leeds: Words', 'Bob Jones - Carers Leeds', 'Words', 10],
  ])('with a time, %j has speaker %j', (line, speaker, rest, start) => {
    expect(parseSpeakerLabel(line)).toEqual({ speaker, rest, start });
  });

  test.each([
    ['Jane Smith (she/her): Hello', 'Jane Smith (she/her)', 'Hello'],
    ['Bob - Carer (he/him): And weekends are worse.', 'Bob - Carer (he/him)', 'And weekends are worse.'],
    ['Smith, Jane: Thanks', 'Smith, Jane', 'Thanks'],
    ['Priya Shah | Age UK: Yes', 'Priya Shah | Age UK', 'Yes'],
  ])('in captions, %j has speaker %j', (line, speaker, rest) => {
    expect(parseSpeakerLabel(line, { displayNames: true })).toEqual({ speaker, rest, start: null });
  });

  test.each(['Transport - buses: late every day', 'Housing (rents): too high'])('in typed text, %j is a note, not a speaker', (line) => {
    expect(parseSpeakerLabel(line)).toBeNull();
  });
});

describe('parseSpeakerLabel: display names typed in lower case', () => {
  test.each([
    ['jane smith: I agree.', 'jane smith', 'I agree.'],
    ['sam (she/her): Thanks for having us.', 'sam (she/her)', 'Thanks for having us.'],
    ['priya shah (carers leeds): Yes', 'priya shah (carers leeds)', 'Yes'],
    ['smith, jane: Thanks', 'smith, jane', 'Thanks'],
    ['aled ap rhys - gp: From the surgery', 'aled ap rhys - gp', 'From the surgery'],
  ])('in captions, %j has speaker %j', (line, speaker, rest) => {
    expect(parseSpeakerLabel(line, { displayNames: true })).toEqual({ speaker, rest, start: null });
  });

  test.each([
    ['[00:00:10] jane smith: Words', 'jane smith', 'Words', 10],
    ['00:01:02 sam: Words', 'sam', 'Words', 62],
    ['jane smith   0:03', 'jane smith', '', 3],
    ['sam (she/her)   1:02', 'sam (she/her)', '', 62],
  ])('with a time, %j has speaker %j', (line, speaker, rest, start) => {
    expect(parseSpeakerLabel(line)).toEqual({ speaker, rest, start });
  });

  test.each([
    'note: the recording stopped',
    'update: the bus runs again',
    'next steps: write to the council',
    'the meeting: it went well',
    'what we heard: buses',
    'sam: a single lower-case word without a time could be any heading',
    'update - buses: late',
    'so yes: that is right',
  ])('in captions, %j has no speaker label', (line) => {
    expect(parseSpeakerLabel(line, { displayNames: true })).toBeNull();
  });

  test.each(['jane smith: typed notes keep capitalised names only', 'sam (she/her): likewise', '[00:01:02] note: a transcriber’s note'])(
    'in typed text without a time, %j has no speaker label',
    (line) => {
      expect(parseSpeakerLabel(line)).toBeNull();
    },
  );
});

describe('parseSpeakerLabel: display names capitalised only in part', () => {
  test.each([
    ['Jane smith: I agree.', 'Jane smith', 'I agree.'],
    ['Priya shah (carers leeds): Yes', 'Priya shah (carers leeds)', 'Yes'],
    ['Tunde okafor - Age UK: From the day centre', 'Tunde okafor - Age UK', 'From the day centre'],
    ['Smith, jane: Thanks', 'Smith, jane', 'Thanks'],
    ['Gareth ap rhys: Diolch', 'Gareth ap rhys', 'Diolch'],
    ['Ludwig van beethoven: Da da da', 'Ludwig van beethoven', 'Da da da'],
  ])('in captions, %j has speaker %j', (line, speaker, rest) => {
    expect(parseSpeakerLabel(line, { displayNames: true })).toEqual({ speaker, rest, start: null });
  });

  test.each([
    ['[00:00:10] Jane smith: Words', 'Jane smith', 'Words', 10],
    ['Jane smith   0:03', 'Jane smith', '', 3],
    ['Jane smith (she/her) [00:01:02]: Words', 'Jane smith (she/her)', 'Words', 62],
  ])('with a time, %j has speaker %j', (line, speaker, rest, start) => {
    expect(parseSpeakerLabel(line)).toEqual({ speaker, rest, start });
  });

  test.each([
    'Next steps: write to the council',
    'The plan: more buses',
    'What we heard: buses',
    'Key points: three',
    'Key themes: transport and housing',
    'Main issues: buses',
    'Bus routes: late every day',
    'Other comments: none',
    'Action items: two',
    'Follow up: ring the council',
    'Jane said: hello',
    'Jane asked: why?',
    'Mr. Smith said: hello',
    'Overall feedback: good',
    'Any other business: none',
    'Parking problems (town centre): worse',
    'Good practice - carers: listen',
  ])('in captions, %j has no speaker label', (line) => {
    expect(parseSpeakerLabel(line, { displayNames: true })).toBeNull();
  });

  test.each(['[00:01:02] Next steps: write to the council', '00:12 Bus routes: late', 'Key themes   0:03'])(
    'with a time, %j has no speaker label',
    (line) => {
      expect(parseSpeakerLabel(line)).toBeNull();
    },
  );

  test('in typed text without a time, "Jane smith:" is no label, as a lower-case name is not', () => {
    expect(parseSpeakerLabel('Jane smith: typed notes keep capitalised names only')).toBeNull();
  });
});

describe('isNotSpeakerName', () => {
  test('note and minute headings are not speakers, names are', () => {
    expect(isNotSpeakerName('Action items')).toBe(true);
    expect(isNotSpeakerName('NOTE')).toBe(true);
    expect(isNotSpeakerName('Margaret')).toBe(false);
  });
});

describe('parseSpeakerLabel: labels with the time first, or the time after the colon', () => {
  test.each([
    ['00:00:03 Speaker 1', 'Speaker 1', 3],
    ['00:01:02 Jane Smith', 'Jane Smith', 62],
    ['[00:00:15.12] - Bob Jones', 'Bob Jones', 15.12],
  ])("%j (a label line on its own, as Word's Transcribe writes one) is %j", (line, speaker, start) => {
    expect(parseSpeakerLabel(line)).toEqual({ speaker, rest: '', start });
  });

  test.each([
    ['Jane Smith: (00:15)', 'Jane Smith', '', 15],
    ['Jane Smith: [00:00:03] Hello everyone.', 'Jane Smith', 'Hello everyone.', 3],
  ])('%j (Rev, Sonix) is %j with its time', (line, speaker, rest, start) => {
    expect(parseSpeakerLabel(line)).toEqual({ speaker, rest, start });
  });

  test.each(['10:30 Coffee Break', '10:30 Jane Smith', '00:00:03 the plan', '00:00:03 Welcome and introductions from the chair today'])(
    '%j is no label: an agenda time has no seconds, and a label is a name',
    (line) => {
      expect(parseSpeakerLabel(line)).toBeNull();
    },
  );
});

describe("parseSpeakerLabel: Zoom's closed captions", () => {
  test('`[Sara Kim] 10:00:05` (the name in brackets, then the time) is a label line on its own', () => {
    expect(parseSpeakerLabel('[Sara Kim] 10:00:05')).toEqual({ speaker: 'Sara Kim', rest: '', start: 36005 });
  });
});

describe('parseSpeakerLabel: a bracketed name, and a dash after a timed name', () => {
  test.each([
    ['[John]: This is what I said.', 'John', 'This is what I said.', null],
    ['[Jane Smith]: And my response.', 'Jane Smith', 'And my response.', null],
    ['[00:01:23] John - This is what I said.', 'John', 'This is what I said.', 83],
    ['00:01:45 Jane Smith – And my response.', 'Jane Smith', 'And my response.', 105],
  ])('%j is %j saying %j', (line, speaker, rest, start) => {
    expect(parseSpeakerLabel(line)).toEqual({ speaker, rest, start });
  });

  test.each(['[Music] playing', '[Applause]', '10:30 Welcome - the chair', '[the plan]: later'])('%j is no label', (line) => {
    expect(parseSpeakerLabel(line)).toBeNull();
  });
});
