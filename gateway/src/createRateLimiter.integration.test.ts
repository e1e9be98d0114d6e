import { randomUUID } from 'node:crypto';
import { createLogger } from '@joined-up/core';
import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from './createRateLimiter.ts';

// The machine's Redis, as the integration tests use its PostgreSQL.
const redisUrl = process.env['JOINED_UP_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const keyPrefix = `joined-up-test:${randomUUID()}:`;
const logger = createLogger('rate-limiter-test', 'silent');

describe('createRateLimiter in Redis', () => {
  const admin = createClient({ url: redisUrl });
  afterAll(async () => {
    if (!admin.isOpen) await admin.connect();
    const keys = await admin.keys(`${keyPrefix}*`);
    if (keys.length > 0) await admin.del(keys);
    await admin.close();
  });

  it('shares one window per caller between gateway replicas, timed by Redis', async () => {
    const replicas = await Promise.all(
      [1, 2].map(() => createRateLimiter({ limit: 3, windowSeconds: 30, redisUrl, keyPrefix, logger })),
    );
    const [first, second] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const decisions = [await first.hit('gp'), await second.hit('gp'), await first.hit('gp'), await second.hit('gp')];
    expect(decisions.map((decision) => [decision.allowed, decision.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(decisions[3]?.retryAfterSeconds).toBeGreaterThan(25);
    expect(decisions[3]?.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(await second.hit('social-worker')).toMatchObject({ allowed: true, remaining: 2 });
    await admin.connect();
    // The counter expires with its window, so Redis keeps nothing about a caller who has gone.
    expect(await admin.pTTL(`${keyPrefix}gp`)).toBeGreaterThan(25_000);
    await Promise.all(replicas.map((replica) => replica.close()));
  });

  it('starts a new window when the old one expires', async () => {
    const limiter = await createRateLimiter({ limit: 1, windowSeconds: 1, redisUrl, keyPrefix, logger });
    expect((await limiter.hit('carer')).allowed).toBe(true);
    expect((await limiter.hit('carer')).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await limiter.hit('carer')).allowed).toBe(true);
    await limiter.close();
  });

  it('lets requests through when Redis goes away after start-up', async () => {
    const limiter = await createRateLimiter({ limit: 1, windowSeconds: 30, redisUrl, keyPrefix, logger });
    await limiter.close();
    expect(await limiter.hit('sam')).toMatchObject({ allowed: true });
  });

  it('refuses to start when Redis cannot be reached', async () => {
    await expect(
      createRateLimiter({ limit: 1, windowSeconds: 30, redisUrl: 'redis://127.0.0.1:9', keyPrefix, logger }),
    ).rejects.toThrow('The rate limiter cannot reach Redis at 127.0.0.1:9 (GATEWAY_REDIS_URL).');
  });
});
