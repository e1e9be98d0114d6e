import { createError } from './errorCodes.ts';

/**
 * True when `value` is a valid NHS number: ten digits whose last is the Modulus 11 check digit
 * over the first nine (weights 10 down to 2; 11 minus the remainder; 11 means 0; 10 is invalid).
 */
export function isValidNhsNumber(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  return nhsCheckDigit(value.slice(0, 9)) === Number(value[9]);
}

/** The check digit for nine digits, or undefined when no check digit exists (remainder gives 10). */
export function nhsCheckDigit(firstNine: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(firstNine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return undefined;
  return check;
}

/**
 * Returns the NHS number with spaces removed (people write "943 476 5919"), or throws
 * BAD_USER_INPUT naming the argument it came from.
 */
export function requireNhsNumber(value: unknown, argumentName: string): string {
  const text = typeof value === 'string' ? value.replace(/\s+/g, '') : '';
  if (!isValidNhsNumber(text)) {
    throw createError(
      'BAD_USER_INPUT',
      `Argument "${argumentName}" is not a valid NHS number: it ` +
        `must be 10 digits with a correct Modulus 11 check digit.`,
      { argumentName },
    );
  }
  return text;
}
