import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Database } from './openDatabase.ts';

/** The kit's own migrations: the governance tables it keeps in every agency's database. */
export const kitMigrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

type Migrate = (db: never, config: { migrationsFolder: string; migrationsTable?: string }) => Promise<void>;

/**
 * Brings a database up to date: the kit's migrations first (tracked in their own table, so the
 * kit and the agency evolve on their own timetables), then the agency's. A database whose
 * recorded migrations (the kit's or the agency's) this version no longer has was made by an older
 * layout of them: migrating it would fail half way, so it is refused whole,
 * with what to do.
 */
export async function applyMigrations(
  db: Database<Record<string, unknown>>,
  migrate: Migrate,
  agency: { name: string; migrationsFolder: string },
): Promise<void> {
  // Both drivers answer with { rows }.
  const rows = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
  let unknown = 0;
  for (const [folder, table] of [
    [kitMigrationsFolder, '__joined_up_kit_migrations'],
    [agency.migrationsFolder, '__drizzle_migrations'],
  ] as const) {
    const [found] = await rows<{ name: string | null }>(sql`select to_regclass(${`drizzle.${table}`})::text as name`);
    const recorded = found?.name
      ? await rows<{ hash: string }>(sql`select hash from ${sql.identifier('drizzle')}.${sql.identifier(table)}`)
      : [];
    const known = new Set(readMigrationFiles({ migrationsFolder: folder }).map((migration) => migration.hash));
    unknown += recorded.filter((row) => !known.has(row.hash)).length;
  }
  if (unknown > 0) {
    throw new Error(
      `The ${agency.name} database holds ${unknown} migrations this ` +
        `version does not have: it was made by an older layout of its ` +
        `migrations. In development, delete its folder ` +
        `(.data/${agency.name}) or database and start again; it is ` +
        `created and seeded afresh.`,
    );
  }
  await migrate(db as never, { migrationsFolder: kitMigrationsFolder, migrationsTable: '__joined_up_kit_migrations' });
  await migrate(db as never, { migrationsFolder: agency.migrationsFolder });
}
