import { describe, expect, test } from '@jest/globals';
import { extractReply, extractReplyText, isMobileSignOff } from '../../src/text/email-reply-text.js';

interface Case {
  name: string;
  body: string[];
  expected: string[];
}

/** Each case: a body (as lines) and the new words that must remain (as lines). */
const CASES: Case[] = [
  {
    name: 'plain text without quotes is kept whole',
    body: ['Hello,', '', 'The day centre matters to us.', '', 'Thanks'],
    expected: ['Hello,', '', 'The day centre matters to us.', '', 'Thanks'],
  },
  {
    name: 'Gmail: "On <date>, <name> wrote:" and the > quote go',
    body: ['Hello', '', 'On Mon, Apr 2, 2012 at 6:26 PM, Megan One <xxx@gmail.com> wrote:', '', '> Hi'],
    expected: ['Hello'],
  },
  {
    name: 'attribution wrapped over two lines',
    body: ['I agree.', '', 'On Sun, Jan 2, 2022 at 6:02 AM Daniel Sahlberg <daniel@example.com>', 'wrote:', '', '> Hi,', '>'],
    expected: ['I agree.'],
  },
  {
    name: 'attribution wrapped inside the address',
    body: ['Fine by me.', '', 'On Wed, 5 Jan 2022 at 10:17, Daniel Sahlberg', '<daniel@example.com> wrote:', '>', '> Hi,'],
    expected: ['Fine by me.'],
  },
  {
    name: 'Russian Android attribution (date first, "написал:")',
    body: ['Hello', '02.04.2012 14:20 пользователь "bob@example.org" <', 'bob@example.org> написал:', '', '> Hi', '>'],
    expected: ['Hello'],
  },
  {
    name: 'German attribution with "schrieb" before the name',
    body: ['Danke!', '', 'Am 02.04.2012 um 14:20 schrieb Bob Beispiel <bob@example.de>:', '', '> Hallo'],
    expected: ['Danke!'],
  },
  {
    name: 'German attribution ending in "schrieb:"',
    body: ['Ja.', '', 'Am Mo., 2. Apr. 2012 um 14:20 Uhr schrieb Bob <bob@example.de>:', '> Hallo'],
    expected: ['Ja.'],
  },
  {
    name: 'French attribution with a space before the colon',
    body: ['Merci.', '', 'Le 2 avr. 2012 à 14:20, Bob <bob@example.fr> a écrit :', '', '> Bonjour'],
    expected: ['Merci.'],
  },
  {
    name: 'Gnus-style "<when>, <name> wrote:" before inline replies keeps every new paragraph, not the sign-off',
    body: [
      'Hi Simos,',
      '',
      'Yesterday at 15:02, Simos Xenitellis wrote:',
      '',
      '>> numbers being thrown around.',
      '> In Ubuntu 7.10, the PO files are',
      '',
      'I am not handling Ubuntu packaging.',
      '',
      '> What I am missing here',
      '',
      "They wouldn't be.",
      '',
      'Cheers,',
      'Danilo',
    ],
    expected: ['Hi Simos,', '', 'I am not handling Ubuntu packaging.', '', "They wouldn't be."],
  },
  {
    name: 'bottom quote introduced by an attribution at the top (Thunderbird)',
    body: [
      'On 05/01/2022 04.17, Daniel Sahlberg wrote:',
      '> Hi,',
      '> ',
      '> Is there something?',
      '',
      'The issue is the name.',
      '',
      '> ',
      '> Kind regards',
    ],
    expected: ['The issue is the name.'],
  },
  {
    name: 'a strong attribution without > markers cuts the unmarked quote after it',
    body: ['Yes please.', '', 'On Tue, 3 May 2022 at 09:00, Council <info@example.gov.uk> wrote:', '', 'Dear resident,', 'please reply.'],
    expected: ['Yes please.'],
  },
  {
    name: 'a weak "X wrote:" without a quote after it is the sender\'s own text',
    body: ['My carer wrote:', '', 'I will come on Tuesdays.'],
    expected: ['My carer wrote:', '', 'I will come on Tuesdays.'],
  },
  {
    name: 'a sentence starting with "On" is not an attribution',
    body: ['On behalf of our group, we wrote to the council.', 'On reflection it helped.'],
    expected: ['On behalf of our group, we wrote to the council.', 'On reflection it helped.'],
  },
  {
    name: 'Outlook header block without > markers and everything after it',
    body: [
      'Hello',
      '',
      'From: someone@example.org [mailto:someone@example.org]',
      'Sent: March-09-12 4:22 PM',
      'To: Dan Le',
      'Subject: The manager has commented',
      '',
      'Hi Dan,',
      "The manager's comment: I'm not happy",
    ],
    expected: ['Hello'],
  },
  {
    name: 'German Outlook header block',
    body: [
      'Einverstanden.',
      '',
      'Von: Anna <anna@example.de>',
      'Gesendet: Montag, 2. April 2012 14:20',
      'An: Bob',
      'Betreff: Test',
      '',
      'Hallo',
    ],
    expected: ['Einverstanden.'],
  },
  {
    name: 'header block flattened onto one line',
    body: ['Noted, thanks.', '', 'From: Anna Smith Sent: 12 May 2014 16:02 To: Bob Subject: Minutes', 'Hi Bob, here are the minutes.'],
    expected: ['Noted, thanks.'],
  },
  {
    name: 'a single "From:" line in the text is not a header block',
    body: ['From: my own experience, the respite care was too short.', 'To: be fair, staff were kind.'],
    expected: ['From: my own experience, the respite care was too short.', 'To: be fair, staff were kind.'],
  },
  {
    name: '-----Original Message----- and everything after',
    body: ['See below.', '', '-----Original Message-----', 'From: Anna', 'Hello'],
    expected: ['See below.'],
  },
  {
    name: 'forwarded message separator',
    body: ['FYI', '', '---------- Forwarded message ---------', 'From: Anna', 'Hello'],
    expected: ['FYI'],
  },
  {
    name: 'Outlook underscore separator',
    body: ['Thanks', '________________________________', 'From: Anna', 'Sent: today'],
    expected: ['Thanks'],
  },
  {
    name: 'signature after "-- "',
    body: ['Please keep the centre open.', '', '-- ', 'Jane Doe', 'Carer, Leeds'],
    expected: ['Please keep the centre open.'],
  },
  {
    name: 'mobile sign-offs',
    body: ['Count me in.', '', 'Sent from my iPhone', '', 'On Tue, 3 May 2022, Anna wrote:', '> Who is coming?'],
    expected: ['Count me in.'],
  },
  {
    name: 'Get Outlook for Android',
    body: ['Agreed.', '', 'Get Outlook for Android'],
    expected: ['Agreed.'],
  },
  {
    name: "a long line that starts like a sign-off is the sender's words",
    body: ["Sent from my sister's house because my own internet was cut off by the provider last week, sorry."],
    expected: ["Sent from my sister's house because my own internet was cut off by the provider last week, sorry."],
  },
  {
    name: 'ezmlm list footer after a dash line',
    body: [
      'How do I do this?',
      '',
      '---------------------------------------------------------------------',
      'To unsubscribe, e-mail: users-unsubscribe@example.org',
      'For additional commands, e-mail: users-help@example.org',
    ],
    expected: ['How do I do this?'],
  },
  {
    name: 'Google Groups footer',
    body: ['Good idea.', '', 'You received this message because you are subscribed to the Google Groups "carers" group.'],
    expected: ['Good idea.'],
  },
  {
    name: 'Mailman footer after an underscore line',
    body: ['Noted.', '_______________________________________________', 'carers mailing list', 'carers@example.org'],
    expected: ['Noted.'],
  },
  {
    name: 'a message that is only a quote leaves nothing',
    body: ['> Hi', '> How are you?', '>'],
    expected: [''],
  },
  {
    name: 'quote lines indented by the client are quotes too',
    body: ['Yes.', '  > indented quote', '  >> deeper'],
    expected: ['Yes.'],
  },
  {
    name: 'HTML blockquote converted to "> " lines',
    body: ['Hello', '', '', 'On Mon, Apr 2, 2012 at 6:26 PM, Megan One <xxx@gmail.com> wrote:', '', '', '> Hi', '> ', '> > deeper'],
    expected: ['Hello'],
  },
  {
    name: 'CRLF line endings',
    body: ['Hello\r', '\r', 'On Mon, Apr 2, 2012 at 6:26 PM, Megan <m@example.com> wrote:\r', '> Hi\r'],
    expected: ['Hello'],
  },
  {
    name: '">" inside a line is not a quote',
    body: ['Map<String, List<Integer>> map = new HashMap<>();', 'A -> B'],
    expected: ['Map<String, List<Integer>> map = new HashMap<>();', 'A -> B'],
  },
];

