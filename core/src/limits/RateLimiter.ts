import { HeaderMap } from '@apollo/server';
import { createRequestError } from '../errorCodes.ts';
import type { GraphQLError } from 'graphql';

/** A fixed window per caller: at most `limit` requests in `windowSeconds` from the first. */
export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

/** 300 requests a minute per caller: far above a person's use of a client app, far below a runaway script's. */
export const defaultRateLimit: RateLimit = { limit: 300, windowSeconds: 60 };

/**
 * 30 requests a minute from one address with no or bad credentials: a person mistyping or a client
 * whose token expired stays well under it, and someone guessing or replaying tokens is slowed.
 */
export const defaultUnauthenticatedRateLimit: RateLimit = { limit: 30, windowSeconds: 60 };

/** The verdict on one request. */
export interface RateLimitDecision extends RateLimit {
  allowed: boolean;
  /** Requests left in the current window. */
  remaining: number;
  /** Seconds until the current window ends (at least 1). */
  retryAfterSeconds: number;
}

/** Counts requests per key (the verified caller's subject); shared by every replica when backed by Redis. */
export interface RateLimiter {
  /** Counts one request for `key` and decides whether it may go on. */
  hit(key: string): Promise<RateLimitDecision>;
  close(): Promise<void>;
}

/** The decision for the `count`th request of a window that ends in `msLeft` milliseconds. */
export function rateLimitDecision(rateLimit: RateLimit, count: number, msLeft: number): RateLimitDecision {
  return {
    ...rateLimit,
    allowed: count <= rateLimit.limit,
    remaining: Math.max(0, rateLimit.limit - count),
    retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)),
  };
}

/**
 * HTTP 429 RATE_LIMITED, with a Retry-After header (Apollo sends `extensions.http.headers` and strips them from the
 * body).
 */
export function rateLimitedError(decision: RateLimitDecision, what = 'requests'): GraphQLError {
  const error = createRequestError(
    'RATE_LIMITED',
    `Too many ${what}: at most ${decision.limit} every ` +
      `${decision.windowSeconds} seconds. Try again in ` +
      `${decision.retryAfterSeconds} seconds.`,
    { limit: decision.limit, windowSeconds: decision.windowSeconds, retryAfterSeconds: decision.retryAfterSeconds },
  );
  Object.assign(error.extensions['http'] as object, {
    headers: new HeaderMap([['retry-after', String(decision.retryAfterSeconds)]]),
  });
  return error;
}
