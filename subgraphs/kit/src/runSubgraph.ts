import {
  type EventEngine,
  type IdentityConfig,
  type Stoppable,
  type Logger,
  type RunningServer,
  type TokenVerifier,
  cacheVerifiedTokens,
  createLogger,
  createTokenVerifier,
  listen,
} from '@joined-up/core';
import type { PGlite } from '@electric-sql/pglite';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { SubgraphConfig } from './config.ts';
import { type Agency, type AgencyAccess, createSubgraphServer, type SubgraphContext } from './createSubgraphServer.ts';
import { type Database, type OpenedDatabase, openDatabase } from './openDatabase.ts';
import { seedDemoPopulation } from './seedDemoPopulation.ts';
import { type OutboxRelay, startOutboxRelay } from './startOutboxRelay.ts';
import type { SubgraphLimits } from './subgraphLimits.ts';

/** Progress of a long seed, reported as people written so far. */
export type SeedProgress = (done: number, total: number) => void;

/** What an agency provides; the kit does the rest. Every subgraph exports one of these. */
export interface SubgraphModule<TSchema extends Record<string, unknown>, TLoaders> {
  agency: Agency;
  /** The agency's SDL (shared SDL is added by the kit). */
  typeDefs: string;
  resolvers: GraphQLResolverMap<SubgraphContext<TSchema, TLoaders>>;
  /** drizzle table definitions, the seed_runs table included. */
  tables: TSchema;
  /** Folder of the committed SQL migrations. */
  migrationsFolder: string;
  createLoaders(db: Database<TSchema>): TLoaders;
  /** The agency's access policy and the facts it decides on. */
  access: AgencyAccess<TSchema>;
  /** Raised when the demo data changes, so existing databases are seeded again on start. @default 1 */
  seedVersion?: number;
  /** Writes the agency's slice of the demo population; must be safe to run again. */
  seed(db: Database<TSchema>, options: { people: number; onProgress?: SeedProgress }): Promise<void>;
  /** Starts the agency's consumers of the event engine's topics, when it runs with one. */
  startConsumers?(services: EventServices<TSchema>): Promise<Stoppable>;
}

/** What an agency's consumers are given: its database, the engine, its outbox relay and logger. */
export interface EventServices<TSchema extends Record<string, unknown>> {
  agency: Agency;
  db: Database<TSchema>;
  engine: EventEngine;
  outbox: OutboxRelay;
  logger: Logger;
}

export interface RunSubgraphOptions {
  port: number;
  /** The address to listen on. @default every interface */
  host?: string | undefined;
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** Use this PGlite instead of opening one (tests). */
  pglite?: PGlite;
  identity: IdentityConfig;
  environment: SubgraphConfig['environment'];
  /** Seed the demo population when the database has never been seeded; false to skip. */
  seed: { people: number; onProgress?: SeedProgress } | false;
  logger?: Logger;
  /** pino level for the logger made when none is given. @default 'info' */
  logLevel?: string;
  /** Overrides token verification (tests of the verifier itself use the real one). */
  verifyToken?: TokenVerifier;
  /** The partnership's sectors, the agency's own included. @default the agency's own sector alone */
  sectors?: readonly string[];
  /** Overrides of the subgraph's own request limits and rate limit. @default defaultSubgraphLimits */
  limits?: Partial<SubgraphLimits>;
  /** Roles that may read `_service { sdl }` in production (JOINED_UP_SCHEMA_READER_ROLES). @default schema-reader */
  schemaReaderRoles?: readonly string[];
  /** Longest wait, once stopping, for requests in flight to finish. @default 10_000 */
  shutdownGraceMs?: number;
  /**
   * The event engine the outbox is relayed to and the agency's consumers read from; without one,
   * events wait in the outbox until the agency runs with an engine.
   */
  events?: EventEngine | undefined;
  /** Migrate the database on start; false when its owner migrated it beforehand (`--migrate`). @default true */
  migrate?: boolean;
  /** A PostgreSQL role migrating grants serving's privileges to (see grantRuntimeRole). */
  runtimeRole?: string | undefined;
  /**
   * The gateway's GraphQL URL (JOINED_UP_GATEWAY_URL), for the relationships other agencies record
   * that the policy accepts; a function when the gateway starts later in the same process.
   */
  gatewayUrl?: string | (() => string | undefined) | undefined;
  /** How long to wait for the gateway's answer about those relationships. @default 1500 */
  relationshipsTimeoutMs?: number;
}

