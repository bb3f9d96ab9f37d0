import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { normaliseText, prepareText } from '../../src/text/normalise.js';
import { propertyRuns } from '../helpers/property-runs.js';

/** prepareText's blanking steps written the plain way: every pattern over every text. */
function blankEverywhere(text: string): string {
  return text
    .replace(/\b(?:https?:\/\/|www\.)[^\s<>"]+/gi, ' ')
    .replace(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu, ' ')
    .replace(/(?<![\p{L}\p{N}_@])@[\p{L}\p{N}_]+/gu, ' ')
    .replace(
      /(?<![\p{L}\p{N}_&])#([\p{L}\p{N}_]+)/gu,
      (_whole, body: string) => ` ${body.replace(/_/g, ' ').replace(/(?<=\p{Ll})(?=\p{Lu})/gu, ' ')}`,
    );
}

describe('prepareText', () => {
  it('blanks e-mail addresses, @mentions and URLs and splits hashtags', () => {
    expect(prepareText('Mail jo.bloggs+care@example.co.uk or @TLAP_News, see https://example.org/x #UnpaidCarers')).toBe(
      'Mail   or  , see    Unpaid Carers',
    );
  });

  it('leaves a text with no @, # or link as it is', () => {
    expect(prepareText("My mum's personal budget, 15-minute visits (again).")).toBe("My mum's personal budget, 15-minute visits (again).");
  });

  it('blanks exactly what matching every pattern everywhere would', () => {
    const alphabet = fc.constantFrom('a', 'B', 'é', '1', '.', '-', '_', '+', '%', '@', '#', ' ', ',', '&', 'w', '/', ':', 'h');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((characters) => characters.join('')),
        (text) => {
          expect(prepareText(text)).toBe(blankEverywhere(text));
        },
      ),
      { numRuns: propertyRuns(600) },
    );
  });
});

describe('normaliseText', () => {
  it('does not take words from an e-mail address or a mention', () => {
    expect(normaliseText('Carers email carer@example.org and @carer').tokens.map((token) => token.word)).toEqual([
      'carers',
      'email',
      'and',
    ]);
  });
});
