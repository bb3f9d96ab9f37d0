import { buildZip, type ZipFile } from './zip-builder.js';

/** WordprocessingML's namespace, bound to `w:` in every generated part. */
export const WORD_NAMESPACE = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;

const PACKAGE_RELATIONSHIPS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

/** Escapes text for an XML text node or attribute. */
export function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** What a generated document holds. */
export interface DocxContent {
  /** The inside of `<w:body>`, as WordprocessingML. */
  body: string;
  /** The inside of `<w:styles>`; no styles part when omitted. */
  styles?: string;
  /** The core properties; no properties part when omitted. */
  core?: { creator?: string; created?: string; modified?: string };
  /** Leave `word/document.xml` out (a zip that is not a document). */
  withoutDocument?: boolean;
  /** Further files in the zip. */
  extra?: readonly ZipFile[];
}

/** The `word/document.xml` of a body. */
export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${WORD_NAMESPACE}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

function coreXml(core: NonNullable<DocxContent['core']>): string {
  const fields = [
    core.creator === undefined ? '' : `<dc:creator>${xmlText(core.creator)}</dc:creator>`,
    core.created === undefined ? '' : `<dcterms:created xsi:type="dcterms:W3CDTF">${core.created}</dcterms:created>`,
    core.modified === undefined ? '' : `<dcterms:modified xsi:type="dcterms:W3CDTF">${core.modified}</dcterms:modified>`,
  ];
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${fields.join('')}</cp:coreProperties>`;
}

/** Builds a .docx in memory, every part deflated, the same bytes every time. */
export function buildDocx(content: DocxContent): Buffer {
  const files: ZipFile[] = [
    { name: '[Content_Types].xml', content: CONTENT_TYPES },
    { name: '_rels/.rels', content: PACKAGE_RELATIONSHIPS },
  ];
  if (content.withoutDocument !== true) files.push({ name: 'word/document.xml', content: documentXml(content.body) });
  if (content.styles !== undefined) {
    files.push({
      name: 'word/styles.xml',
      content: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${WORD_NAMESPACE}">${content.styles}</w:styles>`,
    });
  }
  if (content.core !== undefined) files.push({ name: 'docProps/core.xml', content: coreXml(content.core) });
  files.push(...(content.extra ?? []));
  return buildZip(files);
}

/** How a generated paragraph is styled. */
export interface ParagraphStyle {
  /** Its style id (`Heading1`, `Title`, `ListBullet`). */
  style?: string;
  /** A list item at this level (0 the outermost). */
  list?: number;
}

/** A paragraph of one run holding `text` (line breaks become `<w:br/>`). */
export function paragraph(text: string, style: ParagraphStyle = {}): string {
  const properties = [
    style.style === undefined ? '' : `<w:pStyle w:val="${style.style}"/>`,
    style.list === undefined ? '' : `<w:numPr><w:ilvl w:val="${style.list}"/><w:numId w:val="1"/></w:numPr>`,
  ].join('');
  const runs = text
    .split('\n')
    .map((line) => `<w:t xml:space="preserve">${xmlText(line)}</w:t>`)
    .join('<w:br/>');
  return `<w:p>${properties === '' ? '' : `<w:pPr>${properties}</w:pPr>`}<w:r>${runs}</w:r></w:p>`;
}

