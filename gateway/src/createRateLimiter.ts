import { createMemoryRateLimiter, type Logger, type RateLimit, type RateLimiter } from '@joined-up/core';
import { createRedisRateLimiter } from './createRedisRateLimiter.ts';

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
  if (options.redisUrl)
    return createRedisRateLimiter({
      ...rateLimit,
      url: options.redisUrl,
      keyPrefix: options.keyPrefix ?? 'joined-up:rate:',
      logger: options.logger,
    });
  return createMemoryRateLimiter(rateLimit, options.now ?? Date.now);
}
