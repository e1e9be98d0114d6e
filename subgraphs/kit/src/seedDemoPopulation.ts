import type { Logger } from '@joined-up/core';
import { sql } from 'drizzle-orm';
import type { Database, OpenedDatabase } from './openDatabase.ts';
import type { SeedProgress, SubgraphModule } from './runSubgraph.ts';
import { lastSeed, recordSeed } from './seedRuns.ts';

/**
 * Writes the agency's slice of the demo population and records it. `when: 'unseeded'` seeds only
 * a database never seeded, or seeded by an older version of the demo data (a start-up); `'always'`
 * seeds whatever is there (`--seed`, to grow a population). A newer seed covers at least as many
 * people as before; seeds skip rows already there, so nothing is duplicated.
 */
export async function seedDemoPopulation<TSchema extends Record<string, unknown>, TLoaders>(
  module: SubgraphModule<TSchema, TLoaders>,
  database: OpenedDatabase<TSchema>,
  seed: { people: number; onProgress?: SeedProgress; when: 'unseeded' | 'always' },
  logger: Logger,
): Promise<void> {
  const db = database.db as Database<Record<string, unknown>>;
  const version = module.seedVersion ?? 1;
  const last = await lastSeed(db);
  if (seed.when === 'unseeded' && last !== undefined && last.version >= version) return;
  const people = Math.max(seed.people, last?.people ?? 0);
  const started = Date.now();
  await module.seed(database.db, { people, ...(seed.onProgress ? { onProgress: seed.onProgress } : {}) });
  await recordSeed(db, people, version);
  // The planner's statistics are taken afresh: until autovacuum gets to them, a database just
  // seeded with 900,000 people is planned as if empty, and a person's few rows are read by
  // scanning whole tables (npm run bench:explain found two such plans).
  await db.execute(sql`analyze`);
  logger.info({ people, version, ms: Date.now() - started }, 'seeded demo population');
}
