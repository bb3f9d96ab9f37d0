import { describe, expect, test } from '@jest/globals';
import { containsEmailAddress, redactAddresses, redactedName } from '../../src/text/redact-addresses.js';

describe('redactAddresses', () => {
  test('replaces every e-mail address and each known address, keeping the words around them', () => {
    expect(redactAddresses('Mail jo.r+care@example.co.uk or JO@EXAMPLE.NET; my IP was 203.0.113.7.', ['203.0.113.7'])).toBe(
      'Mail [email] or [email]; my IP was [address].',
    );
  });

  test('leaves text without addresses alone, and ignores empty or tiny known values', () => {
    expect(redactAddresses('Version 1.2.3 at 10:30 @ the hall', ['', ' ', '1'])).toBe('Version 1.2.3 at 10:30 @ the hall');
  });

  test('containsEmailAddress finds addresses anywhere', () => {
    expect(containsEmailAddress('write to a@b.org')).toBe(true);
    expect(containsEmailAddress('@handle and user@localhost')).toBe(false);
  });
});

describe('redactedName', () => {
  test('keeps a plain name, trimmed', () => {
    expect(redactedName('  Jo   Bloggs ')).toBe('Jo Bloggs');
    expect(redactedName('Γιάννης')).toBe('Γιάννης');
  });

  test('drops an address and its brackets from a name, or the whole name when nothing else is left', () => {
    expect(redactedName('Anne L. <anne@example.org>')).toBe('Anne L.');
    expect(redactedName('Sam (sam@example.org)')).toBe('Sam');
    expect(redactedName('m.jones@example.org')).toBeNull();
    expect(redactedName('10.0.0.8', ['10.0.0.8'])).toBeNull();
    expect(redactedName('   ')).toBeNull();
    expect(redactedName(null)).toBeNull();
  });
});
