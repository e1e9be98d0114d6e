import { describe, expect, it } from 'vitest';
import { addDays } from './addDays.ts';

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-05-12', 3)).toBe('2026-05-15');
    expect(addDays('2025-12-30', 5)).toBe('2026-01-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });
});
