import { createIdentityProvider, findDemoUser, generateSigningKey, signToken, type SigningKey } from '@joined-up/dev';
import { type IdentityConfig, listen, type RunningServer } from '@joined-up/core';

/** A development identity provider on a free port, with a fresh key, for one test file. */
export interface TestIdentityProvider extends RunningServer {
  identity: IdentityConfig;
  key: SigningKey;
  /** A valid token for a demo user (gp, sam, carer, ...). */
  tokenFor(username: string): Promise<string>;
}

export const testIssuer = 'https://identity.joined-up.dev';
export const testAudience = 'joined-up';

export async function startIdentityProvider(): Promise<TestIdentityProvider> {
  const key = await generateSigningKey();
  const running = await listen(createIdentityProvider({ issuer: testIssuer, audience: testAudience, key }), 0, '/');
  const identity = {
    issuer: testIssuer,
    audience: testAudience,
    jwksUrl: `http://localhost:${running.port}/.well-known/jwks.json`,
  };
  return {
    ...running,
    identity,
    key,
    tokenFor: async (username) => {
      const user = findDemoUser(username);
      if (!user) throw new Error(`No demo user ${username}`);
      return signToken(user, key, identity);
    },
  };
}
