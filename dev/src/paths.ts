import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Env } from '@joined-up/core';

/**
 * The git-ignored folder for development databases (one folder an agency) and the development
 * signing key; JOINED_UP_DATA_DIR moves it (to keep a large seeded population apart, say).
 */
export function dataDirOf(env: Env): string {
  return env['JOINED_UP_DATA_DIR'] || fileURLToPath(new URL('../../.data/', import.meta.url));
}

/** Where the development identity provider keeps its key: IDENTITY_KEY_PATH, or in the data folder. */
export function signingKeyPathOf(env: Env): string {
  return env['IDENTITY_KEY_PATH'] || join(dataDirOf(env), 'identity', 'signing-key.json');
}
