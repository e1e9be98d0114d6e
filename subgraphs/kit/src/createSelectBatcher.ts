import * as drizzle from 'drizzle-orm';
import { Column, is, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from './openDatabase.ts';

interface SelectedField {
  path: string[];
  field: unknown;
}

// drizzle's own row mapping, which every select it runs goes through; exported at run time but
// left out of its type declarations.
const { mapResultRow, orderSelectedFields } = drizzle as unknown as {
  mapResultRow(fields: SelectedField[], row: unknown[], joinsNotNullableMap: Record<string, boolean>): unknown;
  orderSelectedFields(fields: Record<string, unknown>): SelectedField[];
};

/**
 * A select built with drizzle and not yet run: awaiting it runs it alone. The batcher reads what
 * drizzle itself maps a row with (the selection, and which joined tables may be null) from the
 * builder's own fields; they are internal to drizzle, which is pinned, and the kit's tests check
 * the mapping against drizzle's on both engines.
 */
export interface BatchableSelect<TRow> extends PromiseLike<TRow[]> {
  getSQL(): SQL;
}

interface SelectInternals {
  config: { fields: Record<string, unknown> };
  joinsNotNullableMap: Record<string, boolean>;
}

/** Runs a select, together with every other select handed over in the same turn of the event loop. */
export type SelectBatcher = <TRow>(query: BatchableSelect<TRow>) => Promise<TRow[]>;

interface Pending {
  query: BatchableSelect<unknown>;
  resolve: (rows: unknown[]) => void;
  reject: (error: unknown) => void;
}

/**
 * One statement for the selects of different tables that a request's loaders make at once. A
 * person's record asks for problems, medications, alerts and encounters in the same tick, each
 * through its own loader; each would be a round trip of its own. Handed to the batcher, they go
 * as one `UNION ALL`: each select becomes a branch that numbers its rows in its own order and puts
 * its columns in slots of its own, the other branches' slots null. The driver then parses every
 * column with its real type, exactly as it would the select alone, and each select's slice of a
 * row is mapped by drizzle's own row mapping, so the rows are the same as each select run alone.
 * A select alone in its turn runs as it is. Made per request, like the loaders that use it.
 */
export function createSelectBatcher(db: Database<Record<string, unknown>>): SelectBatcher {
  let pending: Pending[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    // A select of computed values (not columns) runs alone: the type of its nulls is not known.
    const together = batch.filter(({ query }) => selectsColumnsOnly(query));
    const alone = together.length > 1 ? batch.filter((entry) => !together.includes(entry)) : batch;
    for (const { query, resolve, reject } of alone) Promise.resolve(query).then(resolve, reject);
    if (together.length > 1)
      runTogether(db, together).catch((error: unknown) => {
        for (const { reject } of together) reject(error);
      });
  };
  return <TRow>(query: BatchableSelect<TRow>) =>
    new Promise<TRow[]>((resolve, reject) => {
      // setImmediate runs after every promise and nextTick callback of this turn, so the batch
      // holds every loader that DataLoader dispatches in it.
      if (pending.length === 0) setImmediate(flush);
      pending.push({ query, resolve: resolve as (rows: unknown[]) => void, reject });
    });
}

function selectsColumnsOnly(query: BatchableSelect<unknown>): boolean {
  const { config } = query as unknown as SelectInternals;
  return orderSelectedFields(config.fields).every(({ field }) => is(field, Column));
}

// drizzle names a serial column's type as its DDL does; as a cast it is the integer underneath.
const serialTypes: Record<string, string> = { serial: 'integer', bigserial: 'bigint', smallserial: 'smallint' };

function castableType(sqlType: string): string {
  return serialTypes[sqlType] ?? sqlType;
}

async function runTogether(db: Database<Record<string, unknown>>, batch: Pending[]): Promise<void> {
  const parts = batch.map(({ query }) => {
    const internals = query as unknown as SelectInternals;
    return {
      sql: query.getSQL(),
      fields: orderSelectedFields(internals.config.fields),
      nullable: internals.joinsNotNullableMap,
    };
  });
  const widths = parts.map((part) => part.fields.length);
  // Another part's slots hold nulls of that part's column types: a UNION resolves its column types
  // pair by pair, and two untyped nulls would make text of a later integer column.
  const nullsOf = (part: (typeof parts)[number]) =>
    part.fields.map(({ field }) => `, null::${castableType((field as PgColumn).getSQLType())}`).join('');
  const branches = parts.map((part, index) => {
    const before = parts.slice(0, index).map(nullsOf).join('');
    const after = parts
      .slice(index + 1)
      .map(nullsOf)
      .join('');
    const slots = sql.raw(`${before}, s.*${after}`);
    return sql`select ${sql.raw(String(index))} as part, row_number() over () as ord${slots} from (${part.sql}) s`;
  });
  const statement = sql.join(branches, sql` union all `);
  // drizzle's session runs it with the driver's own type parsing in array mode, as it runs any
  // select; the rows come back unmapped so that each part can be mapped on its own.
  const { session, dialect } = db as unknown as {
    session: {
      prepareQuery(
        query: { sql: string; params: unknown[] },
        fields: undefined,
        name: undefined,
        arrayMode: true,
        mapRows: (rows: unknown[][]) => unknown[][],
      ): { execute(): Promise<unknown[][]> };
    };
    dialect: { sqlToQuery(sql: SQL): { sql: string; params: unknown[] } };
  };
  const rows = await session
    .prepareQuery(dialect.sqlToQuery(statement), undefined, undefined, true, (raw) => raw)
    .execute();
  const results = parts.map(() => [] as Array<{ ord: number; row: unknown }>);
  const offsets = widths.map((_, index) => 2 + widths.slice(0, index).reduce((sum, width) => sum + width, 0));
  for (const values of rows) {
    const index = Number(values[0]);
    const part = parts[index]!;
    const slice = values.slice(offsets[index], offsets[index]! + widths[index]!);
    results[index]!.push({ ord: Number(values[1]), row: mapResultRow(part.fields, slice, part.nullable) });
  }
  batch.forEach(({ resolve }, index) => resolve(results[index]!.sort((a, b) => a.ord - b.ord).map(({ row }) => row)));
}

/**
 * What a loader's fetch gave, run through the batcher when there is one and the fetch gave a
 * select not yet run; anything else (a promise of rows worked out otherwise) is awaited as it is.
 */
export function runBatched<TRow>(pending: PromiseLike<TRow[]>, batch: SelectBatcher | undefined): PromiseLike<TRow[]> {
  return batch && typeof (pending as Partial<BatchableSelect<TRow>>).getSQL === 'function'
    ? batch(pending as BatchableSelect<TRow>)
    : pending;
}
