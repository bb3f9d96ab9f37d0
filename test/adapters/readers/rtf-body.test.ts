import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { propertyRuns } from '../../helpers/property-runs.js';
import { rtfBody } from '../../../src/adapters/readers/rtf-body.js';
import { OUTLOOK_HTML_RTF } from '../../builders/outlook-msg-builder.js';

describe('rtfBody', () => {
  test('plain RTF gives its words, paragraphs on their own lines, tables and pictures left out', () => {
    const rtf = [
      '{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}{\\colortbl;\\red0\\green0\\blue0;}',
      '{\\*\\generator Riched20 10.0;}\\pard\\f0\\fs20 The \\b new\\b0  rota works.\\par',
      "The \\'a35 fee does not\\tab{\\pict\\wmetafile8 0123abcd} help.\\par",
      '{\\*\\unknowndestination secret words}Em dash \\u8212?here.\\par}',
    ].join('\r\n');
    expect(rtfBody(rtf)).toEqual({ kind: 'text', text: 'The new rota works.\nThe £5 fee does not\t help.\nEm dash —here.' });
  });

  test('\\uc0 means no fallback character follows a \\u', () => {
    expect(rtfBody('{\\rtf1\\uc0 caf\\u233 s}')).toEqual({ kind: 'text', text: 'cafés' });
  });

  test('escaped braces and backslashes are text; unbalanced braces do not throw', () => {
    expect(rtfBody('{\\rtf1 a \\{b\\} c\\\\d}}}')).toEqual({ kind: 'text', text: 'a {b} c\\d' });
    expect(rtfBody('{{{{{{\\rtf1 deep')).toEqual({ kind: 'text', text: 'deep' });
  });

  test('HTML that Outlook wrapped in RTF (\\fromhtml1) is given back as HTML, without the RTF-only parts', () => {
    const body = rtfBody(OUTLOOK_HTML_RTF);
    expect(body.kind).toBe('html');
    if (body.kind === 'html') {
      expect(body.html).toContain('<p>Please fund the Saturday club – my daughter relies on it.<br>Thanks</p>');
      expect(body.html).not.toContain('\\par');
    }
  });
});

describe('rtfBody on any input', () => {
  test('never throws, and gives text or HTML', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('{', '}', '\\', "\\'", '\\u', '-12', '?', 'par', 'fromhtml1 ', '\\*', 'htmltag ', 'a', ' ', 'ff', '\r\n')),
        (pieces) => {
          const body = rtfBody(pieces.join(''));
          expect(['text', 'html']).toContain(body.kind);
        },
      ),
      { numRuns: propertyRuns(200) },
    );
  });
});
