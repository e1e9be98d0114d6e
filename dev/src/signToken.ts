import { SignJWT } from 'jose';
import type { DemoUser } from './demoUsers.ts';
import type { SigningKey } from './signingKey.ts';

export interface SignTokenOptions {
  issuer: string;
  audience: string;
  /** Lifetime in seconds. @default 28800 (a working day) */
  expiresIn?: number;
}

/** Signs an access token for a demo user with the claims the subgraphs' policies read. */
export async function signToken(user: DemoUser, key: SigningKey, options: SignTokenOptions): Promise<string> {
  const claims: Record<string, unknown> = {
    name: user.name,
    role: user.role,
    organisation: user.organisation,
    // People and their carers may read their own record and make its sharing decisions.
    scope: user.actsFor ? 'record:read:own record:consent:own' : 'record:read record:write',
    purpose: 'direct-care',
  };
  if (user.actsFor) claims['acts_for'] = user.actsFor;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setSubject(user.subject)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setJti(crypto.randomUUID())
    .setExpirationTime(`${options.expiresIn ?? 28_800}s`)
    .sign(key.privateKey);
}
