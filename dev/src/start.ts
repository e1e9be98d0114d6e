import { startApp } from '@joined-up/app';
import { buildApp, builtAppFolder, builtAppIsStale } from '@joined-up/app/build';
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
if (builtAppIsStale()) {
  console.log('Building the web app (app/web changed since it was last built)...');
  await buildApp();
}
const appOrigin = `http://localhost:${config.ports.app}`;
// Every service runs in this process, so they share one tracer provider; each span's service shows in its tree.
if (config.otlpEndpoint) await startTracing({ serviceName: 'joined-up', endpoint: config.otlpEndpoint });
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
  // The web app's pages call the gateway from their own origin.
  gateway: { allowedOrigins: [appOrigin] },
});
const app = await startApp({
  port: config.ports.app,
  distDir: builtAppFolder,
  config: {
    gatewayUrl: federation.gateway.url,
    signIn: { kind: 'demo', identityProviderUrl: `http://localhost:${federation.identity.port}` },
  },
  logger: createLogger('app', config.logLevel),
});
console.log(`
Joined-up is running.
  Web app                ${appOrigin}/
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
  shutdown: () => app.stop().then(() => federation.stop()),
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log('Stopping...');
    void app
      .stop()
      .then(() => federation.stop())
      .then(() => events.close())
      .then(() => process.exit(0));
  });
}
