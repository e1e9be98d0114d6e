import type { Logger } from '@joined-up/core';
import { type RateLimit, type RateLimiter, rateLimitDecision } from './RateLimiter.ts';

export interface RateLimiterOptions extends RateLimit {
  /** Redis shared by every gateway replica; undefined counts in this process's memory. */
  redisUrl?: string | undefined;
  /** Prefix of the Redis keys. @default "joined-up:rate:" */
  keyPrefix?: string;
  logger: Logger;
  /** The clock, for tests. @default Date.now */
  now?: () => number;
}

/** A per-caller fixed-window rate limiter: in memory, or in Redis when `redisUrl` is given. */
export async function createRateLimiter(options: RateLimiterOptions): Promise<RateLimiter> {
  const rateLimit = { limit: options.limit, windowSeconds: options.windowSeconds };
  if (options.redisUrl) {
    // Loaded only when asked for: the Redis client costs a gateway without it about 20 MiB.
    const { createRedisRateLimiter } = await import('./createRedisRateLimiter.ts');
    return createRedisRateLimiter({
      ...rateLimit,
      url: options.redisUrl,
      keyPrefix: options.keyPrefix ?? 'joined-up:rate:',
      logger: options.logger,
    });
  }
  return createMemoryRateLimiter(rateLimit, options.now ?? Date.now);
}

function createMemoryRateLimiter(rateLimit: RateLimit, now: () => number): RateLimiter {
  const windowMs = rateLimit.windowSeconds * 1000;
  const windows = new Map<string, { count: number; endsAt: number }>();
  let nextSweep = now() + windowMs;
  return {
    async hit(key) {
      const at = now();
      // Forget ended windows once per window length, so callers who left cost no memory.
      if (at >= nextSweep) {
        for (const [other, window] of windows) if (window.endsAt <= at) windows.delete(other);
        nextSweep = at + windowMs;
      }
      let window = windows.get(key);
      if (!window || window.endsAt <= at) {
        window = { count: 0, endsAt: at + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return rateLimitDecision(rateLimit, window.count, window.endsAt - at);
    },
    async close() {
      windows.clear();
    },
  };
}
