import { buildZip } from './zip-builder.js';

const NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
  'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"',
].join(' ');

/** What a generated OpenDocument text holds. */
export interface OdtContent {
  /** The inside of `<office:text>`. */
  text: string;
  /** The inside of `<office:automatic-styles>`. */
  automaticStyles?: string;
  /** The form controls of `<office:forms>`, written at the start of the text (see {@link formControl}); none when omitted. */
  forms?: string;
  /** meta.xml's creation date; no meta.xml when omitted. */
  created?: string;
  /** The `mimetype` entry (OpenDocument text unless given). */
  mediaType?: string;
}

const FORM_NAMESPACE = 'urn:oasis:names:tc:opendocument:xmlns:form:1.0';

/** `office:forms` as LibreOffice writes it, one `form:form` holding the controls (its namespace declared here, so documents without forms keep their bytes). */
function officeForms(controls: string): string {
  return `<office:forms xmlns:form="${FORM_NAMESPACE}" form:automatic-focus="false" form:apply-design-mode="false"><form:form form:name="Form" form:apply-filter="true" form:command-type="table" office:target-frame="">${controls}</form:form></office:forms>`;
}

/** One form control of `office:forms`, as LibreOffice saves it: only what differs from the defaults (unchecked, not selected) is written. */
export type FormControl =
  | { kind: 'checkbox'; id: string; label: string; checked?: boolean; defaultChecked?: boolean; idAttribute?: 'both' | 'form' }
  | { kind: 'radio'; id: string; label: string; selected?: boolean; defaultSelected?: boolean }
  | { kind: 'listbox'; id: string; options: readonly { label: string; selected?: boolean }[] }
  | { kind: 'combobox'; id: string; value: string; options: readonly string[] }
  | { kind: 'textarea'; id: string; value: string };

/** A form control as LibreOffice writes it in `office:forms`. */
export function formControl(control: FormControl): string {
  const ids =
    control.kind === 'checkbox' && control.idAttribute === 'form'
      ? `form:id="${control.id}"`
      : `form:id="${control.id}" xml:id="${control.id}"`;
  switch (control.kind) {
    case 'checkbox': {
      const state = `${control.defaultChecked === true ? ' form:state="checked"' : ''}${control.checked === true ? ' form:current-state="checked"' : ''}`;
      return `<form:checkbox form:name="Check Box ${control.id}" form:control-implementation="ooo:com.sun.star.form.component.CheckBox" ${ids} form:label="${control.label}"${state} form:image-position="center"><form:properties><form:property form:property-name="DefaultControl" office:value-type="string" office:string-value="com.sun.star.form.control.CheckBox"/></form:properties></form:checkbox>`;
    }
    case 'radio': {
      const state = `${control.defaultSelected === true ? ' form:selected="true"' : ''}${control.selected === true ? ' form:current-selected="true"' : ''}`;
      return `<form:radio form:name="Option Button" form:control-implementation="ooo:com.sun.star.form.component.RadioButton" ${ids} form:label="${control.label}"${state} form:image-position="center"/>`;
    }
    case 'listbox':
      return `<form:listbox form:name="List Box ${control.id}" form:control-implementation="ooo:com.sun.star.form.component.ListBox" ${ids} form:dropdown="true" form:size="5">${control.options
        .map((option) => `<form:option form:label="${option.label}"${option.selected === true ? ' form:current-selected="true"' : ''}/>`)
        .join('')}</form:listbox>`;
    case 'combobox':
      return `<form:combobox form:name="Combo Box ${control.id}" form:control-implementation="ooo:com.sun.star.form.component.ComboBox" ${ids} form:current-value="${control.value}" form:dropdown="true">${control.options
        .map((option) => `<form:item form:label="${option}"/>`)
        .join('')}</form:combobox>`;
    case 'textarea':
      return `<form:textarea form:name="Text Box ${control.id}" form:control-implementation="ooo:com.sun.star.form.component.TextField" ${ids} form:current-value="${control.value.replace(/\n/g, '&#x0a;')}"><form:properties><form:property form:property-name="MultiLine" office:value-type="boolean" office:boolean-value="true"/></form:properties></form:textarea>`;
  }
}

