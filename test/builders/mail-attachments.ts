import { buildDocx, paragraph, STYLES } from './docx-documents.js';
import { buildOutlookMsg } from './outlook-msg-builder.js';
import { PDF_FIXTURE_INPUTS } from './pdf-documents.js';

/** A file attached to a generated e-mail. */
export interface MailAttachment {
  name: string;
  contentType: string;
  bytes: Buffer;
  /** `inline` for a picture in a signature (Outlook's `image001.png`); `attachment` unless given. */
  disposition?: 'attachment' | 'inline';
}

/** What a generated e-mail holds. */
export interface MailSpec {
  from: string;
  subject: string;
  date: string;
  messageId: string;
  text: string;
  attachments?: readonly MailAttachment[];
}

/** Base64 in lines of 76 characters, as mail programs write it. */
function base64Lines(bytes: Buffer): string[] {
  return bytes.toString('base64').match(/.{1,76}/g) ?? [];
}

/** An RFC 5322 message, `multipart/mixed` when it has attachments, CRLF line ends, the same bytes every time. */
export function buildMail(spec: MailSpec): Buffer {
  const head = [`From: ${spec.from}`, 'To: Consultation <consult@example.gov.uk>', `Subject: ${spec.subject}`, `Date: ${spec.date}`];
  head.push(`Message-ID: <${spec.messageId}>`, 'MIME-Version: 1.0');
  const attachments = spec.attachments ?? [];
  if (attachments.length === 0) {
    return Buffer.from([...head, 'Content-Type: text/plain; charset="utf-8"', '', spec.text, ''].join('\r\n'), 'utf8');
  }
  const boundary = `----=_Part_${spec.messageId.replace(/[^a-z0-9]/gi, '')}`;
  const lines = [...head, `Content-Type: multipart/mixed; boundary="${boundary}"`, '', `--${boundary}`];
  lines.push('Content-Type: text/plain; charset="utf-8"', 'Content-Transfer-Encoding: 8bit', '', spec.text, '');
  for (const attachment of attachments) {
    lines.push(`--${boundary}`, `Content-Type: ${attachment.contentType}; name="${attachment.name}"`);
    lines.push(`Content-Disposition: ${attachment.disposition ?? 'attachment'}; filename="${attachment.name}"`);
    lines.push('Content-Transfer-Encoding: base64', '', ...base64Lines(attachment.bytes), '');
  }
  lines.push(`--${boundary}--`, '');
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

/** The first bytes of a PNG: a picture in a signature, never read. */
export const SIGNATURE_PICTURE = Buffer.from('89504e470d0a1a0a0000000d4948445200000010000000100806000000', 'hex');

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** An organisation's response as a Word document: a heading and three paragraphs; its properties name a colleague and the template's date. */
export function responseDocx(): Buffer {
  return buildDocx({
    core: { creator: 'Office Admin', created: '2019-01-07T09:00:00Z' },
    styles: STYLES,
    body: [
      paragraph('Response of the Hartcliffe Carers Group', { style: 'Titel' }),
      paragraph('Respite care', { style: 'berschrift1' }),
      paragraph('Our members need breaks at weekends, not only in the week.'),
      paragraph('The sitting service should be free for carers on low incomes.'),
      paragraph('Transport', { style: 'berschrift1' }),
      paragraph('The community bus to the day centre stops at four; most carers work until five.'),
    ].join(''),
  });
}

const COVER_NOTE =
  'Dear Sir/Madam,\n\nPlease find attached our response to the draft partnership agreement.\n\nKind regards,\nJane Smith\nHartcliffe Carers Group';

/** A mailbox of two messages: a cover note with a PDF letter, then the same letter sent again with a calendar invitation. */
function pdfMailbox(): Buffer {
  const letter = PDF_FIXTURE_INPUTS['letter']?.build() ?? Buffer.alloc(0);
  const first = buildMail({
    from: '"Anytown Disability Forum" <forum@example.org>',
    subject: 'Consultation response',
    date: 'Mon, 03 Jun 2024 10:15:00 +0100',
    messageId: 'pdf-1@example.org',
    text: 'Hello,\n\nAttached is the response from Anytown Disability Forum.\n\nThanks,\nMo',
    attachments: [{ name: 'Response.pdf', contentType: 'application/pdf', bytes: letter }],
  });
  const invitation = Buffer.from(
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'SUMMARY:Meeting about the response',
      'DTSTART:20240610T100000Z',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n'),
  );
  const second = buildMail({
    from: '"Anytown Disability Forum" <forum@example.org>',
    subject: 'Consultation response (resent)',
    date: 'Tue, 04 Jun 2024 08:00:00 +0100',
    messageId: 'pdf-2@example.org',
    text: 'Sending again in case the first did not arrive. We would also like to meet you to talk the response through: the invitation is attached.\n\nMo',
    attachments: [
      { name: 'Response.pdf', contentType: 'application/octet-stream', bytes: letter },
      { name: 'invite.ics', contentType: 'text/calendar', bytes: invitation },
    ],
  });
  const envelope = (bytes: Buffer, line: string): Buffer =>
    Buffer.from(`${line}\n${bytes.toString('utf8').replace(/\r\n/g, '\n')}\n`, 'utf8');
  return Buffer.concat([
    envelope(first, 'From forum@example.org Mon Jun  3 09:15:00 2024'),
    envelope(second, 'From forum@example.org Tue Jun  4 07:00:00 2024'),
  ]);
}

/** A resident's e-mail with a Word document attached, which a member of staff forwards as an attachment from Outlook. */
function residentEmlWithDocx(): Buffer {
  return buildMail({
    from: '"Helen Brooks" <helen.brooks@example.org>',
    subject: 'My response',
    date: 'Thu, 15 May 2014 19:40:00 +0100',
    messageId: 'resident-docx-1@mail.example.org',
    text: 'Please see attached.\n\nHelen',
    attachments: [
      {
        name: 'my views.docx',
        contentType: DOCX_TYPE,
        bytes: buildDocx({ body: paragraph('Please keep the Saturday club open. It is the only day my daughter sees her friends.') }),
      },
    ],
  });
}

/** The generated inputs of the fixtures of documents attached to e-mails, by `<format>/<case>`. */
export const MAIL_ATTACHMENT_FIXTURE_INPUTS: Readonly<Record<string, { name: string; build: () => Buffer }>> = {
  'eml/attached-docx-response': {
    name: 'input.eml',
    build: () =>
      buildMail({
        from: '"Jane Smith" <jane.smith@example.org>',
        subject: 'Response to the draft partnership agreement',
        date: 'Fri, 31 May 2024 16:45:00 +0100',
        messageId: 'docx-response-1@example.org',
        text: COVER_NOTE,
        attachments: [
          { name: 'image001.png', contentType: 'image/png', bytes: SIGNATURE_PICTURE, disposition: 'inline' },
          { name: 'HCG response.docx', contentType: DOCX_TYPE, bytes: responseDocx() },
        ],
      }),
  },
  'eml/attached-damaged-document': {
    name: 'input.eml',
    build: () => {
      const whole = responseDocx();
      return buildMail({
        from: '"Tom Hughes" <tom@example.org>',
        subject: 'Day centre',
        date: 'Sat, 01 Jun 2024 09:30:00 +0100',
        messageId: 'damaged-1@example.org',
        text: 'My comments are attached, but in short: please do not close the day centre on Filton Road.\n\nTom',
        attachments: [
          { name: 'comments.docx', contentType: DOCX_TYPE, bytes: whole.subarray(0, Math.floor(whole.length / 2)) },
          { name: 'winmail.dat', contentType: 'application/ms-tnef', bytes: Buffer.from('789f3e220100', 'hex') },
        ],
      });
    },
  },
  'mbox/attached-pdf': { name: 'input.mbox', build: pdfMailbox },
  'outlook-msg/attached-eml-with-docx': {
    name: 'input.msg',
    build: () =>
      buildOutlookMsg({
        subject: 'FW: My response',
        senderName: 'Consultation Team',
        senderAddress: 'consult@example.gov.uk',
        internetMessageId: '<AM6PR03MB7777@eurprd03.prod.example.com>',
        submitTime: new Date('2014-05-21T08:30:00Z'),
        body: 'A resident sent this to the wrong inbox; forwarded as it came in. The report on the Saturday club is also attached.\r\n\r\nConsultation Team\r\n',
        attachments: [
          { fileName: 'My response.eml', data: residentEmlWithDocx(), mimeTag: 'message/rfc822' },
          {
            fileName: 'Saturday club report.docx',
            data: buildDocx({ body: paragraph('Attendance at the Saturday club rose from 12 to 19 children this year.') }),
            mimeTag: DOCX_TYPE,
          },
          { fileName: 'image001.png', data: SIGNATURE_PICTURE, mimeTag: 'image/png' },
        ],
      }),
  },
};
