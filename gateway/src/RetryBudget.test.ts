import { describe, expect, it } from 'vitest';
import { RetryBudget } from './RetryBudget.ts';

describe('RetryBudget', () => {
  it('allows retries up to the ratio of recent calls plus the floor, and forgets old calls', () => {
    let now = 0;
    const budget = new RetryBudget({ ratio: 0.2, minPerSecond: 0.1, windowMs: 10_000 }, () => now);
    for (let call = 0; call < 10; call += 1) budget.recordCall();
    // 10 calls × 0.2 + 0.1/s × 10 s = 3 retries.
    expect([1, 2, 3, 4].map(() => budget.tryRetry())).toEqual([true, true, true, false]);
    now = 10_001;
    expect(budget.tryRetry()).toBe(true);
    expect(budget.tryRetry()).toBe(false);
  });
});
