import { describe, expect, test } from '@jest/globals';
import { htmlToPlainText } from '../../src/text/html-to-plain-text.js';

describe('htmlToPlainText', () => {
  test.each([
    ['Gmail', '<div>Please keep the day centre.</div><div class="gmail_signature">Siân<br>07700 900123</div>'],
    ['Thunderbird', '<p>Please keep the day centre.</p><pre class="moz-signature">-- \nSiân</pre>'],
    ['Outlook', '<p>Please keep the day centre.</p><div id="Signature"><p>Siân Griffiths</p></div>'],
  ])('leaves out the signature block %s marks', (_client, html) => {
    expect(htmlToPlainText(html)).toBe('Please keep the day centre.');
  });

  test('keeps paragraphs, drops tags, scripts and images, keeps link text without the URL', () => {
    expect(
      htmlToPlainText('<p>One <a href="https://x.org">link</a></p><script>alert(1)</script><img src="x.png"><p>Two &amp; three</p>'),
    ).toBe('One link\n\nTwo & three');
  });
});
