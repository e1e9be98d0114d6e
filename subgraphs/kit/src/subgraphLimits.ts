import { type RateLimit, type RequestLimits, defaultRateLimit, defaultRequestLimits } from '@joined-up/core';

/** What one request to a subgraph may be, and how many one caller may make. */
export interface SubgraphLimits extends RequestLimits {
  /** Requests per caller (the token's subject), counted by this subgraph itself. */
  rateLimit: RateLimit;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
}

/**
 * A subgraph defends itself as the gateway does, with the same measures, but with room for what
 * the gateway sends it. The gateway forwards the caller's own token, so the subgraph counts the
 * same caller the gateway counts; one request through the gateway may make several calls to one
 * agency (a fetch, then `_entities` for what another agency answered), so the rate here is a few
 * times the gateway's. A query plan's fetch is no deeper than the operation plus `_entities`, has
 * the planner's aliases on top of the caller's, and carries key fields the caller did not write;
 * its cost is priced from the subgraph's own `@cost` and `@listSize`, `_entities` as a list of the
 * assumed length (the gateway priced the lists its representations came from). A direct caller
 * gets no more than that: not 800 aliases, not depth 241.
 */
export const defaultSubgraphLimits: SubgraphLimits = {
  maxDepth: defaultRequestLimits.maxDepth + 2,
  maxAliases: defaultRequestLimits.maxAliases * 2,
  maxDirectives: defaultRequestLimits.maxDirectives * 2,
  maxCost: defaultRequestLimits.maxCost * 10,
  assumedListSize: defaultRequestLimits.assumedListSize,
  maxTokens: defaultRequestLimits.maxTokens * 4,
  maxBatchSize: 0,
  rateLimit: { limit: defaultRateLimit.limit * 4, windowSeconds: defaultRateLimit.windowSeconds },
  maxBodyBytes: 1_000_000,
};
