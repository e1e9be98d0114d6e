import { describe, expect, it } from 'vitest';
import { isUniqueViolation } from './isUniqueViolation.ts';

describe('isUniqueViolation', () => {
  it('finds SQLSTATE 23505 however deep the driver wrapped it, and nothing else', () => {
    const driver = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    expect(isUniqueViolation(driver)).toBe(true);
    expect(isUniqueViolation(new Error('Failed query', { cause: new Error('wrapped', { cause: driver }) }))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error('foreign key'), { code: '23503' }))).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
  });
});
