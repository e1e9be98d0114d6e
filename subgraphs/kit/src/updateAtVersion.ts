import { createError } from '@joined-up/core';
import { and, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Transaction } from './runIdempotentWrite.ts';

/**
 * Changes one row if, and only if, it is still at the version the caller read, and moves its
 * version on by one: the lost-update guard of every versioned record. The check and the increment
 * are one UPDATE, so under concurrent edits PostgreSQL makes the second wait for the first and
 * then re-checks its WHERE clause against the new version: exactly one of two edits made against
 * the same version wins, and the other gets CONFLICT with `extensions.currentVersion`, never a
 * silent overwrite. A row that does not exist gets `notFound()`.
 */
export async function updateAtVersion<TTable extends PgTable, TSchema extends Record<string, unknown>>(
  tx: Transaction<TSchema>,
  options: {
    table: TTable;
    version: PgColumn;
    /** Which row: its key, without the version. */
    where: SQL;
    expectedVersion: number;
    set: PgUpdateSetSource<TTable>;
    /** Names the argument the version came in, for the error. @default "input.expectedVersion" */
    argumentName?: string;
    /** What the record is, in words: "The plan". */
    what: string;
    notFound: () => Error;
  },
): Promise<TTable['$inferSelect']> {
  const db = tx as unknown as Transaction<Record<string, unknown>>;
  const updated = (await db
    .update(options.table)
    .set({ ...options.set, [columnKey(options.table, options.version)]: sql`${options.version} + 1` } as never)
    .where(and(options.where, eq(options.version, options.expectedVersion)))
    .returning()) as Array<TTable['$inferSelect']>;
  const [row] = updated;
  if (row) return row as TTable['$inferSelect'];
  const [current] = await db
    .select({ version: options.version })
    .from(options.table as PgTable)
    .where(options.where);
  if (!current) throw options.notFound();
  throw createError(
    'CONFLICT',
    `${options.what} was changed by someone else since version ` +
      `${options.expectedVersion}: it is now at version ` +
      `${current.version}. Read it again and redo your change.`,
    { argumentName: options.argumentName ?? 'input.expectedVersion', currentVersion: current.version },
  );
}

/** The property name of a column in its table, as drizzle's set() takes it. */
function columnKey(table: PgTable, column: PgColumn): string {
  const entry = Object.entries(getTableColumns(table)).find(([, value]) => value === column);
  if (!entry) throw new Error(`Column ${column.name} is not in the table given.`);
  return entry[0];
}
