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
  completedAt: timestamp('completed_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** The size of the last completed seed, or undefined for a database never seeded. */
export async function lastSeedSize(db: Database<Record<string, unknown>>): Promise<number | undefined> {
  const [row] = await db.select({ people: seedRuns.people }).from(seedRuns).orderBy(desc(seedRuns.id)).limit(1);
  return row?.people;
}

export async function recordSeed(db: Database<Record<string, unknown>>, people: number): Promise<void> {
  await db.insert(seedRuns).values({ people });
}
