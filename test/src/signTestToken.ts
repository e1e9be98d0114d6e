import { findDemoUser, generateSigningKey, type SigningKey, signToken } from '@joined-up/dev';
import { SignJWT } from 'jose';
import { testAudience, testIssuer } from './startIdentityProvider.ts';

/** A valid token for a demo user, signed by the test identity provider's key. */
export async function signTestToken(key: SigningKey, username: string): Promise<string> {
  const user = findDemoUser(username);
  if (!user) throw new Error(`No demo user ${username}`);
  return signToken(user, key, { issuer: testIssuer, audience: testAudience });
}

/**
 * Tokens that must be refused, each named after what is wrong with it. All carry a real demo
 * user's claims, so only the named defect can be the reason for refusal.
 */
export async function badTokens(key: SigningKey): Promise<Record<string, string>> {
  const claims = {
    name: 'Dr Priya Shah',
    role: 'gp',
    organisation: { code: 'DEMOP1', name: 'Riverside Medical Centre', sector: 'health' },
  };
  const sign = (options: { issuer?: string; audience?: string; expires?: number | string; signingKey?: SigningKey }) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: (options.signingKey ?? key).kid })
      .setSubject('w-gp-shah')
      .setIssuer(options.issuer ?? testIssuer)
      .setAudience(options.audience ?? testAudience)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(options.expires ?? '1h')
      .sign((options.signingKey ?? key).privateKey);
  const valid = await signTestToken(key, 'gp');
  const [header, payload] = valid.split('.') as [string, string, string];
  const unsignedHeader = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  const tamperedPayload = Buffer.from(
    JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'privacy-officer' }),
  ).toString('base64url');
  return {
    expired: await sign({ expires: Math.floor(Date.now() / 1000) - 60 }),
    'wrong issuer': await sign({ issuer: 'https://evil.example' }),
    'wrong audience': await sign({ audience: 'another-service' }),
    'alg none': `${unsignedHeader}.${payload}.`,
    'key not in the JWKS': await sign({ signingKey: await generateSigningKey() }),
    'tampered claims': `${header}.${tamperedPayload}.${valid.split('.')[2]}`,
    'not a JWT': 'hello',
  };
}
