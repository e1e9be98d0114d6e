import {
  createEventEngine,
  createLogger,
  developmentIdentity,
  installCrashSafetyNet,
  startTracing,
} from '@joined-up/core';
import { loadAgencyModules } from './loadAgencyModules.ts';
import { demoUsers } from './demoUsers.ts';
import { loadStartConfig } from './loadStartConfig.ts';
import { signingKeyPathOf } from './paths.ts';
import { loadOrCreateSigningKey } from './signingKey.ts';
import { startFederation } from './startFederation.ts';

// `npm start`: the whole system in one process on embedded PGlite databases in .data/ (created,
// migrated and seeded on first start, reused after). Set <AGENCY>_DATABASE_URL to use PostgreSQL,
// or <AGENCY>_URL to use an agency already running elsewhere instead of starting it here.
const agencies = await loadAgencyModules();
let config;
try {
  config = loadStartConfig(
    process.env,
    agencies.map(({ entry, prefix, port }) => ({ name: entry.name, prefix, port })),
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const { people } = config;
// Every service runs in this process, so they share one tracer provider; each span's service shows in its tree.
if (config.otlpEndpoint) startTracing({ serviceName: 'joined-up', endpoint: config.otlpEndpoint });
console.log(
  `Starting Joined-up (first start creates and seeds the databases for ${people} people; later starts reuse them)...`,
);
// NATS JetStream when NATS_URL is set; otherwise every service shares one in-process engine.
const events = await createEventEngine({ natsUrl: process.env['NATS_URL'] || undefined });
const federation = await startFederation({
  events,
  ports: config.ports,
  dataDir: config.dataDir,
  databaseUrls: config.databaseUrls,
  externalUrls: config.externalUrls,
  people,
  key: await loadOrCreateSigningKey(signingKeyPathOf(process.env)),
  issuer: developmentIdentity.issuer,
  audience: developmentIdentity.audience,
  environment: 'development',
  logLevel: config.logLevel,
});
console.log(`
Joined-up is running.
  Gateway and explorer   http://localhost:${federation.gateway.port}/graphql
  Gateway health         http://localhost:${federation.gateway.port}/health
  Identity provider      http://localhost:${federation.identity.port}/.well-known/jwks.json
${Object.values(federation.subgraphs)
  .map((subgraph) => `  ${subgraph.name.padEnd(22)} ${subgraph.url} (${subgraph.database.engine})`)
  .join('\n')}

Demo users: ${demoUsers.map((user) => user.username).join(', ')}
Get a token with: npm run token -- gp
`);
// Every service runs in this one process: a failure belonging to one request must not end them all.
installCrashSafetyNet({
  logger: createLogger('joined-up', config.logLevel),
  shutdown: () => federation.stop(),
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log('Stopping...');
    void federation
      .stop()
      .then(() => events.close())
      .then(() => process.exit(0));
  });
}
