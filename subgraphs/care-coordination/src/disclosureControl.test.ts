import { describe, expect, it } from 'vitest';
import { disclosedCount, disclosedPercentile, disclosedShare } from './disclosureControl.ts';

describe('statistical disclosure control', () => {
  it('suppresses counts of 0 to 7 and rounds the rest to the nearest 5', () => {
    expect([0, 1, 5, 7].map(disclosedCount)).toEqual([null, null, null, null]);
    expect([8, 12, 13, 17, 18, 102, 103].map(disclosedCount)).toEqual([10, 10, 15, 15, 20, 100, 105]);
  });

  it('takes shares from published counts only, and none from a suppressed one', () => {
    expect(disclosedShare(disclosedCount(13), disclosedCount(22))).toBe(0.75);
    expect(disclosedShare(disclosedCount(7), disclosedCount(40))).toBeNull();
    expect(disclosedShare(disclosedCount(40), disclosedCount(7))).toBeNull();
    // Rounding can make a part pass its whole; a share is never more than all.
    expect(disclosedShare(disclosedCount(23), disclosedCount(22))).toBe(1);
  });

  it('gives percentiles in whole days over at least 20 published observations', () => {
    expect(disclosedPercentile(12.4, disclosedCount(17))).toBeNull();
    expect(disclosedPercentile(12.4, disclosedCount(18))).toBe(12);
    expect(disclosedPercentile(null, disclosedCount(40))).toBeNull();
  });
});
