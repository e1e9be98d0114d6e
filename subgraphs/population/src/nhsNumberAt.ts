import { nhsCheckDigit } from '@joined-up/core';

/** Generated people take serials from here up; the story keeps the numbers below. */
export const firstGeneratedSerial = 101;

/**
 * Yields test-range NHS numbers (999 prefix) in order from `fromSerial`, skipping the stems
 * whose check digit would be 10 (about one in eleven). The 999 range holds about 909,000
 * valid numbers, which bounds the population.
 */
export function* testRangeNhsNumbers(fromSerial = firstGeneratedSerial): Generator<string> {
  for (let serial = fromSerial; serial <= 999_999; serial += 1) {
    const stem = `999${String(serial).padStart(6, '0')}`;
    const check = nhsCheckDigit(stem);
    if (check !== undefined) yield `${stem}${check}`;
  }
  throw new RangeError('The 999 test range has no more NHS numbers: use a smaller population.');
}
