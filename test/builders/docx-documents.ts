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
  'damaged-zip': {
    name: 'input.docx',
    build: () => {
      const whole = buildDocx({ body: paragraph('A note that is cut off.') });
      return whole.subarray(0, Math.floor(whole.length * 0.6));
    },
  },
  'old-doc': {
    name: 'input.doc',
    build: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1016)]),
  },
};
