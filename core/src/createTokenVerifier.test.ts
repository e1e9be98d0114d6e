import { badTokens, startIdentityProvider, type TestIdentityProvider } from '@joined-up/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, type TokenVerifier } from './createTokenVerifier.ts';

describe('createTokenVerifier', () => {
  let idp: TestIdentityProvider;
  let verify: TokenVerifier;
  beforeAll(async () => {
    idp = await startIdentityProvider();
    verify = createTokenVerifier(idp.identity);
  });
  afterAll(async () => idp?.stop());

  it('turns a valid token into a caller with role, organisation and the person acted for', async () => {
    const token = await idp.tokenFor('carer');
    expect(await verify(`Bearer ${token}`)).toEqual({
      subject: 'citizen-margaret',
      name: 'Margaret Taylor',
      role: 'carer',
      organisation: { code: 'CITIZEN', name: 'Citizen access', sector: 'citizen' },
      actsFor: '9990000018',
      scopes: ['record:read:own', 'record:consent:own'],
      purpose: 'direct-care',
      token,
    });
  });

  it('refuses a missing or malformed header', async () => {
    for (const header of [undefined, '', 'Basic abc', 'Bearer']) {
      await expect(verify(header)).rejects.toMatchObject({
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    }
  });

  it('refuses every defective token with a reason', async () => {
    const reasons: Record<string, string> = {};
    for (const [defect, token] of Object.entries(await badTokens(idp.key))) {
      const error = await verify(`Bearer ${token}`).then(
        () => undefined,
        (caught: { message: string; extensions: { code: string } }) => caught,
      );
      expect(error?.extensions.code, defect).toBe('UNAUTHENTICATED');
      reasons[defect] = error?.message ?? '';
    }
    expect(reasons).toEqual({
      expired: 'The bearer token was refused: it has expired.',
      'wrong issuer': 'The bearer token was refused: its "iss" claim is not accepted.',
      'wrong audience': 'The bearer token was refused: its "aud" claim is not accepted.',
      'alg none': 'The bearer token was refused: its signing algorithm is not allowed.',
      'key not in the JWKS': 'The bearer token was refused: it is signed with a key the issuer does not publish.',
      'tampered claims': 'The bearer token was refused: its signature does not verify.',
      'not a JWT': 'The bearer token was refused: it is not a well-formed JWT.',
    });
  });
});
