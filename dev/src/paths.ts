import { fileURLToPath } from 'node:url';

/** The repository root, so commands behave the same from any working directory. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The git-ignored folder for development databases and the development signing key. */
export const dataDir = fileURLToPath(new URL('../../.data/', import.meta.url));
export const signingKeyPath = `${dataDir}identity/signing-key.json`;
