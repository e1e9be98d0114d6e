import { type RateLimit, type RateLimiter, rateLimitDecision } from './RateLimiter.ts';

/**
 * A per-key fixed-window rate limiter counted in this process's memory: the gateway's when it has
 * no Redis, and every subgraph's own, which needs no shared store because each replica defending
 * itself is enough to bound what one caller can take from it.
 */
export function createMemoryRateLimiter(rateLimit: RateLimit, now: () => number = Date.now): RateLimiter {
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
