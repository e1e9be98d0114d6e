import { isNull } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { createNewestFirstPageLoader, type NewestFirstColumns } from './createNewestFirstPageLoader.ts';
import type { SelectBatcher } from './createSelectBatcher.ts';
import type { Database } from './openDatabase.ts';

/**
 * The page loaders of a per-person, newest-first list that holds sensitive entries (encounters,
 * engagements): one with every entry, one without the sensitive ones, which are left out in SQL so
 * that they never count towards a page or its cursors. The result gives the loader that a caller's
 * decision allows.
 */
export function createNewestFirstPages<TTable extends PgTable>(
  db: Database<Record<string, unknown>>,
  table: TTable,
  columns: NewestFirstColumns,
  sensitivity: PgColumn,
  batch?: SelectBatcher,
) {
  const all = createNewestFirstPageLoader(db, table, columns, batch);
  const withoutSensitive = createNewestFirstPageLoader(db, table, { ...columns, where: isNull(sensitivity) }, batch);
  return (includeSensitive: boolean) => (includeSensitive ? all : withoutSensitive);
}