describe("extractReplyText keeps only the sender's new words", () => {
  test.each(CASES.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    expect(extractReplyText(testCase.body.join('\n'))).toBe(testCase.expected.join('\n'));
  });
});

describe("sign-offs with the sender's name", () => {
  test.each([
    ['-roman', 'Roman Tkachenko'],
    ['- Roman', 'Roman Tkachenko'],
    ['--Roman', 'Roman T'],
  ])('"%s" from %s goes', (signOff, sender) => {
    expect(extractReplyText(`The ramp is too steep.\n\n${signOff}`, { senderName: sender })).toBe('The ramp is too steep.');
  });

  test("a dashed word that is not the sender's name stays", () => {
    expect(extractReplyText('Two things:\n\n-Parking', { senderName: 'Jane Doe' })).toBe('Two things:\n\n-Parking');
  });

  test("a last line that is the sender's name goes, also without a closing word", () => {
    expect(extractReplyText('Please keep the library open.\n\nJane Doe', { senderName: 'Doe, Jane' })).toBe(
      'Please keep the library open.',
    );
  });

  test("a last line that is the short form of the sender's given name goes (`Des` from Desmond Achterberg, channels-held-out)", () => {
    expect(extractReplyText('Please see below from our group.\n\nDes', { senderName: 'Desmond Achterberg' })).toBe(
      'Please see below from our group.',
    );
    expect(extractReplyText('The buses are late.\n\nChris', { senderName: 'Smith, Christopher' })).toBe('The buses are late.');
  });

  test.each([
    ['Please keep the day centre open.\n\nGwen Tallis\nVolunteer Coordinator | Moorside Carers Network\nTel: 0113 496 0731'],
    ['Please keep the day centre open.\n\nGwen\n\nGwen Tallis | Volunteer Coordinator\nMoorside Carers Network'],
    ['Please keep the day centre open.\n\nGwen Tallis (she/her)\nVolunteer Coordinator'],
    ['Please keep the day centre open.\n\nG. Tallis (Mrs)'],
  ])("a signature block opened by the sender's name with no closing word above it goes: %j", (body) => {
    expect(extractReplyText(body, { senderName: 'Gwen Tallis' })).toBe('Please keep the day centre open.');
  });

  test("a paragraph opened by the sender's given name, or by their surname before a bracket, stays", () => {
    for (const body of [
      'I think so too.\n\nGwen, Mary and I think the centre\nshould stay open',
      'I think so too.\n\nGwen and Mary think the centre should stay open.',
      'Hello\n\nTallis (the composer) would be proud',
    ]) {
      expect(extractReplyText(body, { senderName: 'Gwen Tallis' })).toBe(body);
    }
  });

  test("a last word that the sender's name does not start with, or that is no name's shape, stays", () => {
    expect(extractReplyText('Please see below.\n\nDave', { senderName: 'Desmond Achterberg' })).toBe('Please see below.\n\nDave');
    expect(extractReplyText('Two things:\n\nde', { senderName: 'Desmond Achterberg' })).toBe('Two things:\n\nde');
  });

  test('a closing word with a name goes with the short lines under it; references under it stay', () => {
    const body = 'See the minutes [1].\n\nKind regards,\nDaniel\nChair, Friends of the Park\n\n[1] https://example.org/minutes';
    expect(extractReplyText(body)).toBe('See the minutes [1].\n\n[1] https://example.org/minutes');
  });

  test("a postscript under the sign-off is the sender's words and stays", () => {
    const body = 'Count me in.\n\nThanks,\nJane\n\nP.S. The bus was late again today.';
    expect(extractReplyText(body)).toBe('Count me in.\n\nP.S. The bus was late again today.');
  });

  test('a closing word followed by a long paragraph is not a sign-off', () => {
    const body = `Short note.\n\nThanks,\nJane\n\n${'And one more thing about the buses that I forgot to say. '.repeat(3)}`;
    expect(extractReplyText(body)).toBe(body.trim());
  });
});

