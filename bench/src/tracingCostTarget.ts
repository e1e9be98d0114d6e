import { startTracing } from '@joined-up/core';
import { findDemoUser, generateSigningKey, signToken } from '@joined-up/dev';
import { startFederation } from '@joined-up/dev/federation';

// One side of the tracing-cost scenario: the whole federation in this process (with the test
// settings: startFederation's identity provider never runs as production), with tracing
// exporting to the OTLP endpoint given, or off. Prints where it serves and a token, then runs
// until it is stopped.
const [endpoint] = process.argv.slice(2);
if (endpoint) await startTracing({ serviceName: 'joined-up', endpoint });
const key = await generateSigningKey();
const issuer = 'https://identity.joined-up.dev';
const audience = 'joined-up';
const federation = await startFederation({
  people: 300,
  key,
  issuer,
  audience,
  environment: 'test',
  logLevel: 'silent',
  gateway: { rateLimit: { limit: 1_000_000 } },
});
const token = await signToken(findDemoUser('gp')!, key, { issuer, audience });
console.log(JSON.stringify({ url: federation.gateway.url, token }));
process.once('SIGTERM', () => void federation.stop().then(() => process.exit(0)));
