import { InputError } from '../../errors.js';
import type { XmlName } from './xml-elements.js';
import { readZipParts, type ZipDocumentKind } from './zip-parts.js';

/** The namespace of OpenDocument's `office:` elements and attributes. */
export const ODF_OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
/** The namespace of OpenDocument's `table:` elements and attributes. */
export const ODF_TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
/** The namespace of OpenDocument's `text:` elements and attributes. */
export const ODF_TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
/** The namespace of OpenDocument's `style:` elements and attributes. */
export const ODF_STYLE = 'urn:oasis:names:tc:opendocument:xmlns:style:1.0';

/** The part of an OpenDocument package that holds its body. */
export const CONTENT_PART = 'content.xml';
const MEDIA_TYPE_PART = 'mimetype';
const MANIFEST_PART = 'META-INF/manifest.xml';
const MEDIA_TYPE_PREFIX = 'application/vnd.oasis.opendocument.';

/** True when an element or attribute name is `local` in the namespace `uri`. */
export function isNamed(name: XmlName, uri: string, local: string): boolean {
  return name.uri === uri && name.local === local;
}

/** True for the path of a `style:style` among a document's `office:automatic-styles`. */
export function isAutomaticStyle(path: readonly XmlName[]): boolean {
  const [, styles, element] = path;
  return (
    path.length === 3 &&
    styles !== undefined &&
    element !== undefined &&
    isNamed(styles, ODF_OFFICE, 'automatic-styles') &&
    isNamed(element, ODF_STYLE, 'style')
  );
}

/** One kind of OpenDocument (a text, a spreadsheet), and its Microsoft Office counterpart, for reading its package and naming what else a file is. */
export interface OpenDocumentKind extends ZipDocumentKind {
  /** The media type its `mimetype` part names (a template's adds `-template`). */
  mediaType: string;
  /** What a file should be, in the refusal of another: `an OpenDocument spreadsheet (.ods)`. */
  expected: string;
  /** The part that marks the Office counterpart (`xl/workbook.xml`), what it is called, and what to do with one. */
  office: { part: string; noun: string; hint: string };
  /** What to do with any other zip, for the hint. */
  otherHint: string;
}

/** An OpenDocument package's parts: the names of every entry, and content.xml with the other parts asked for. */
export interface OpenDocumentParts {
  names: readonly string[];
  content: Buffer;
  parts: ReadonlyMap<string, Buffer>;
}

/**
 * Unpacks content.xml, `mimetype`, the manifest and the `wanted` parts of an OpenDocument package
 * held in memory (see {@link readZipParts} for the limit and the zip's checks). A package saved
 * with a password (its manifest lists `manifest:encryption-data`), and one of another kind (its
 * `mimetype` names another OpenDocument, or it is the Office counterpart, or it has no
 * content.xml), is an {@link InputError} naming `file` and what it is; one of this kind without
 * its content.xml is one saying so.
 */
export function readOpenDocumentParts(
  file: string,
  zip: Buffer,
  wanted: readonly string[],
  limitBytes: number,
  kind: OpenDocumentKind,
): OpenDocumentParts {
  const { names, parts } = readZipParts(file, zip, [CONTENT_PART, MEDIA_TYPE_PART, MANIFEST_PART, ...wanted], limitBytes, kind);
  if (parts.get(MANIFEST_PART)?.includes('encryption-data', 0, 'latin1') === true) {
    throw new InputError(`the ${kind.noun} is password-protected (encrypted); tlap cannot read it`, {
      location: { file },
      hint: 'open it with its password and save a copy without one (File > Save As, "Save with password" unticked)',
    });
  }
  const mediaType = parts.get(MEDIA_TYPE_PART)?.toString('latin1').trim() ?? null;
  const content = parts.get(CONTENT_PART);
  if (content !== undefined && (mediaType === null || mediaType.startsWith(kind.mediaType))) return { names, content, parts };
  if (content === undefined && mediaType?.startsWith(kind.mediaType) === true) {
    throw new InputError(`the ${kind.noun} has no content.xml, the part that holds what it says (is it damaged?)`, {
      location: { file },
      hint: `check that the file is complete; if it opens, ${kind.saveAs} again`,
    });
  }
  const office = names.includes(kind.office.part);
  const other = mediaType?.startsWith(MEDIA_TYPE_PREFIX) === true ? `an OpenDocument ${mediaType.slice(MEDIA_TYPE_PREFIX.length)}` : null;
  throw new InputError(`${office ? kind.office.noun : (other ?? 'a zip')}, not ${kind.expected}`, {
    location: { file },
    hint: office ? kind.office.hint : kind.otherHint,
  });
}
