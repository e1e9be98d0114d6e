import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/**
 * `column = any($n)`: the values go as one array parameter, so a statement's text is the same
 * for one person or fifty, and PostgreSQL can keep one prepared plan for it (`inArray` writes
 * `in ($1, $2, ...)`, a new text for every length).
 */
export function anyOf(column: AnyColumn | SQL, values: readonly unknown[]): SQL {
  return sql`${column} = any(${sql.param([...values])})`;
}