describe('marks where the replier cut the quote', () => {
  test.each(['[...]', '[…]', '[snip]', '<snip>', '[... snipped ...]'])('%s between quoted lines goes with the quote', (mark) => {
    const body = `The lift is broken again.\n\n-- Omar\n\nOn Mon, 3 Jun 2024 at 09:00, Ruth Hale <ruth@example.org> wrote:\n> First point.\n>\n${mark}\n>\n> Last point.`;
    expect(extractReplyText(body, { senderName: 'Omar Haddad' })).toBe('The lift is broken again.');
  });

  test("the same mark in the sender's own words, away from any quote, stays", () => {
    expect(extractReplyText('They said the ramp [...] would be fixed by May.\n\n[...]\n\nIt was not.')).toBe(
      'They said the ramp [...] would be fixed by May.\n\n[...]\n\nIt was not.',
    );
  });
});

describe('where the kept text came from', () => {
  test('a reply', () => {
    expect(extractReply('Yes.\n\n> Will you come?')).toEqual({ text: 'Yes.', source: 'reply' });
  });

  test('a forward without a comment keeps the forwarded text', () => {
    const body =
      'Begin forwarded message:\n\nFrom: Sam <sam@example.org>\nDate: 1 May 2023\nSubject: Bus\nTo: Jo <jo@example.org>\n\nThe bus is late.';
    expect(extractReply(body)).toEqual({ text: 'The bus is late.', source: 'quoted-message' });
  });

  test('a body of quotes and sign-offs only keeps nothing', () => {
    expect(extractReply('Sent from my iPhone\n\n> Will you come?')).toEqual({ text: '', source: 'reply' });
  });
});

