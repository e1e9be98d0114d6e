import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { Logger as DrizzleLogger } from 'drizzle-orm/logger';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { tracingEnabled } from '@joined-up/core';
import { applyMigrations } from './applyMigrations.ts';
import { grantRuntimeRole } from './grantRuntimeRole.ts';
import { nameStatements } from './nameStatements.ts';
import { traceSql } from './traceSql.ts';

/** A drizzle database over either driver; the same schema and queries run on both. */
export type Database<TSchema extends Record<string, unknown>> = PgDatabase<PgQueryResultHKT, TSchema>;

export interface OpenDatabaseOptions<TSchema extends Record<string, unknown>> {
  /** The agency's name, used to key the migration lock. */
  name: string;
  /** drizzle table definitions. */
  schema: TSchema;
  /** Folder of committed SQL migrations (drizzle-kit output). */
  migrationsFolder: string;
  /** PostgreSQL connection string; when absent, embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite folder; undefined keeps the database in memory (tests). */
  dataDir?: string | undefined;
  /** An existing PGlite to use instead of opening one (tests share one per file). */
  pglite?: PGlite;
  /** Connection pool size for PostgreSQL. @default 10 */
  poolSize?: number;
  /** Bring the database up to date first; false when its owner migrated it beforehand. @default true */
  migrate?: boolean;
  /**
   * PostgreSQL only: after migrating, grant this role what serving needs and no more (the audit
   * only read and appended to), so that the service can run as it. See grantRuntimeRole.
   */
  runtimeRole?: string | undefined;
}

export interface OpenedDatabase<TSchema extends Record<string, unknown>> {
  db: Database<TSchema>;
  /** Which engine is underneath, for health reports. */
  engine: 'pglite' | 'postgresql';
  /** Statements sent so far; tests read it to prove batching. */
  statements: { count: number };
  close(): Promise<void>;
}

/**
 * Opens the agency's database and brings it up to date with its committed migrations. The
 * caller owns the result and must close it. Migrations run under an advisory lock so that
 * several replicas starting at once do not race each other.
 */
export async function openDatabase<TSchema extends Record<string, unknown>>(
  options: OpenDatabaseOptions<TSchema>,
): Promise<OpenedDatabase<TSchema>> {
  const statements = { count: 0 };
  const logger: DrizzleLogger = { logQuery: () => void (statements.count += 1) };
  const migrate = options.migrate ?? true;
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client that errors (the server restarted) must not crash the process; the pool drops it.
    pool.on('error', () => undefined);
    // Connecting first fails at start, not at the first request, when the database is unreachable.
    const client = await pool.connect();
    try {
      if (migrate) {
        const lockKey = `joined-up:migrations:${options.name}`;
        await client.query('select pg_advisory_lock(hashtext($1))', [lockKey]);
        try {
          await applyMigrations(drizzleNodePostgres({ client }) as never, migrateNodePostgres as never, options);
          if (options.runtimeRole) await grantRuntimeRole(client, options.runtimeRole);
        } finally {
          await client.query('select pg_advisory_unlock(hashtext($1))', [lockKey]);
        }
      }
    } finally {
      client.release();
    }
    nameStatements(pool);
    // Statements are traced only when tracing was on as the database opened: off, nothing wraps the client.
    const traced = tracingEnabled() ? traceSql(pool, 'postgresql', options.name) : pool;
    const db = drizzleNodePostgres({ client: traced, schema: options.schema, logger }) as unknown as Database<TSchema>;
    return { db, engine: 'postgresql', statements, close: () => pool.end() };
  }
  const ownsClient = options.pglite === undefined;
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const client = options.pglite ?? (await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {}));
  if (migrate) await applyMigrations(drizzlePglite({ client }) as never, migratePglite as never, options);
  const traced = tracingEnabled() ? traceSql(client, 'pglite', options.name) : client;
  const db = drizzlePglite({ client: traced, schema: options.schema, logger }) as unknown as Database<TSchema>;
  return {
    db,
    engine: 'pglite',
    statements,
    close: async () => {
      if (ownsClient) await client.close();
    },
  };
}

/** A cheap round trip used by health checks. */
export async function pingDatabase(db: Database<Record<string, unknown>>): Promise<void> {
  await db.execute(sql`select 1`);
}
