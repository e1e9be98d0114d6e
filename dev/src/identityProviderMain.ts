import { developmentIdentity, listen, parsePort } from '@joined-up/core';
import { createIdentityProvider } from './createIdentityProvider.ts';
import { signingKeyPath } from './paths.ts';
import { loadOrCreateSigningKey } from './signingKey.ts';

// The development identity provider as its own process (docker-compose runs it this way).
const problems: string[] = [];
const port = parsePort(process.env['IDENTITY_PORT'], 4100, 'IDENTITY_PORT', problems);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
const key = await loadOrCreateSigningKey(process.env['IDENTITY_KEY_PATH'] ?? signingKeyPath);
const running = await listen(
  createIdentityProvider({
    issuer: process.env['JOINED_UP_ISSUER'] ?? developmentIdentity.issuer,
    audience: process.env['JOINED_UP_AUDIENCE'] ?? developmentIdentity.audience,
    key,
  }),
  port,
  '/',
);
console.log(
  JSON.stringify({ service: 'identity', msg: 'identity provider listening', url: `http://localhost:${running.port}` }),
);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void running.stop().then(() => process.exit(0)));
