import { createMemoryRateLimiter, type Logger, type RateLimit, type RateLimiter } from '@joined-up/core';

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
