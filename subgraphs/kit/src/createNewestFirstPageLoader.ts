import { anyOf } from './anyOf.ts';
import { and, eq, getTableColumns, type InferSelectModel, lt, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { createPageLoader } from './createPageLoader.ts';
import type { SelectBatcher } from './createSelectBatcher.ts';
import type { Database } from './openDatabase.ts';

/** The columns a per-person, newest-first list is read by. */
export interface NewestFirstColumns {
  /** The person's NHS number. */
  person: PgColumn;
  /** When the entry happened: the list's order and the cursor's key. */
  sortKey: PgColumn;
  /** Tie-breaker, so entries at the same moment keep a stable order. */
  id: PgColumn;
  /** Rows to leave out before paging, such as entries the caller may not see. */
  where?: SQL;
}

/**
 * A page loader for a per-person list read newest first (encounters, engagements): a window
 * function numbers each person's rows and the outer query keeps the first `limit` of each, so
 * the pages of a whole caseload come back in one statement.
 */
export function createNewestFirstPageLoader<TTable extends PgTable>(
  db: Database<Record<string, unknown>>,
  table: TTable,
  columns: NewestFirstColumns,
  /** The request's batcher, so that the pages go in one statement with the request's other selects. */
  batch?: SelectBatcher,
) {
  type Row = InferSelectModel<TTable> & { nhsNumber: string };
  const selection = {
    ...getTableColumns(table),
    position:
      sql<number>`row_number() over (partition by ${columns.person} order by ${columns.sortKey} desc, ${columns.id}
                   desc)`.as('position'),
  };
  return createPageLoader<Row>(async (nhsNumbers, limit, after) => {
    // drizzle's types cannot follow a selection built from a generic table, so the subquery is
    // typed loosely here; the rows are the table's own.
    const numbered = db
      .select(selection as Record<string, PgColumn>)
      .from(table as PgTable)
      .where(
        and(
          anyOf(columns.person, nhsNumbers),
          columns.where,
          after
            ? or(lt(columns.sortKey, after.key), and(eq(columns.sortKey, after.key), lt(columns.id, after.id)))
            : undefined,
        ),
      )
      .as('numbered');
    // The page selects the table's columns alone (the position only orders and cuts it), so that
    // every value it returns is a column and it can go in one statement with other selects.
    const tableColumns = numbered as unknown as Record<string, PgColumn>;
    const page = db
      .select(Object.fromEntries(Object.keys(getTableColumns(table)).map((key) => [key, tableColumns[key]!])))
      .from(numbered)
      .where(sql`${sql.identifier('numbered')}.${sql.identifier('position')} <= ${limit}`)
      .orderBy(sql`${sql.identifier('numbered')}.${sql.identifier('position')}`);
    return (await (batch ? batch(page) : page)) as unknown as Row[];
  });
}
