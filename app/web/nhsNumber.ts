/** Whether a string is a valid NHS number: ten digits, the last a Modulus 11 check digit. */
export function isValidNhsNumber(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const total = digits.slice(0, 9).reduce((sum, digit, index) => sum + digit * (10 - index), 0);
  const check = 11 - (total % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === digits[9];
}