/** A subgraph that is listening, with its database for tests to inspect. */
export interface RunningSubgraph<
  TSchema extends Record<string, unknown> = Record<string, unknown>,
> extends RunningServer {
  name: string;
  database: OpenedDatabase<TSchema>;
  /** The outbox relay, when the subgraph runs with an event engine. */
  outbox?: OutboxRelay;
}

/**
 * Opens the database (migrating it), seeds it on first start, and listens. Used by each
 * subgraph's entry point, the development launcher and the tests alike.
 */
export async function runSubgraph<TSchema extends Record<string, unknown>, TLoaders>(
  module: SubgraphModule<TSchema, TLoaders>,
  options: RunSubgraphOptions,
): Promise<RunningSubgraph<TSchema>> {
  const logger = options.logger ?? createLogger(module.agency.name, options.logLevel);
  const database = await openDatabase({
    name: module.agency.name,
    schema: module.tables,
    migrationsFolder: module.migrationsFolder,
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    ...(options.pglite ? { pglite: options.pglite } : {}),
    ...(options.migrate === false ? { migrate: false } : {}),
    runtimeRole: options.runtimeRole,
  });
  let outbox: OutboxRelay | undefined;
  let consumers: Stoppable | undefined;
  try {
    if (options.seed) await seedDemoPopulation(module, database, { ...options.seed, when: 'unseeded' }, logger);
    const engine = options.events;
    const db = database.db as Database<Record<string, unknown>>;
    outbox = engine ? startOutboxRelay({ agency: module.agency.name, db, engine, logger }) : undefined;
    const server = await createSubgraphServer({
      agency: module.agency,
      typeDefs: module.typeDefs,
      resolvers: module.resolvers,
      database,
      // Every request of a session carries the same token: its signature is checked once a minute, not once a request.
      verifyToken: options.verifyToken ?? cacheVerifiedTokens(createTokenVerifier(options.identity)),
      createLoaders: module.createLoaders,
      logger,
      environment: options.environment,
      access: module.access,
      sectors: options.sectors ?? [module.access.policy.sector],
      ...(outbox ? { outbox } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.schemaReaderRoles ? { schemaReaderRoles: options.schemaReaderRoles } : {}),
      gatewayUrl: gatewayUrlOf(options.gatewayUrl),
      ...(options.relationshipsTimeoutMs ? { relationshipsTimeoutMs: options.relationshipsTimeoutMs } : {}),
    });
    consumers =
      engine && outbox && module.startConsumers
        ? await module.startConsumers({ agency: module.agency, db: database.db, engine, outbox, logger })
        : undefined;
    // Stopping drains first: writes in flight commit and are answered before the database closes.
    const running = await listen(
      server.listener,
      options.port,
      '/graphql',
      async () => {
        await consumers?.stop();
        await outbox?.stop();
        await server.stop();
        await database.close();
      },
      {
        ...(options.shutdownGraceMs === undefined ? {} : { shutdownGraceMs: options.shutdownGraceMs }),
        onDraining: server.beginDraining,
        host: options.host,
      },
    );
    logger.info({ url: running.url, database: database.engine }, 'subgraph listening');
    return { ...running, name: module.agency.name, database, ...(outbox ? { outbox } : {}) };
  } catch (error) {
    await consumers?.stop();
    await outbox?.stop();
    await database.close();
    throw error;
  }
}

function gatewayUrlOf(url: RunSubgraphOptions['gatewayUrl']): (() => string | undefined) | undefined {
  if (url === undefined) return undefined;
  return typeof url === 'string' ? () => url : url;
}
