import { describe, expect, it } from 'vitest';
import { isValidNhsNumber, nhsCheckDigit, requireNhsNumber } from './nhsNumber.ts';

describe('NHS number validation', () => {
  it('accepts the known valid examples', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9000000009')).toBe(true);
    expect(isValidNhsNumber('9990000018')).toBe(true);
  });

  it('rejects a wrong check digit, wrong length and non-digits', () => {
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
    expect(isValidNhsNumber('94347659190')).toBe(false);
    expect(isValidNhsNumber('94347x5919')).toBe(false);
    expect(isValidNhsNumber('')).toBe(false);
  });

  it('computes check digits, with remainder 1 meaning no valid number', () => {
    expect(nhsCheckDigit('000000000')).toBe(0); // 11 - 0 = 11, which means 0
    expect(nhsCheckDigit('000000001')).toBe(9); // 1 x 2 = 2, 11 - 2 = 9
    expect(nhsCheckDigit('000000006')).toBeUndefined(); // 6 x 2 = 12, remainder 1, 11 - 1 = 10
    expect(isValidNhsNumber('0000000060')).toBe(false);
  });

  it('strips spaces and names the argument on failure', () => {
    expect(requireNhsNumber('943 476 5919', 'nhsNumber')).toBe('9434765919');
    expect(() => requireNhsNumber('1234567890', 'nhsNumber')).toThrowError(
      /Argument "nhsNumber" is not a valid NHS number/,
    );
    try {
      requireNhsNumber(42, 'subject');
    } catch (error) {
      expect((error as { extensions: Record<string, unknown> }).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argumentName: 'subject',
      });
    }
  });
});
