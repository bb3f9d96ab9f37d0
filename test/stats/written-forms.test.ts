import { describe, expect, test } from '@jest/globals';
import { WrittenForms } from '../../src/stats/written-forms.js';

function noted(forms: readonly string[]): WrittenForms {
  const written = new WrittenForms();
  for (const form of forms) written.note('love', form);
  return written;
}

describe('WrittenForms', () => {
  test('a form written by more than half of the occurrences is kept, wherever it comes', () => {
    expect(noted(['loving', 'love', 'lovely', 'lovely', 'loved', 'lovely', 'lovely', 'lovely']).get('love')).toBe('lovely');
    expect(noted(['lovely', 'lovely', 'lovely', 'loving', 'loved']).get('love')).toBe('lovely');
  });

  test('one form is kept as it is; a key never noted, or forgotten, has none', () => {
    const written = noted(['loving']);
    expect(written.get('love')).toBe('loving');
    expect(written.get('care')).toBeUndefined();
    written.delete('love');
    expect(written.has('love')).toBe(false);
    expect(written.size).toBe(0);
  });
});
