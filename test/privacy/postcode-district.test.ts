import { describe, expect, test } from '@jest/globals';
import { postcodeDistrict } from '../../src/privacy/postcode-district.js';

describe('postcodeDistrict', () => {
  test.each([
    ['LS6 2AB', 'LS6'],
    ['ls6 2ab', 'LS6'],
    ['LS62AB', 'LS6'],
    ['  SW1A 1AA ', 'SW1A'],
    ['sw1a1aa', 'SW1A'],
    ['M1 1AE', 'M1'],
    ['EC1A-1BB', 'EC1A'],
    ['B33 8TH', 'B33'],
    ['CR2 6XH', 'CR2'],
    ['DN55 1PT', 'DN55'],
    ['GIR 0AA', 'GIR'],
    ['LS6', 'LS6'],
    ['ls6 2', 'LS6'],
  ])('%p is kept as its district %p', (value, district) => {
    expect(postcodeDistrict(value)).toBe(district);
  });

  test.each([
    '',
    '90210',
    '75001',
    'D02 X285',
    'K1A 0B1',
    'LS6 2AB, Headingley',
    'Headingley',
    'Prefer not to say',
    'QQ1 1AA',
    'LS6 2AB LS6 2AB',
  ])('%p is no UK postcode and is not kept', (value) => {
    expect(postcodeDistrict(value)).toBeNull();
  });

  test('a long run of spaces and letters is read in linear time', () => {
    const started = process.hrtime.bigint();
    expect(postcodeDistrict(`LS6${' '.repeat(100_000)}2AB`)).toBeNull();
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(500);
  });
});
