import { desc } from 'drizzle-orm';
import { integer, pgTable, serial, timestamp } from 'drizzle-orm/pg-core';
import type { Database } from './openDatabase.ts';

/**
 * One row per completed demo seed. Every agency includes this table in its drizzle schema, so
 * a restart can tell a seeded database from an empty one without guessing from its data.
 */
export const seedRuns = pgTable('seed_runs', {
  id: serial('id').primaryKey(),
  people: integer('people').notNull(),
  /** The agency's seed version: a later version (new demo data) seeds again on start. */
  version: integer('version').notNull().default(1),
  completedAt: timestamp('completed_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** The last completed seed (size and version), or undefined for a database never seeded. */
export async function lastSeed(
  db: Database<Record<string, unknown>>,
): Promise<{ people: number; version: number } | undefined> {
  const [row] = await db
    .select({ people: seedRuns.people, version: seedRuns.version })
    .from(seedRuns)
    .orderBy(desc(seedRuns.id))
    .limit(1);
  return row;
}

export async function recordSeed(db: Database<Record<string, unknown>>, people: number, version = 1): Promise<void> {
  await db.insert(seedRuns).values({ people, version });
}
