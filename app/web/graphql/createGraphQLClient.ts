import { cacheExchange, Client, fetchExchange } from '@urql/core';
import { getSession } from '../auth/session.ts';

/** The bearer token header for the signed-in user, with any extra headers an operation adds. */
export function authorisedHeaders(extra: Record<string, string> = {}): Record<string, string> {
  const session = getSession();
  return { ...(session ? { authorization: `Bearer ${session.token}` } : {}), ...extra };
}

/**
 * urql over the gateway. Every operation is a registered one sent by id (see registered.ts), by
 * POST: the gateway's CSRF protection refuses a GET without a preflight header.
 */
export function createGraphQLClient(gatewayUrl: string): Client {
  return new Client({
    url: gatewayUrl,
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
    // A record changes under other people's hands: show what is known at once, then fresh.
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({ headers: authorisedHeaders() }),
  });
}
