import type { Caller } from './Caller.ts';
import type { TokenVerifier } from './createTokenVerifier.ts';
import { decodeJwt } from 'jose';

export interface VerifiedTokenCacheOptions {
  /** Most tokens remembered; the least recently used is forgotten first. @default 10_000 */
  maxEntries?: number;
  /** Longest a verification is relied on before the token is verified again. @default 60_000 */
  maxAgeMs?: number;
  /** The clock, for tests. @default Date.now */
  now?: () => number;
}

/**
 * Remembers the callers of tokens that `verify` accepted, so a client sending the same token on
 * every request costs one signature check a minute instead of one a request (an RSA
 * verification is the largest single cost of a small query). Only a verified token is ever
 * remembered, under its exact Authorization header, and never past its own expiry; a refused
 * token is checked afresh every time. Re-verifying at least every `maxAgeMs` means a key the
 * issuer withdraws stops being honoured as soon as the verifier itself stops honouring it.
 */
export function cacheVerifiedTokens(verify: TokenVerifier, options: VerifiedTokenCacheOptions = {}): TokenVerifier {
  const maxEntries = options.maxEntries ?? 10_000;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order: moving an entry to the end on each use makes the first the least recently used.
  const verified = new Map<string, { caller: Caller; until: number }>();
  return async (authorization) => {
    if (authorization === undefined) return verify(authorization);
    const at = now();
    const remembered = verified.get(authorization);
    if (remembered) {
      verified.delete(authorization);
      if (at < remembered.until) {
        verified.set(authorization, remembered);
        return remembered.caller;
      }
    }
    const caller = await verify(authorization);
    // The verifier has required and checked `exp`: the token is good until then, and not at that second.
    const expiresAt = (decodeJwt(caller.token).exp ?? 0) * 1000;
    verified.set(authorization, { caller, until: Math.min(expiresAt, at + maxAgeMs) });
    if (verified.size > maxEntries) verified.delete(verified.keys().next().value as string);
    return caller;
  };
}
