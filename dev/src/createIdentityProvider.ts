import type { RequestListener } from 'node:http';
import { requestTargetOf, sendError, sendJson } from '@joined-up/core';
import { demoUsers, findDemoUser } from './demoUsers.ts';
import type { SigningKey } from './signingKey.ts';
import { signToken } from './signToken.ts';

export interface IdentityProviderOptions {
  issuer: string;
  audience: string;
  key: SigningKey;
}

/**
 * The development identity provider: publishes its JWKS and OpenID configuration and signs
 * tokens for the demo users. Production points subgraphs and gateway at a real OIDC issuer
 * instead (JOINED_UP_ISSUER, JOINED_UP_JWKS_URL); nothing else changes.
 */
export function createIdentityProvider(options: IdentityProviderOptions): RequestListener {
  return (request, response) => {
    // Read without `new URL()`, which throws on targets such as `//` and would end the process.
    const target = requestTargetOf(request.url);
    if (!target) return sendError(response, 'BAD_REQUEST', 'The request target is not a path.');
    const url = { pathname: target.pathname, searchParams: new URLSearchParams(target.search) };
    response.setHeader('access-control-allow-origin', '*');
    if (url.pathname === '/health') return sendJson(response, 200, { status: 'ok', service: 'identity' });
    if (url.pathname === '/.well-known/jwks.json') return sendJson(response, 200, { keys: [options.key.publicJwk] });
    if (url.pathname === '/.well-known/openid-configuration') {
      const base = `http://${request.headers.host ?? 'localhost'}`;
      return sendJson(response, 200, {
        issuer: options.issuer,
        jwks_uri: `${base}/.well-known/jwks.json`,
        token_endpoint: `${base}/token`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (url.pathname === '/users') {
      return sendJson(
        response,
        200,
        demoUsers.map(({ username, name, role, organisation, description }) => ({
          username,
          name,
          role,
          organisation: organisation.name,
          description,
        })),
      );
    }
    if (url.pathname === '/token') {
      const username = url.searchParams.get('user') ?? '';
      const user = findDemoUser(username);
      if (!user)
        return sendError(
          response,
          'BAD_USER_INPUT',
          `Unknown demo user "${username}". Known: ${demoUsers.map((u) => u.username).join(', ')}.`,
        );
      signToken(user, options.key, options)
        .then((token) => sendJson(response, 200, { access_token: token, token_type: 'Bearer', expires_in: 28_800 }))
        .catch(() => sendError(response, 'INTERNAL_SERVER_ERROR', 'Could not sign the token.'));
      return;
    }
    sendError(response, 'NOT_FOUND', `Nothing is served at ${url.pathname}.`);
  };
}