/** Where a form control is drawn in the text: a `draw:control` anchored as a character, referring to the control's id. */
export function drawControl(id: string): string {
  return `<draw:control text:anchor-type="as-char" svg:y="-0.4cm" draw:z-index="0" draw:style-name="gr1" svg:width="2.5cm" svg:height="0.5cm" draw:control="${id}"/>`;
}

/** Builds an .odt in memory (`mimetype` first, as LibreOffice writes it), the same bytes every time. */
export function buildOdt(content: OdtContent): Buffer {
  const files = [
    { name: 'mimetype', content: content.mediaType ?? 'application/vnd.oasis.opendocument.text', stored: true },
    {
      name: 'content.xml',
      content: `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${NAMESPACES} office:version="1.3"><office:automatic-styles>${content.automaticStyles ?? ''}</office:automatic-styles><office:body><office:text>${content.forms === undefined ? '' : officeForms(content.forms)}${content.text}</office:text></office:body></office:document-content>`,
    },
  ];
  if (content.created !== undefined) {
    files.push({
      name: 'meta.xml',
      content: `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta ${NAMESPACES} office:version="1.3"><office:meta><meta:initial-creator>Note Taker</meta:initial-creator><meta:creation-date>${content.created}</meta:creation-date><dc:date>2024-03-09T08:00:00</dc:date></office:meta></office:document-meta>`,
    });
  }
  return buildZip(files);
}

/** The input of fixtures/adapters/odt/event-notes/, generated here so that it can be rebuilt and checked. */
export function odtEventNotes(): Buffer {
  return buildOdt({
    created: '2024-03-04T17:30:00',
    automaticStyles: '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>',
    text: [
      '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>deleted words</text:p></text:deletion></text:changed-region></text:tracked-changes>',
      '<text:p text:style-name="P1">Carers’ forum, March</text:p>',
      '<text:h text:outline-level="1">Day 2</text:h>',
      '<text:h text:outline-level="2">Workshop B</text:h>',
      '<text:p>Table 5</text:p>',
      '<text:list><text:list-item><text:p>More respite care, <text:span text:style-name="T1">please</text:span>—at weekends too<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note></text:p>',
      '<text:list><text:list-item><text:p>Saturday<text:s/>mornings</text:p></text:list-item></text:list></text:list-item>',
      '<text:list-item><text:p>Transport<text:tab/>to the day centre</text:p></text:list-item></text:list>',
      '<text:p>Buses stop at six.<text:line-break/>The community transport is booked\n    weeks ahead.<text:change text:change-id="c1"/></text:p>',
      '<text:p><draw:frame draw:name="Frame1"><draw:text-box><text:p>Text box: call the helpline</text:p></draw:text-box></draw:frame></text:p>',
      '<table:table table:name="Table1"><table:table-column table:number-columns-repeated="2"/>',
      '<table:table-row><table:table-cell><text:p>Q1. What matters most to you?</text:p></table:table-cell><table:table-cell><text:p>Being listened to, and having one person who knows our story.</text:p></table:table-cell></table:table-row>',
      '<table:table-row><table:table-cell><text:p>Name</text:p></table:table-cell><table:table-cell><text:p>Jane Smith</text:p></table:table-cell></table:table-row>',
      '</table:table>',
    ].join(''),
  });
}

/**
 * The input of fixtures/adapters/odt/confidential-form/: a response form whose last table row
 * asks for confidentiality, answered `Yes`, and a `Question? answer` line above the table.
 */
export function odtConfidentialForm(): Buffer {
  const row = (question: string, answer: string) =>
    `<table:table-row><table:table-cell><text:p>${question}</text:p></table:table-cell><table:table-cell>${answer === '' ? '' : `<text:p>${answer}</text:p>`}</table:table-cell></table:table-row>`;
  return buildOdt({
    created: '2024-05-22T14:00:00',
    text: [
      '<text:h text:outline-level="1">Bus network review</text:h>',
      '<text:p>The 42 is the only bus that reaches the estate after seven.</text:p>',
      '<text:p>Can we quote you? No</text:p>',
      '<table:table table:name="Table1"><table:table-column table:number-columns-repeated="2"/>',
      row('Q1. Which routes do you use?', 'The 42 to the hospital, and the 7 into town on Saturdays.'),
      row('Q2. What should change?', 'Keep the evening 42, even if it runs every hour instead of every half hour.'),
      row('Would you like your response to be kept confidential?', 'Yes'),
      row('Do you consent to publication?', ''),
      '</table:table>',
    ].join(''),
  });
}

