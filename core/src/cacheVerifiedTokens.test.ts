import type { Caller } from './Caller.ts';
import { createRequestError } from './errorCodes.ts';
import { describe, expect, it } from 'vitest';
import { cacheVerifiedTokens } from './cacheVerifiedTokens.ts';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token shaped like a JWT expiring at `exp` (seconds); the fake verifier below decides whether it is good. */
const tokenFor = (subject: string, exp: number) =>
  `${base64url({ alg: 'RS256' })}.${base64url({ sub: subject, exp })}.signature`;

/** A verifier that accepts tokens ending in ".signature" before their expiry on `clock`, counting its checks. */
function fakeVerifier(clock: { ms: number }) {
  const checked: string[] = [];
  const verify = async (authorization: string | undefined): Promise<Caller> => {
    const token = authorization?.replace(/^Bearer /, '') ?? '';
    checked.push(token);
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString() || '{}') as {
      sub?: string;
      exp?: number;
    };
    if (!token.endsWith('.signature') || !payload.sub)
      throw createRequestError('UNAUTHENTICATED', 'The bearer token was refused: its signature does not verify.');
    if ((payload.exp ?? 0) * 1000 <= clock.ms)
      throw createRequestError('UNAUTHENTICATED', 'The bearer token was refused: it has expired.');
    return {
      subject: payload.sub,
      name: payload.sub,
      role: 'gp',
      organisation: { code: 'X', name: 'X', sector: 'health' },
      actsFor: undefined,
      scopes: [],
      purpose: undefined,
      token,
    };
  };
  return { verify, checked };
}

describe('cacheVerifiedTokens', () => {
  it('verifies a token once and answers again from memory, with the same caller', async () => {
    const clock = { ms: 1_000_000 };
    const { verify, checked } = fakeVerifier(clock);
    const cached = cacheVerifiedTokens(verify, { now: () => clock.ms });
    const token = tokenFor('gp-1', 2_000);
    const first = await cached(`Bearer ${token}`);
    clock.ms += 10_000;
    expect(await cached(`Bearer ${token}`)).toBe(first);
    expect(first.subject).toBe('gp-1');
    expect(checked).toEqual([token]);
  });

  it('never remembers a refused token, nor a missing header', async () => {
    const clock = { ms: 1_000_000 };
    const { verify, checked } = fakeVerifier(clock);
    const cached = cacheVerifiedTokens(verify, { now: () => clock.ms });
    const forged = tokenFor('gp-1', 2_000).replace('.signature', '.forged');
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await expect(cached(`Bearer ${forged}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      await expect(cached(undefined)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    }
    expect(checked).toEqual([forged, '', forged, '']);
  });

  it('stops relying on a token when it expires, so the verifier refuses it then', async () => {
    const clock = { ms: 1_000_000 };
    const { verify, checked } = fakeVerifier(clock);
    const cached = cacheVerifiedTokens(verify, { now: () => clock.ms });
    const token = tokenFor('gp-1', 1_030);
    await cached(`Bearer ${token}`);
    clock.ms = 1_029_999;
    await cached(`Bearer ${token}`);
    clock.ms = 1_030_000;
    await expect(cached(`Bearer ${token}`)).rejects.toThrow('it has expired');
    expect(checked).toEqual([token, token]);
  });

  it('verifies a long-lived token again once maxAgeMs has passed', async () => {
    const clock = { ms: 1_000_000 };
    const { verify, checked } = fakeVerifier(clock);
    const cached = cacheVerifiedTokens(verify, { now: () => clock.ms, maxAgeMs: 60_000 });
    const token = tokenFor('gp-1', 100_000);
    await cached(`Bearer ${token}`);
    clock.ms += 59_999;
    await cached(`Bearer ${token}`);
    clock.ms += 1;
    await cached(`Bearer ${token}`);
    expect(checked).toEqual([token, token]);
  });

  it('holds at most maxEntries tokens, forgetting the least recently used', async () => {
    const clock = { ms: 1_000_000 };
    const { verify, checked } = fakeVerifier(clock);
    const cached = cacheVerifiedTokens(verify, { now: () => clock.ms, maxEntries: 2 });
    const [a, b, c] = ['a', 'b', 'c'].map((subject) => tokenFor(subject, 2_000));
    await cached(`Bearer ${a}`);
    await cached(`Bearer ${b}`);
    await cached(`Bearer ${a}`); // a is now the most recently used
    await cached(`Bearer ${c}`); // b is forgotten
    await cached(`Bearer ${a}`);
    await cached(`Bearer ${c}`);
    await cached(`Bearer ${b}`);
    expect(checked).toEqual([a, b, c, b]);
  });
});
