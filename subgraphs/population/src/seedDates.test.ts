import { describe, expect, it } from 'vitest';
import { createRandom } from './createRandom.ts';
import { addMonths, randomDate } from './seedDates.ts';

describe('addMonths', () => {
  it('moves across year ends in both directions', () => {
    expect(addMonths('2025-11-17', 2)).toBe('2026-01-17');
    expect(addMonths('2026-05-12', 12)).toBe('2027-05-12');
    expect(addMonths('2026-01-28', -1)).toBe('2025-12-28');
    expect(addMonths('2026-03-01', -27)).toBe('2023-12-01');
  });
});

describe('randomDate', () => {
  it('gives valid ISO dates within the years and months asked', () => {
    const random = createRandom(7);
    for (let i = 0; i < 500; i += 1) {
      const date = randomDate(random, 2024, 2025, 10);
      expect(date).toMatch(/^202[45]-(0[1-9]|10)-(0[1-9]|1\d|2[0-8])$/);
      expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
    }
  });
});
