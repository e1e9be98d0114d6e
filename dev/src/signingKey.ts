import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

/** The development identity provider's key: the private half signs, the public half is published. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** A new RS256 key pair, held in memory only. */
export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `dev-${crypto.randomUUID().slice(0, 8)}`;
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

/**
 * Loads the development key from `path`, creating it on first use, so that tokens printed by
 * `npm run token` verify against the identity provider started by `npm start`. The file lives in
 * the git-ignored data folder and is for development only.
 */
export async function loadOrCreateSigningKey(path: string): Promise<SigningKey> {
  if (existsSync(path)) {
    const stored = JSON.parse(readFileSync(path, 'utf8')) as { kid: string; privateJwk: JWK; publicJwk: JWK };
    return {
      kid: stored.kid,
      privateKey: (await importJWK(stored.privateJwk, 'RS256')) as CryptoKey,
      publicJwk: stored.publicJwk,
    };
  }
  const key = await generateSigningKey();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(
    path,
    JSON.stringify({ kid: key.kid, privateJwk: await exportJWK(key.privateKey), publicJwk: key.publicJwk }),
    { mode: 0o600 },
  );
  return key;
}
