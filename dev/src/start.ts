import { createLogger, developmentIdentity, installCrashSafetyNet, parsePort } from '@joined-up/core';
import { parseSeed } from '@joined-up/kit';
import { loadAgencyModules } from './loadAgencyModules.ts';
import { demoUsers } from './demoUsers.ts';
import { dataDir, signingKeyPath } from './paths.ts';
import { loadOrCreateSigningKey } from './signingKey.ts';
import { startFederation } from './startFederation.ts';

// `npm start`: the whole system in one process on embedded PGlite databases in .data/ (created,
// migrated and seeded on first start, reused after). Set <AGENCY>_DATABASE_URL to use PostgreSQL.
const env = process.env;
const agencies = await loadAgencyModules();
const problems: string[] = [];
const ports = {
  gateway: parsePort(env['GATEWAY_PORT'], 4000, 'GATEWAY_PORT', problems),
  identity: parsePort(env['IDENTITY_PORT'], 4100, 'IDENTITY_PORT', problems),
  subgraphs: Object.fromEntries(
    agencies.map(({ module, port, prefix }) => [
      module.agency.name,
      parsePort(env[`${prefix}_PORT`], port, `${prefix}_PORT`, problems),
    ]),
  ),
};
const seed = parseSeed({ JOINED_UP_PEOPLE: env['JOINED_UP_PEOPLE'] }, 'development', problems);
const people = seed ? seed.people : 0;
if (problems.length > 0) {
  console.error(`Cannot start:\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
console.log(
  `Starting Joined-up (first start creates and seeds the databases for ${people} people; later starts reuse them)...`,
);
const federation = await startFederation({
  ports,
  dataDir,
  databaseUrls: Object.fromEntries(
    agencies.map(({ module, prefix }) => [module.agency.name, env[`${prefix}_DATABASE_URL`]]),
  ),
  people,
  key: await loadOrCreateSigningKey(signingKeyPath),
  issuer: developmentIdentity.issuer,
  audience: developmentIdentity.audience,
  environment: 'development',
  logLevel: env['JOINED_UP_LOG_LEVEL'] ?? 'warn',
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
  logger: createLogger('joined-up', env['JOINED_UP_LOG_LEVEL'] ?? 'warn'),
  shutdown: () => federation.stop(),
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log('Stopping...');
    void federation.stop().then(() => process.exit(0));
  });
}
