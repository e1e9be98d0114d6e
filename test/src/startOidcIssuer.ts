import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

/** A real OIDC issuer for tests: its own key pair, its key set served over HTTP as a provider serves it. */
export interface OidcIssuer {
  /** Its `iss`. */
  url: string;
  jwksUrl: string;
  /** Signs `claims` with its own key, as itself unless told to claim another issuer or audience. */
  sign(claims: JWTPayload, options?: { issuer?: string; audience?: string }): Promise<string>;
  stop(): Promise<void>;
}

export async function startOidcIssuer(name: string, audience: string): Promise<OidcIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = `${name}-key-1`;
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] });
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `https://${name}.example.nhs.uk`;
  return {
    url,
    jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
    sign: (claims, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid })
        .setIssuer(options.issuer ?? url)
        .setAudience(options.audience ?? audience)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A CIS2-style ID token's claims for Sam's GP: the user's role profiles, and which one they selected
 * at sign-in (a GP's at Riverside Medical Centre, DEMOP1). The subject is the one the demo agencies
 * recorded on Sam's care team; a real deployment records the CIS2 user id there.
 */
export const cis2StyleClaims = {
  sub: 'w-gp-shah',
  name: 'Dr Priya Shah',
  selected_roleid: '555021935107',
  nhsid_nrbac_roles: [
    { person_roleid: '555021935106', org_code: 'Y90001', role_code: 'S8002:G8003:R8008' },
    { person_roleid: '555021935107', org_code: 'DEMOP1', role_code: 'S8000:G8000:R8000' },
  ],
};

/** An NHS login-style ID token's claims for Sam: identity proved to P9, with his NHS number. */
export const nhsLoginStyleClaims = {
  sub: '49f470a1-cc52-49b7-beba-0f9cec937c46',
  given_name: 'Sam',
  family_name: 'Taylor',
  nhs_number: '9990000018',
  identity_proofing_level: 'P9',
};

/** What `JOINED_UP_STAFF_ROLES` says in these tests: CIS2 role codes and the partnership's roles. */
export const staffRoleCodes = 'S8000:G8000:R8000=gp,S8000:G8000:R8001=practice-nurse';