describe('isMobileSignOff: whole lines in the forms mail clients write', () => {
  test.each([
    'Sent from my iPhone',
    'Sent from my iPad.',
    'Sent from Mailbox for iPhone',
    'Sent from my BlackBerry® wireless device',
    'Sent from my BlackBerry 10 smartphone on the EE network.',
    'Sent via BlackBerry by Vodafone',
    'Sent from Yahoo Mail on Android',
    'Sent from Mail for Windows',
    'Sent from Outlook<https://aka.ms/weboutlook>',
    'Get Outlook for Android<https://aka.ms/ghei36>',
    'Get Outlook for iOS',
    'Gesendet von Outlook für Android',
    'Gesendet von meinem iPhone',
    'Von meinem Samsung Galaxy Smartphone gesendet.',
    'Envoyé à partir de Outlook pour iOS<https://aka.ms/o0ukef>',
    'Envoyé de mon iPhone',
    'Télécharger Outlook pour Android',
    'Enviado desde mi iPhone',
    'Enviado do meu iPhone',
    'Inviato da iPhone',
    'Verzonden vanaf mijn iPhone',
    'Verstuurd vanaf mijn iPad',
    'Skickat från min iPhone',
    'Sendt fra min iPhone',
    'Lähetetty iPhonesta',
    'Wysłane z iPhone’a',
    'Отправлено с iPhone',
  ])('"%s" is a sign-off', (line) => {
    expect(isMobileSignOff(line)).toBe(true);
  });

  test.each([
    'Sent from my desk, is much easier than the phone',
    'Sent from my desk',
    'Sent from the council to every household in May',
    "Sent from my sister's house because my own internet was cut off by the provider last week, sorry.",
    'Von meinem Standpunkt aus ist das falsch',
  ])('"%s" is the sender\'s words', (line) => {
    expect(isMobileSignOff(line)).toBe(false);
  });
});
