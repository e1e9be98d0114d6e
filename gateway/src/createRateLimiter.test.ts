import { createLogger, rateLimitedError } from '@joined-up/core';
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './createRateLimiter.ts';

const logger = createLogger('rate-limiter-test', 'silent');

describe('createRateLimiter in memory', () => {
  it('allows `limit` requests per caller per window, then says when to retry', async () => {
    let now = 1_000_000;
    const limiter = await createRateLimiter({ limit: 3, windowSeconds: 10, logger, now: () => now });
    const allowed = [];
    for (let request = 0; request < 3; request += 1) allowed.push((await limiter.hit('gp')).allowed);
    expect(allowed).toEqual([true, true, true]);
    now += 2_500;
    expect(await limiter.hit('gp')).toEqual({
      allowed: false,
      limit: 3,
      windowSeconds: 10,
      remaining: 0,
      retryAfterSeconds: 8,
    });
    // Another caller has a window of their own.
    expect(await limiter.hit('social-worker')).toEqual({
      allowed: true,
      limit: 3,
      windowSeconds: 10,
      remaining: 2,
      retryAfterSeconds: 10,
    });
    // A new window starts once the old one has ended.
    now += 7_500;
    expect(await limiter.hit('gp')).toMatchObject({ allowed: true, remaining: 2, retryAfterSeconds: 10 });
    await limiter.close();
  });
});

describe('rateLimitedError', () => {
  it('is RATE_LIMITED with HTTP 429 and a Retry-After header', () => {
    const error = rateLimitedError({ allowed: false, limit: 3, windowSeconds: 10, remaining: 0, retryAfterSeconds: 8 });
    expect(error.message).toBe('Too many requests: at most 3 every 10 seconds. Try again in 8 seconds.');
    // Through unknown: libraries that augment GraphQLErrorExtensions (Hive's, in the benchmark) type `http`
    // differently.
    const { http, ...extensions } = error.extensions as unknown as {
      http: { status: number; headers: Map<string, string> };
    };
    expect(extensions).toEqual({ code: 'RATE_LIMITED', limit: 3, windowSeconds: 10, retryAfterSeconds: 8 });
    expect(http.status).toBe(429);
    expect([...http.headers]).toEqual([['retry-after', '8']]);
  });
});
