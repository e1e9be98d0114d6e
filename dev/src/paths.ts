import { fileURLToPath } from 'node:url';

/**
 * The git-ignored folder for development databases and the development signing key;
 * JOINED_UP_DATA_DIR moves it (to keep a large seeded population apart, say).
 */
export const dataDir =
  process.env['JOINED_UP_DATA_DIR']?.replace(/\/?$/, '/') ?? fileURLToPath(new URL('../../.data/', import.meta.url));
export const signingKeyPath = `${dataDir}identity/signing-key.json`;
