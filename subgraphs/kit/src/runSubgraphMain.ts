import { createLogger, createNatsEngine, installCrashSafetyNet, type Logger, startTracing } from '@joined-up/core';
import { loadSubgraphConfig, type SubgraphConfig } from './config.ts';
import { openDatabase } from './openDatabase.ts';
import { seedDemoPopulation } from './seedDemoPopulation.ts';
import { verifyAuditChain } from './access/verifyAuditChain.ts';
import { runSubgraph, type SubgraphModule } from './runSubgraph.ts';
import { publishedSdl } from './subgraphSdl.ts';

/** An agency's environment variable prefix: social-care reads SOCIAL_CARE_PORT, SOCIAL_CARE_DATABASE_URL. */
export function environmentPrefix(agencyName: string): string {
  return agencyName.toUpperCase().replace(/-/g, '_');
}

/**
 * What an agency's entry point does: read its configuration from the environment (variables
 * prefixed with the agency's name, then the shared JOINED_UP_* ones), run, and stop cleanly on
 * SIGINT or SIGTERM so in-flight requests finish and the database closes. With `--print-sdl` it
 * prints the agency's published SDL and exits instead: how an agency publishes its contract,
 * from its code or from its built image alike. With `--seed <people>` it writes (or grows) its slice
 * of the demo population, printing its progress as JSON lines, and exits: how `npm run seed` seeds
 * every agency, each through its own entry point. With `--migrate` it brings the database up to
 * date and exits (seeding too when `--seed` is given): how a deployment migrates as the
 * database's owner before the service runs as a role that may not change the schema
 * (`<AGENCY>_MIGRATE=false`), granting that role (`<AGENCY>_RUNTIME_ROLE`) what serving needs and
 * no more. With `--verify-audit` it verifies
 * the hash chain of its audit, prints what it found and exits 1 if a link is broken (`npm run
 * audit:verify -- <agency>`).
 */
export async function runSubgraphMain<TSchema extends Record<string, unknown>, TLoaders>(
  module: SubgraphModule<TSchema, TLoaders>,
  defaults: { defaultPort: number },
  argv: readonly string[] = process.argv.slice(2),
): Promise<void> {
  if (argv.includes('--print-sdl')) {
    process.stdout.write(publishedSdl(module.agency, module.typeDefs));
    return;
  }
  const config = loadSubgraphConfig(process.env, {
    prefix: environmentPrefix(module.agency.name),
    defaultPort: defaults.defaultPort,
    name: module.agency.name,
    sector: module.access.policy.sector,
  });
  const logger = createLogger(module.agency.name, config.logLevel);
  if (argv.includes('--verify-audit')) {
    process.exitCode = await verifyAuditAndExit(module, config);
    return;
  }
  const seedAt = argv.indexOf('--seed');
  if (argv.includes('--migrate') || seedAt >= 0) {
    const people = seedAt >= 0 ? Number(argv[seedAt + 1]) : undefined;
    if (people !== undefined && (!Number.isInteger(people) || people < 1))
      throw new Error('--seed must be followed by a number of people.');
    await migrateAndSeed(module, config, people, logger);
    return;
  }
  // Tracing starts before the database opens, so that its statements are traced.
  const tracing = config.otlpEndpoint
    ? await startTracing({ serviceName: module.agency.name, endpoint: config.otlpEndpoint })
    : undefined;
  // Alone in its process, the agency relays its outbox to NATS JetStream when NATS_URL is set; without
  // a broker its events wait in the outbox, losing none, until it runs with one.
  const events = config.natsUrl ? await createNatsEngine({ url: config.natsUrl }) : undefined;
  const running = await runSubgraph(module, { ...config, limits: { rateLimit: config.rateLimit }, logger, events });
  // A failure belonging to one request fails that request alone; see installCrashSafetyNet.
  installCrashSafetyNet({ logger, shutdown: () => running.stop() });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(
      signal,
      () =>
        void running
          .stop()
          .then(() => events?.close())
          .then(() => tracing?.stop())
          .then(() => process.exit(0)),
    );
  }
}

/**
 * Migrates as the database's owner, grants the runtime role its privileges when one is named,
 * and seeds `people` when asked (`--migrate --seed 3000` does both in one run, as the owner).
 */
async function migrateAndSeed<TSchema extends Record<string, unknown>, TLoaders>(
  module: SubgraphModule<TSchema, TLoaders>,
  config: SubgraphConfig,
  people: number | undefined,
  logger: Logger,
): Promise<void> {
  const database = await openDatabase({
    name: module.agency.name,
    schema: module.tables,
    migrationsFolder: module.migrationsFolder,
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    runtimeRole: config.runtimeRole,
  });
  try {
    // Seeding prints its progress as JSON lines that `npm run seed` reads: nothing else goes there.
    if (people === undefined) {
      logger.info({ database: database.engine, runtimeRole: config.runtimeRole }, 'database migrated');
      return;
    }
    const onProgress = (done: number, total: number) => console.log(JSON.stringify({ seeded: done, total }));
    await seedDemoPopulation(module, database, { people, onProgress, when: 'always' }, logger);
  } finally {
    await database.close();
  }
}

/** Verifies the audit's hash chain, prints the outcome and the first broken links, and says whether it held. */
async function verifyAuditAndExit<TSchema extends Record<string, unknown>, TLoaders>(
  module: SubgraphModule<TSchema, TLoaders>,
  config: SubgraphConfig,
): Promise<number> {
  const database = await openDatabase({
    name: module.agency.name,
    schema: module.tables,
    migrationsFolder: module.migrationsFolder,
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
  });
  try {
    const verification = await verifyAuditChain(database.db as never);
    const head = verification.head
      ? `head at position ${verification.head.position}, hash ${verification.head.hash}`
      : 'no rows';
    const [first, ...rest] = verification.breaks;
    if (!first) {
      console.log(`${module.agency.name} audit: intact, ${verification.rowsChecked} rows checked; ${head}.`);
      return 0;
    }
    console.log(
      `${module.agency.name} audit: BROKEN. First broken link: ${first.kind} at position ${first.position ?? '-'}` +
        ` (audit row ${first.auditEventId ?? '-'}): ${first.description}`,
    );
    for (const found of rest)
      console.log(`  then ${found.kind} at position ${found.position ?? '-'}: ${found.description}`);
    console.log(`${verification.rowsChecked} rows checked; ${head}.`);
    return 1;
  } finally {
    await database.close();
  }
}