/** An `office:annotation` as LibreOffice writes it: its creator, date and paragraphs, then what names it or its thread. */
export function annotation(comment: {
  creator: string;
  date: string;
  paragraphs: readonly string[];
  name?: string;
  parent?: string;
  resolved?: boolean;
}): string {
  const attributes = [
    comment.name === undefined ? '' : ` office:name="${comment.name}"`,
    comment.parent === undefined ? '' : ` loext:parent-name="${comment.parent}"`,
    comment.resolved === undefined ? '' : ` loext:resolved="${comment.resolved}"`,
  ].join('');
  const paragraphs = comment.paragraphs
    .map((text) => `<text:p text:style-name="P2"><text:span text:style-name="T1">${text}</text:span></text:p>`)
    .join('');
  return `<office:annotation${attributes}><dc:creator>${comment.creator}</dc:creator><dc:date>${comment.date}</dc:date><meta:creator-initials>${comment.creator.slice(0, 1)}</meta:creator-initials>${paragraphs}</office:annotation>`;
}

/**
 * The input of fixtures/adapters/odt/reviewed-draft/: a draft sent back with LibreOffice comments, a
 * reply and a resolved one, and a tracked change replacing words (a deletion and an insertion).
 */
export function odtReviewedDraft(): Buffer {
  return buildOdt({
    created: '2024-02-20T12:00:00',
    text: [
      '<text:tracked-changes text:track-changes="true">',
      '<text:changed-region xml:id="ct1" text:id="ct1"><text:deletion><office:change-info><dc:creator>Ahmed Khan</dc:creator><dc:date>2024-03-07T09:40:00</dc:date></office:change-info><text:p>what we learn</text:p></text:deletion></text:changed-region>',
      '<text:changed-region xml:id="ct2" text:id="ct2"><text:insertion><office:change-info><dc:creator>Ahmed Khan</dc:creator><dc:date>2024-03-07T09:40:00</dc:date></office:change-info></text:insertion></text:changed-region>',
      '</text:tracked-changes>',
      '<text:h text:outline-level="1">Our shared commitments</text:h>',
      `<text:p>We will work together so that everyone gets ${annotation({ creator: 'Jane Smith', date: '2024-03-05T10:12:00.123000000', paragraphs: ['Should this say unpaid carers too?'], name: '__Annotation__45_1', resolved: true })}personalised care and support<office:annotation-end office:name="__Annotation__45_1"/>${annotation({ creator: 'TLAP team', date: '2024-03-08T16:45:00', paragraphs: ['Agreed: we will add carers.'], parent: '__Annotation__45_1' })} that fits their life.</text:p>`,
      `<text:p>${annotation({ creator: 'Anytown Carers Network', date: '2024-03-06T09:00:00', paragraphs: ['We support pooled budgets.', 'But who decides how they are spent?'], name: '__Annotation__46_2' })}Councils, the NHS and providers will share budgets</text:p>`,
      '<text:p>and plan services with the people who use them.<office:annotation-end office:name="__Annotation__46_2"/></text:p>',
      '<text:h text:outline-level="1">How we will work</text:h>',
      `<text:p>We will publish <text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>what people tell us, in easy read too<text:change-end text:change-id="ct2"/>.${annotation({ creator: 'Ahmed Khan', date: '2024-03-07T09:30:00', paragraphs: ['Please say how: easy read versions, and not only online.'] })}</text:p>`,
    ].join(''),
  });
}

/**
 * The input of fixtures/adapters/odt/form-controls/: a response form made in LibreOffice whose
 * answers are form controls: radio buttons for who is responding, check boxes for the services
 * used and for publishing, a list box for the area, and a written answer.
 */
