import { createHash } from 'node:crypto';

/**
 * A short name for one supergraph: the first 12 hex digits of the SHA-256 of its SDL as the
 * source holds it (before the gateway's own rewriting), so an operator can compare it with
 * `sha256sum` of the file that was deployed.
 */
export function supergraphId(sdl: string): string {
  return createHash('sha256').update(sdl).digest('hex').slice(0, 12);
}
