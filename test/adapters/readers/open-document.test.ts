import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { buildZip } from '../../builders/zip-builder.js';
import { inputErrorOf } from '../../helpers/read-fixture.js';

describe('readOpenDocumentParts', () => {
  test.each([
    ['book.ods', 'application/vnd.oasis.opendocument.spreadsheet', 'OpenDocument spreadsheet', 'LibreOffice Calc'],
    ['notes.odt', 'application/vnd.oasis.opendocument.text', 'OpenDocument text', 'LibreOffice'],
  ])(
    '%s whose mimetype names its kind but which holds no content.xml says it has none, not that it is another kind',
    async (name, mediaType, noun, program) => {
      const path = join(mkdtempSync(join(tmpdir(), 'tlap-odf-')), name);
      writeFileSync(
        path,
        buildZip([
          { name: 'mimetype', content: mediaType },
          { name: 'styles.xml', content: '<x/>' },
        ]),
      );
      const { message, hint } = await inputErrorOf(path, name);
      expect(message).toBe(`${name}: the ${noun} has no content.xml, the part that holds what it says (is it damaged?)`);
      expect(hint).toMatch(new RegExp(`^check that the file is complete; if it opens, open it in ${program}`));
    },
  );
});
