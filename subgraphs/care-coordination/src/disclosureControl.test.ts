import { describe, expect, it } from 'vitest';
import {
  disclosedCount,
  disclosedPercentile,
  disclosedShare,
  disclosureControl,
  laplaceNoise,
} from './disclosureControl.ts';

/** No noise: NHS England's rounding and suppression alone. */
const none = () => 0;
const exactly = (count: number) => disclosedCount(count, none);

/**
 * The differencing attack, many times over: a reader publishes a count, adds one person who has
 * the property counted or not (even odds), publishes again, and judges from the difference alone.
 * Returns, for each difference seen often enough to judge by, how sure it makes the reader that
 * the person has the property.
 */
function certaintyAfterDifference(publish: (count: number) => number | null, trials = 100_000): number[] {
  const seen = new Map<string, { has: number; all: number }>();
  for (let trial = 0; trial < trials; trial += 1) {
    const count = trial % 60;
    const has = trial % 2 === 0;
    const before = publish(count);
    const after = publish(count + (has ? 1 : 0));
    // What the reader sees: the difference, or a figure passing in or out of suppression.
    const key = before === null || after === null ? `${before} to ${after}` : String(after - before);
    const entry = seen.get(key) ?? { has: 0, all: 0 };
    seen.set(key, { has: entry.has + (has ? 1 : 0), all: entry.all + 1 });
  }
  return [...seen.values()]
    .filter((entry) => entry.all >= trials / 200)
    .map((entry) => Math.max(entry.has, entry.all - entry.has) / entry.all);
}

describe('statistical disclosure control', () => {
  it('suppresses counts of 0 to 7 and rounds the rest to the nearest 5', () => {
    expect([0, 1, 5, 7].map(exactly)).toEqual([null, null, null, null]);
    expect([8, 12, 13, 17, 18, 102, 103].map(exactly)).toEqual([10, 10, 15, 15, 20, 100, 105]);
  });

  it('takes shares from published counts only, and none from a suppressed one', () => {
    expect(disclosedShare(exactly(13), exactly(22))).toBe(0.75);
    expect(disclosedShare(exactly(7), exactly(40))).toBeNull();
    expect(disclosedShare(exactly(40), exactly(7))).toBeNull();
    // Rounding can make a part pass its whole; a share is never more than all.
    expect(disclosedShare(exactly(23), exactly(22))).toBe(1);
  });

  it('gives percentiles in whole days over at least 20 published observations, never below 0', () => {
    expect(disclosedPercentile(12.4, exactly(17), none)).toBeNull();
    expect(disclosedPercentile(12.4, exactly(18), none)).toBe(12);
    expect(disclosedPercentile(null, exactly(40), none)).toBeNull();
    expect(disclosedPercentile(0.2, exactly(40), () => -3)).toBe(0);
  });

  it('draws Laplace noise of the declared scale, centred on nothing', () => {
    const draws = Array.from({ length: 50_000 }, () => laplaceNoise(disclosureControl.countNoise));
    const mean = draws.reduce((sum, draw) => sum + draw, 0) / draws.length;
    const meanDistance = draws.reduce((sum, draw) => sum + Math.abs(draw), 0) / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.1);
    // A Laplace distribution's mean distance from its centre is its scale.
    expect(meanDistance).toBeGreaterThan(disclosureControl.countNoise * 0.95);
    expect(meanDistance).toBeLessThan(disclosureControl.countNoise * 1.05);
    expect(laplaceNoise(2, () => 0.5)).toBeCloseTo(0);
    expect(laplaceNoise(2, () => 0.75)).toBeCloseTo(-2 * Math.log(0.5));
  });

  it('lets no difference between two publications a person apart make a reader sure of them', () => {
    // Rounding alone: one difference in five (a count crossing a boundary) is certain proof.
    expect(Math.max(...certaintyAfterDifference(exactly))).toBe(1);
    // With each publication's own noise, the surest any difference makes the reader is about 58 in
    // 100, against the 50 they knew before: a move happens as often without the person as with them.
    expect(Math.max(...certaintyAfterDifference((count) => disclosedCount(count)))).toBeLessThan(0.62);
  });
});
