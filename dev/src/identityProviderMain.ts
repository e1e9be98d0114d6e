import { listen } from '@joined-up/core';
import { createIdentityProvider } from './createIdentityProvider.ts';
import { loadIdentityProviderConfig } from './loadIdentityProviderConfig.ts';
import { signingKeyPathOf } from './paths.ts';
import { loadOrCreateSigningKey } from './signingKey.ts';

// The development identity provider as its own process (docker-compose runs it this way).
let config;
try {
  config = loadIdentityProviderConfig(process.env, signingKeyPathOf({ ...process.env, IDENTITY_KEY_PATH: undefined }));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const key = await loadOrCreateSigningKey(config.keyPath);
const running = await listen(
  createIdentityProvider({ issuer: config.issuer, audience: config.audience, key }),
  config.port,
  '/',
  undefined,
  { host: config.host },
);
console.log(
  JSON.stringify({ service: 'identity', msg: 'identity provider listening', url: `http://localhost:${running.port}` }),
);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void running.stop().then(() => process.exit(0)));
