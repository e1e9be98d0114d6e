import * as oauth from 'oauth4webapi';
import type { OidcSignIn } from '../../src/AppClientConfig.ts';
import { type Session, sessionFromToken } from './session.ts';

// Only what must survive the redirect to the issuer and back: the PKCE verifier, the state and
// where to return. The token never does.
const pendingKey = 'joined-up.oidc-pending';

const callbackPath = '/callback';

async function discover(config: OidcSignIn): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(config.issuer);
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc' }));
}

/** Sends the browser to the issuer to sign in (authorisation code with PKCE). */
export async function startOidcSignIn(config: OidcSignIn, returnTo: string): Promise<void> {
  const server = await discover(config);
  if (!server.authorization_endpoint) throw new Error('The issuer publishes no authorization_endpoint.');
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  sessionStorage.setItem(pendingKey, JSON.stringify({ verifier, state, returnTo }));
  const url = new URL(server.authorization_endpoint);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', new URL(callbackPath, window.location.origin).href);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', config.scope ?? 'openid');
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  if (config.audience) url.searchParams.set('audience', config.audience);
  window.location.assign(url.href);
}

/** Whether this page load is the issuer sending the browser back. */
export function isOidcCallback(): boolean {
  return window.location.pathname === callbackPath;
}

/**
 * Exchanges the code the issuer sent back for tokens, then takes the code out of the address
 * bar and returns to the page sign-in started from.
 */
export async function completeOidcSignIn(config: OidcSignIn): Promise<{ session: Session; returnTo: string }> {
  const pending = JSON.parse(sessionStorage.getItem(pendingKey) ?? 'null') as {
    verifier: string;
    state: string;
    returnTo: string;
  } | null;
  sessionStorage.removeItem(pendingKey);
  if (!pending) throw new Error('This sign-in was not started from this tab: sign in again.');
  const server = await discover(config);
  const client: oauth.Client = { client_id: config.clientId };
  const parameters = oauth.validateAuthResponse(server, client, new URL(window.location.href), pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    server,
    client,
    oauth.None(),
    parameters,
    new URL(callbackPath, window.location.origin).href,
    pending.verifier,
  );
  const result = await oauth.processAuthorizationCodeResponse(server, client, response);
  return { session: sessionFromToken(result.access_token), returnTo: pending.returnTo };
}