/** A table whose rows hold these cells, each cell the given paragraphs' XML (a string is one plain paragraph). */
export function table(rows: readonly (readonly (string | readonly string[])[])[]): string {
  const cell = (content: string | readonly string[]) =>
    `<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>${typeof content === 'string' ? paragraph(content) : content.join('')}</w:tc>`;
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>${rows.map((row) => `<w:tr>${row.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
}

/** One comment of a generated document, as {@link commentParts} writes it. */
export interface DocxComment {
  id: number;
  author: string;
  /** `w:date`: what Word writes is the reviewer's local time marked as UTC. */
  date: string;
  /** Its paragraphs. */
  paragraphs: readonly string[];
  /** The `w14:paraId` of its last paragraph (8 hex digits). */
  paraId: string;
  /** The `paraId` of the comment it replies to. */
  replyTo?: string;
  resolved?: boolean;
  /** The true UTC date newer Words keep in commentsExtensible.xml, through a durable id. */
  dateUtc?: string;
}

const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml';
const W16CID = 'http://schemas.microsoft.com/office/word/2016/wordml/cid';
const W16CEX = 'http://schemas.microsoft.com/office/word/2018/wordml/cex';

/**
 * The comment parts Word 365 writes for these comments: `comments.xml` (their text),
 * `commentsExtended.xml` (replies and resolved state, by the paraId of each comment's last
 * paragraph), and for those with a UTC date `commentsIds.xml` and `commentsExtensible.xml`.
 */
export function commentParts(comments: readonly DocxComment[]): ZipFile[] {
  const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const commentXml = (comment: DocxComment): string => {
    const paragraphs = comment.paragraphs.map((text, index) => {
      const last = index === comment.paragraphs.length - 1;
      const reference = index === 0 ? '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>' : '';
      return `<w:p${last ? ` w14:paraId="${comment.paraId}" w14:textId="77777777"` : ''}><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>${reference}<w:r><w:t xml:space="preserve">${xmlText(text)}</w:t></w:r></w:p>`;
    });
    return `<w:comment w:id="${comment.id}" w:author="${xmlText(comment.author)}" w:date="${comment.date}" w:initials="${comment.author.slice(0, 1)}">${paragraphs.join('')}</w:comment>`;
  };
  const files: ZipFile[] = [
    {
      name: 'word/comments.xml',
      content: `${declaration}<w:comments xmlns:w="${WORD_NAMESPACE}" xmlns:w14="${W14}">${comments.map(commentXml).join('')}</w:comments>`,
    },
    {
      name: 'word/commentsExtended.xml',
      content: `${declaration}<w15:commentsEx xmlns:w15="${W15}">${comments
        .map(
          (comment) =>
            `<w15:commentEx w15:paraId="${comment.paraId}"${comment.replyTo === undefined ? '' : ` w15:paraIdParent="${comment.replyTo}"`} w15:done="${comment.resolved === true ? 1 : 0}"/>`,
        )
        .join('')}</w15:commentsEx>`,
    },
  ];
  const dated = comments.filter((comment) => comment.dateUtc !== undefined);
  if (dated.length > 0) {
    const durableId = (comment: DocxComment) => `7${comment.paraId.slice(1)}`;
    files.push(
      {
        name: 'word/commentsIds.xml',
        content: `${declaration}<w16cid:commentsIds xmlns:w16cid="${W16CID}">${dated
          .map((comment) => `<w16cid:commentId w16cid:paraId="${comment.paraId}" w16cid:durableId="${durableId(comment)}"/>`)
          .join('')}</w16cid:commentsIds>`,
      },
      {
        name: 'word/commentsExtensible.xml',
        content: `${declaration}<w16cex:commentsExtensible xmlns:w16cex="${W16CEX}">${dated
          .map(
            (comment) => `<w16cex:commentExtensible w16cex:durableId="${durableId(comment)}" w16cex:dateUtc="${comment.dateUtc ?? ''}"/>`,
          )
          .join('')}</w16cex:commentsExtensible>`,
      },
    );
  }
  return files;
}

/** A run of plain text, as a paragraph's child. */
export function run(text: string): string {
  return `<w:r><w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;
}

/** A run drawing a symbol, as Word's Insert Symbol writes it (`font` `Wingdings`, `char` `F0FE`: ☑). */
export function symbolRun(font: string, char: string): string {
  return `<w:r><w:sym w:font="${font}" w:char="${char}"/></w:r>`;
}

/** A legacy form check box (`FORMCHECKBOX`), which Word draws with no text: its state saved, or only its default. */
export function formCheckBox(state: { checked?: boolean; default?: boolean }): string {
  const checked = state.checked === undefined ? '' : state.checked ? '<w:checked/>' : '<w:checked w:val="0"/>';
  const fallback = state.default === undefined ? '' : `<w:default w:val="${state.default ? 1 : 0}"/>`;
  return (
    `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/><w:calcOnExit w:val="0"/>` +
    `<w:checkBox><w:sizeAuto/>${fallback}${checked}</w:checkBox></w:ffData></w:fldChar></w:r>` +
    `<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
  );
}

/**
 * A legacy form drop-down (`FORMDROPDOWN`) as Word writes it: its entries and the chosen one's
 * index in `ffData`, and no result text unless `shown` is given (as some converters write one).
 */
export function formDropDown(entries: readonly string[], choice: { result?: number; default?: number; shown?: string }): string {
  const result = choice.result === undefined ? '' : `<w:result w:val="${choice.result}"/>`;
  const fallback = choice.default === undefined ? '' : `<w:default w:val="${choice.default}"/>`;
  const listed = entries.map((entry) => `<w:listEntry w:val="${xmlText(entry)}"/>`).join('');
  const shown = choice.shown === undefined ? '' : `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(choice.shown)}`;
  return (
    `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Dropdown1"/><w:enabled/><w:calcOnExit w:val="0"/>` +
    `<w:ddList>${result}${fallback}${listed}</w:ddList></w:ffData></w:fldChar></w:r>` +
    `<w:r><w:instrText xml:space="preserve"> FORMDROPDOWN </w:instrText></w:r>${shown}<w:r><w:fldChar w:fldCharType="end"/></w:r>`
  );
}

/**
 * A drop-down list (or combo box) content control as Word writes it: its items (Word puts
 * `Choose an item.` with an empty value first) and the text it shows, `Choose an item.` in the
 * placeholder style while nothing is chosen. `placeholder` writes `w:showingPlcHdr` (with `w:val` when a string).
 */
export function dropDownControl(control: {
  items: readonly { text: string; value: string }[];
  shown: string;
  placeholder?: boolean | string;
  kind?: 'dropDownList' | 'comboBox';
}): string {
  const placeholder =
    control.placeholder === undefined || control.placeholder === false
      ? ''
      : control.placeholder === true
        ? '<w:showingPlcHdr/>'
        : `<w:showingPlcHdr w:val="${control.placeholder}"/>`;
  const kind = control.kind ?? 'dropDownList';
  const items = control.items
    .map((item) => `<w:listItem w:displayText="${xmlText(item.text)}" w:value="${xmlText(item.value)}"/>`)
    .join('');
  const style = placeholder === '' ? '' : '<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>';
  return (
    `<w:sdt><w:sdtPr><w:id w:val="-1"/>${placeholder}<w:${kind}>${items}</w:${kind}></w:sdtPr>` +
    `<w:sdtContent><w:r>${style}<w:t>${xmlText(control.shown)}</w:t></w:r></w:sdtContent></w:sdt>`
  );
}

/**
 * A check box content control (`w14:checkbox`) as Word writes it: its state, the glyphs it draws
 * checked and unchecked, and its content, the glyph as a run (`☒` in MS Gothic unless `content` gives other runs).
 */
export function checkBoxControl(state: { checked: boolean; content?: string; checkedGlyph?: { char: string; font: string } }): string {
  const glyph = state.checkedGlyph ?? { char: '2612', font: 'MS Gothic' };
  const content =
    state.content ??
    `<w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr><w:t>${state.checked ? '☒' : '☐'}</w:t></w:r>`;
  return (
    `<w:sdt><w:sdtPr><w:id w:val="-2"/><w14:checkbox xmlns:w14="${W14}"><w14:checked w14:val="${state.checked ? 1 : 0}"/>` +
    `<w14:checkedState w14:val="${glyph.char}" w14:font="${glyph.font}"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>` +
    `</w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`
  );
}

/**
 * A plain text or date picker content control as Word writes it, showing `shown` (its placeholder,
 * `Click or tap here to enter text.`, until it is filled in); `placeholder` writes `w:showingPlcHdr`.
 */
export function textControl(control: { shown: string; placeholder?: boolean; date?: boolean }): string {
  const placeholder = control.placeholder === true ? '<w:showingPlcHdr/>' : '';
  const kind =
    control.date === true
      ? '<w:date><w:dateFormat w:val="dd/MM/yyyy"/><w:lid w:val="cy-GB"/><w:calendar w:val="gregorian"/></w:date>'
      : '<w:text/>';
  const style = placeholder === '' ? '' : '<w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>';
  return `<w:sdt><w:sdtPr><w:id w:val="-3"/>${placeholder}${kind}</w:sdtPr><w:sdtContent><w:r>${style}<w:t>${xmlText(control.shown)}</w:t></w:r></w:sdtContent></w:sdt>`;
}

/** Where a comment's range starts, ends, and its reference mark: Word writes all three. */
export const commentMark = {
  start: (id: number) => `<w:commentRangeStart w:id="${id}"/>`,
  end: (id: number) => `<w:commentRangeEnd w:id="${id}"/>`,
  reference: (id: number) => `<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="${id}"/></w:r>`,
};

/** Word's built-in paragraph styles as a translated Word names them: the ids differ, the names do not. */
export const STYLES = [
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>',
  '<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>',
  '<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="Aufzhlungszeichen"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="Aufzhlungszeichen2"><w:name w:val="List Bullet 2"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr></w:pPr></w:style>',
].join('');

const CREATED = { creator: 'Note Taker', created: '2024-03-04T17:30:00Z', modified: '2024-03-05T08:00:00Z' };

/** The inputs of fixtures/adapters/docx/<case>/, generated here so that each can be rebuilt and checked. */
export const DOCX_FIXTURE_INPUTS: Readonly<Record<string, { name: string; build: () => Buffer }>> = {
  'event-notes': {
    name: 'input.docx',
    build: () =>
      buildDocx({
        core: CREATED,
        styles: STYLES,
        body: [
          paragraph('Carers’ forum, March', { style: 'Titel' }),
          paragraph('Day 2', { style: 'berschrift1' }),
          paragraph('Workshop B', { style: 'berschrift2' }),
          paragraph('More respite care, please — at weekends too', { list: 0 }),
          paragraph('Saturday mornings', { list: 1 }),
          paragraph('Sitting service for a few hours', { list: 1 }),
          paragraph('Transport to the day centre', { list: 0 }),
          paragraph(''),
          paragraph('Buses stop at six.\nThe community transport is booked weeks ahead.'),
          paragraph('Information and advice', { style: 'berschrift2' }),
          paragraph('Nobody told us about the carers’ assessment', { style: 'Aufzhlungszeichen' }),
          paragraph('We found out from another carer', { style: 'Aufzhlungszeichen2' }),
          paragraph('Transport to the day centre', { list: 0 }),
        ].join(''),
      }),
  },
  'consultation-response': {
    name: 'input.docx',
    build: () =>
      buildDocx({
        core: { creator: 'Admin', created: '2024-05-20T10:00:00Z' },
        styles: STYLES,
        body: [
          paragraph('Response to the partnership agreement consultation', { style: 'Titel' }),
          paragraph('Thank you for the chance to respond. We are a user-led organisation of 300 members.'),
          table([
            ['Question', 'Response'],
            ['Name', 'Jane Smith'],
            ['Organisation', 'Anytown Carers Network'],
            [
              'Q1. What matters most to you about care and support?',
              [
                paragraph('Being listened to, and having one person who knows our story.'),
                paragraph('Not having to repeat it at every appointment.'),
              ],
            ],
            ['Q2. What should the partnership do first?', 'Fund peer support groups in every area.'],
          ]),
          paragraph('About the table above', { style: 'berschrift1' }),
          table([
            ['Strengths', 'Weaknesses'],
            [[paragraph('Friendly staff'), paragraph('Good food')], 'Long waits'],
          ]),
        ].join(''),
      }),
  },
  'declined-form': {
    name: 'input.docx',
    build: () =>
      buildDocx({
        core: { creator: 'Admin', created: '2024-05-21T09:00:00Z' },
        styles: STYLES,
        body: [
          paragraph('Library opening hours: response form', { style: 'Titel' }),
          paragraph('We run the reading group that meets on Tuesday evenings at Northgate library.'),
          table([
            ['Question', 'Response'],
            ['Name', 'Ravi Patel'],
            ['Q1. Which library do you use most?', 'Northgate, two or three evenings a week after work.'],
            ['Q2. Should Northgate close on Wednesdays?', 'No'],
            ['Q3. What would help you use the library more?', 'Opening until eight, and a quiet room for homework.'],
            ['May we publish your response?', 'Do not publish response'],
          ]),
          paragraph('No'),
        ].join(''),
      }),
  },
  'form-controls': {
    name: 'input.docx',
    build: () =>
      buildDocx({
        core: { creator: 'Admin', created: '2024-06-04T10:00:00Z' },
        styles: STYLES,
        body: [
          paragraph('Day services review: response form', { style: 'Titel' }),
          table([
            [
              'Are you responding as an individual or on behalf of an organisation?',
              [
                `<w:p>${checkBoxControl({ checked: true, content: '' })}${run(' An individual ')}${checkBoxControl({ checked: false })}${run(' An organisation')}</w:p>`,
              ],
            ],
            [
              'Which area do you live in?',
              [
                `<w:p>${dropDownControl({
                  items: [
                    { text: 'Choose an item.', value: '' },
                    { text: 'Central', value: 'Central' },
                    { text: 'Northgate', value: 'Northgate' },
                  ],
                  shown: 'Northgate',
                })}</w:p>`,
              ],
            ],
            [
              'How often do you use the day centre?',
              [`<w:p>${formDropDown(['Every week', 'Every month', 'Less often'], { result: 1 })}</w:p>`],
            ],
            [
              'Which day suits you best?',
              [
                `<w:p>${dropDownControl({
                  items: [
                    { text: 'Choose an item.', value: '' },
                    { text: 'Monday', value: 'Mon' },
                  ],
                  shown: 'Choose an item.',
                  placeholder: true,
                })}</w:p>`,
              ],
            ],
            ['Q1. What would make the day centre better?', 'Longer opening on Fridays, and transport that waits for us.'],
            [
              'May we publish your response?',
              [
                `<w:p>${checkBoxControl({ checked: false })}${run(' Yes ')}${checkBoxControl({
                  checked: true,
                  checkedGlyph: { char: '00FE', font: 'Wingdings' },
                  content: '<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>þ</w:t></w:r>',
                })}${run(' No')}</w:p>`,
              ],
            ],
          ]),
        ].join(''),
      }),
  },
  'likert-grid': {
    name: 'input.docx',
    build: () => {
      const boxes = (ticked: number | null) =>
        [0, 1, 2, 3, 4].map((column) => [`<w:p>${checkBoxControl({ checked: column === ticked })}</w:p>`]);
      return buildDocx({
        core: { creator: 'Admin', created: '2024-07-01T09:00:00Z' },
        styles: STYLES,
        body: [
          paragraph('Library opening hours: response form', { style: 'Titel' }),
          paragraph('Q1. How far do you agree with each statement?'),
          table([
            ['', 'Strongly agree', 'Agree', 'Neither agree nor disagree', 'Disagree', 'Strongly disagree'],
            ['Northgate library should open on Sundays', ...boxes(1)],
            [
              'The library should close on Wednesdays',
              ...[false, false, false, true, false].map((checked) => [`<w:p>${formCheckBox({ checked })}</w:p>`]),
            ],
            ['Evening opening matters more than Saturday opening', ...boxes(null)],
            ['The library is easy to reach by bus', '', '☐', '', '☒', ''],
          ]),
          paragraph('Q2. What would help you use the library more?'),
          paragraph('A quiet room for homework after school, open until eight.'),
          table([
            ['', 'Yes', 'No'],
            ['May we publish your response?', 'X', ''],
          ]),
        ].join(''),
      });
    },
  },
  'tick-instruction': {
    name: 'input.docx',
    build: () =>
      buildDocx({
        core: { creator: 'Admin', created: '2024-07-02T09:00:00Z' },
        styles: STYLES,
        body: [
          paragraph('Bus network review: response form', { style: 'Titel' }),
          paragraph('Q1. Do you use the 42 bus?'),
          paragraph('Please tick:'),
          paragraph('☒ Yes'),
          paragraph('Q2. Which days do you travel? (Tick all that apply)'),
          paragraph('☒ Weekdays'),
          paragraph('☐ Saturdays'),
          paragraph('☒ Sundays'),
          paragraph('C3. Ydych chi’n gyrru? / Q3. Do you drive?'),
          paragraph('Ticiwch un / Tick one:'),
          `<w:p>${checkBoxControl({ checked: false })}${run(' Ydw / Yes')}</w:p>`,
          `<w:p>${checkBoxControl({ checked: true })}${run(' Nac ydw / No')}</w:p>`,
          paragraph('Please tick if this applies:'),
          paragraph('☒ I have a disability that makes the bus hard to use'),
          paragraph('Q4. What should change?'),
          paragraph('Keep the evening 42, even if it runs every hour.'),
          paragraph('Actions:'),
          paragraph('[ ] Write to the bus company'),
        ].join(''),
      }),
  },
  'welsh-form': {
    name: 'input.docx',
    build: () =>
      buildDocx({
        core: { creator: 'Gweinyddwr', created: '2024-07-03T09:00:00Z' },
        styles: STYLES,
        body: [
          paragraph('Adolygiad llyfrgelloedd / Library review: ffurflen ymateb / response form', { style: 'Titel' }),
          table([
            ['Enw / Name', [`<w:p>${textControl({ shown: 'Siân Jones' })}</w:p>`]],
            ['Cyfeiriad e-bost / Email address', [`<w:p>${textControl({ shown: 'Cliciwch neu tapiwch yma i roi testun.' })}</w:p>`]],
            [
              'Ym mha ardal ydych chi’n byw? / Which area do you live in?',
              [
                `<w:p>${dropDownControl({
                  items: [
                    { text: 'Canol / Central', value: 'Canol' },
                    { text: 'Porth y Gogledd / Northgate', value: 'Northgate' },
                  ],
                  shown: 'Dewiswch eitem.',
                })}</w:p>`,
              ],
            ],
            ['Dyddiad / Date', [`<w:p>${textControl({ shown: 'Cliciwch neu tapiwch i roi dyddiad.', date: true })}</w:p>`]],
            [
              'C1. Beth fyddai’n eich helpu i ddefnyddio’r llyfrgell yn fwy? / Q1. What would help you use the library more?',
              'Agor tan wyth o’r gloch ar nosweithiau’r wythnos, ac ystafell dawel i blant wneud gwaith cartref ar ôl ysgol.',
            ],
            [
              'C2. Sylwadau eraill / Q2. Any other comments',
              [`<w:p>${textControl({ shown: 'Cliciwch neu tapiwch yma i roi testun.' })}</w:p>`],
            ],
            [
              'A gawn ni gyhoeddi eich ymateb? / May we publish your response?',
              [
                `<w:p>${checkBoxControl({ checked: false })}${run(' Ydw / Yes ')}${checkBoxControl({ checked: true })}${run(' Nac ydw / No')}</w:p>`,
              ],
            ],
          ]),
        ].join(''),
      }),
  },
  'tracked-changes': {
    name: 'input.docx',
    build: () =>
      buildDocx({
        core: { created: '2024-06-01T09:00:00Z' },
        body: [
          '<w:p><w:r><w:t xml:space="preserve">The day centre is </w:t></w:r>',
          '<w:del w:id="1" w:author="Editor"><w:r><w:delText>rubbish</w:delText></w:r></w:del>',
          '<w:ins w:id="2" w:author="Editor"><w:r><w:t>not open long enough</w:t></w:r></w:ins>',
          '<w:r><w:t>.</w:t></w:r></w:p>',
          '<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>the carers’ charter</w:t></w:r></w:hyperlink>',
          '<w:r><w:tab/><w:t xml:space="preserve">page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>4</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
          '<w:p><w:del w:id="3" w:author="Editor"><w:r><w:delText>A whole paragraph that was deleted.</w:delText></w:r></w:del></w:p>',
          '<w:p><w:r><w:t>Moved:</w:t></w:r><w:moveFrom w:id="4" w:author="Editor"><w:r><w:t xml:space="preserve"> old place</w:t></w:r></w:moveFrom><w:moveTo w:id="5" w:author="Editor"><w:r><w:t xml:space="preserve"> new place</w:t></w:r></w:moveTo></w:p>',
          '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Text box: call the helpline</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>',
          '<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Text box: call the helpline</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>',
        ].join(''),
      }),
  },
  'reviewed-draft': {
    name: 'input.docx',
    build: () =>
      buildDocx({
        core: { creator: 'TLAP', created: '2024-02-20T12:00:00Z' },
        styles: STYLES,
        body: [
          paragraph('Partnership agreement: draft for comment', { style: 'Titel' }),
          paragraph('Our shared commitments', { style: 'berschrift1' }),
          `<w:p>${run('We will work together so that everyone gets ')}${commentMark.start(0)}${commentMark.start(3)}${run('personalised care and support')}${commentMark.end(0)}${commentMark.reference(0)}${commentMark.end(3)}${commentMark.reference(3)}${run(' that fits their life.')}</w:p>`,
          `<w:p>${commentMark.start(1)}${run('Councils, the NHS and providers will share budgets ')}<w:del w:id="9" w:author="Jane Smith"><w:r><w:delText>where affordable</w:delText></w:r></w:del></w:p>`,
          `<w:p>${run('and plan services with the people who use them.')}${commentMark.end(1)}${commentMark.reference(1)}</w:p>`,
          paragraph('How we will work', { style: 'berschrift1' }),
          `<w:p>${run('We will publish what we learn')}<w:ins w:id="10" w:author="Anytown Carers Network" w:date="2024-03-06T09:30:00Z"><w:r><w:t xml:space="preserve"> every six months, in plain English</w:t></w:r></w:ins>${run('.')}${commentMark.reference(2)}</w:p>`,
        ].join(''),
        extra: commentParts([
          {
            id: 0,
            author: 'Jane Smith',
            date: '2024-03-05T10:12:00Z',
            paragraphs: ['Should this say unpaid carers too? Many of our members care for someone.'],
            paraId: '1A2B3C4D',
            resolved: true,
          },
          {
            id: 1,
            author: 'Anytown Carers Network',
            date: '2024-03-06T09:00:00Z',
            paragraphs: ['We support pooled budgets.', 'But who decides how they are spent?'],
            paraId: '2B3C4D5E',
          },
          {
            id: 2,
            author: 'Ahmed Khan',
            date: '2024-06-07T10:30:00Z',
            dateUtc: '2024-06-07T09:30:00Z',
            paragraphs: ['Please say how: easy read versions, and not only online.'],
            paraId: '3C4D5E6F',
          },
          {
            id: 3,
            author: 'TLAP team',
            date: '2024-03-08T16:45:00Z',
            paragraphs: ['Agreed: we will add carers to this commitment.'],
            paraId: '4D5E6F70',
            replyTo: '1A2B3C4D',
          },
        ]),
      }),
  },
  'teams-transcript': {
    name: 'input.docx',
    build: () =>
      buildDocx({
        core: { creator: 'Microsoft Teams', created: '2024-01-16T09:00:00Z' },
        body: [
          paragraph('TLAP partnership agreement: online panel-20240115_100012-Meeting Recording'),
          paragraph('15 January 2024, 10:00am'),
          paragraph('46m 12s'),
          paragraph('Jane Smith   0:03'),
          paragraph('Welcome everyone. We want to hear what should change in the partnership agreement.'),
          paragraph('Ahmed Khan   0:41'),
          paragraph('For me it is respite. Carers never get a break, and the assessment took six months.'),
          paragraph('Ahmed Khan   1:02'),
          paragraph('And when it came, nobody explained what we were entitled to.'),
          paragraph('Mary Jones   1:30\nInformation in one place, in easy read, would help a lot of people.'),
        ].join(''),
      }),
  },
  'damaged-zip': {
    name: 'input.docx',
    build: () => {
      const whole = buildDocx({ body: paragraph('A note that is cut off.') });
      return whole.subarray(0, Math.floor(whole.length * 0.6));
    },
  },
};
