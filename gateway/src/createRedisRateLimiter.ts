import { createClient } from 'redis';
import { type Logger, type RateLimit, type RateLimiter, rateLimitDecision } from '@joined-up/core';

export interface RedisRateLimiterOptions extends RateLimit {
  url: string;
  /** Prefix of every key, so limiters (and tests) sharing a Redis stay apart. */
  keyPrefix: string;
  logger: Logger;
}

/**
 * The fixed-window rate limiter in Redis, shared by every gateway replica. One atomic MULTI per
 * request: create the caller's counter with the window's expiry if there is none, count, read
 * the time left. Redis's own clock times the window, so replicas' clocks do not matter.
 *
 * Start-up fails when Redis cannot be reached, so a wrong GATEWAY_REDIS_URL is found at once.
 * Once running, an unreachable Redis lets requests through (and logs it): losing the rate limit
 * for a while is better than refusing every clinician in the area.
 */
export async function createRedisRateLimiter(options: RedisRateLimiterOptions): Promise<RateLimiter> {
  const rateLimit = { limit: options.limit, windowSeconds: options.windowSeconds };
  const windowMs = options.windowSeconds * 1000;
  const where = new URL(options.url).host;
  let everConnected = false;
  const client = createClient({
    url: options.url,
    // Fail a command at once while disconnected, rather than queueing the request behind it.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries, cause) =>
        !everConnected && retries >= 3 ? cause : Math.min(100 * 2 ** retries, 2_000),
    },
  });
  client.on('ready', () => {
    everConnected = true;
  });
  client.on('error', (error: unknown) =>
    options.logger.warn({ err: error, redis: where }, 'rate limiter: Redis connection problem'),
  );
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`The rate limiter cannot reach Redis at ${where} (GATEWAY_REDIS_URL).`, { cause: error });
  }
  return {
    async hit(key) {
      const redisKey = options.keyPrefix + key;
      try {
        const [, count, msLeft] = await client
          .multi()
          .set(redisKey, '0', { condition: 'NX', expiration: { type: 'PX', value: windowMs } })
          .incr(redisKey)
          .pTTL(redisKey)
          .exec();
        return rateLimitDecision(rateLimit, Number(count), Number(msLeft));
      } catch (error) {
        options.logger.error({ err: error, redis: where }, 'rate limiter: Redis unavailable; request let through');
        return rateLimitDecision(rateLimit, 0, windowMs);
      }
    },
    async close() {
      if (client.isOpen) await client.close();
    },
  };
}
