import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { expectGolden } from '../helpers/golden.js';
import { listFixtureCases, readFileItems } from '../helpers/read-fixture.js';

const cases = listFixtureCases('adapters');

describe('adapter fixtures: each fixtures/adapters/<format>/<case>/input.* reads to its expected.json', () => {
  test('there are fixture cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  test.each(cases.map((fixture) => [fixture.name, fixture] as const))('%s', async (_name, fixture) => {
    expect(existsSync(join(fixture.dir, 'README.md'))).toBe(true);
    const result = await readFileItems(join(fixture.dir, fixture.inputName), { displayPath: fixture.inputName, ...fixture.options });
    expectGolden(join(fixture.dir, 'expected.json'), `${JSON.stringify(result, null, 2)}\n`);
  });
});