export function odtFormControls(): Buffer {
  const row = (question: string, answer: string) =>
    `<table:table-row><table:table-cell><text:p>${question}</text:p></table:table-cell><table:table-cell><text:p>${answer}</text:p></table:table-cell></table:table-row>`;
  return buildOdt({
    created: '2024-06-03T11:00:00',
    forms: [
      formControl({ kind: 'radio', id: 'control1', label: 'An individual', selected: true, defaultSelected: true }),
      formControl({ kind: 'radio', id: 'control2', label: 'An organisation' }),
      formControl({
        kind: 'listbox',
        id: 'control3',
        options: [{ label: 'Central' }, { label: 'Northgate', selected: true }, { label: 'Southfield' }],
      }),
      formControl({ kind: 'checkbox', id: 'control4', label: 'Day centre', checked: true }),
      formControl({ kind: 'checkbox', id: 'control5', label: 'Home care', defaultChecked: true }),
      formControl({ kind: 'checkbox', id: 'control6', label: 'Respite', checked: true }),
      formControl({ kind: 'checkbox', id: 'control7', label: 'Yes' }),
      formControl({ kind: 'checkbox', id: 'control8', label: 'No', checked: true }),
    ].join(''),
    text: [
      '<text:h text:outline-level="1">Day services review: response form</text:h>',
      '<table:table table:name="Table1"><table:table-column table:number-columns-repeated="2"/>',
      row('Are you responding as an individual or on behalf of an organisation?', `${drawControl('control1')}${drawControl('control2')}`),
      row('Which area do you live in?', drawControl('control3')),
      row('Which services do you use?', `${drawControl('control4')} ${drawControl('control5')} ${drawControl('control6')}`),
      row('Q1. What would make the day centre better?', 'Longer opening on Fridays, and transport that waits for us.'),
      row('May we publish your response?', `${drawControl('control7')}${drawControl('control8')}`),
      '</table:table>',
    ].join(''),
  });
}

/**
 * The input of fixtures/adapters/odt/likert-grid/: a response form made in LibreOffice whose
 * question is a grid: a caption merged across the table, a header row of options
 * (`table:table-header-rows`), and a row per statement holding a radio button without a label
 * under each option; one row left unanswered, one answered with a typed `X` instead.
 */
export function odtLikertGrid(): Buffer {
  const options = ['Strongly agree', 'Agree', 'Neither', 'Disagree', 'Strongly disagree'];
  const cell = (content: string) =>
    `<table:table-cell office:value-type="string">${content === '' ? '' : `<text:p>${content}</text:p>`}</table:table-cell>`;
  const row = (cells: readonly string[]) => `<table:table-row>${cells.map(cell).join('')}</table:table-row>`;
  const statements = ['The day centre should open on Saturdays', 'Transport to the day centre is reliable', 'Staff have time to listen'];
  const chosen = [1, null, 4];
  const controls = statements.flatMap((_, statement) =>
    options.map((__, option) =>
      formControl({ kind: 'radio', id: `control${statement * 5 + option + 1}`, label: '', selected: chosen[statement] === option }),
    ),
  );
  return buildOdt({
    created: '2024-07-04T10:00:00',
    forms: controls.join(''),
    text: [
      '<text:h text:outline-level="1">Day services review: response form</text:h>',
      '<table:table table:name="Table1"><table:table-column table:number-columns-repeated="6"/>',
      '<table:table-row><table:table-cell table:number-columns-spanned="6" office:value-type="string"><text:p>Q3. How far do you agree with each statement?</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="5"/></table:table-row>',
      `<table:table-header-rows>${row(['Statement', ...options])}</table:table-header-rows>`,
      ...statements.map((statement, index) =>
        row([statement, ...options.map((_, option) => drawControl(`control${index * 5 + option + 1}`))]),
      ),
      row(['Evening activities are worth a small charge', '', '', 'X', '', '']),
      '</table:table>',
      '<text:p>Q4. Anything else?</text:p>',
      '<text:p>Please keep the Friday lunch club; it is the only time some of us go out.</text:p>',
    ].join(''),
  });
}
