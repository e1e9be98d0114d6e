import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * Makes every parameterised statement the pool runs a named prepared statement, named after its
 * text. node-postgres then parses it once per connection and afterwards only binds and executes
 * it, and PostgreSQL can keep its plan, where an unnamed statement is parsed and planned afresh
 * every time. The texts are stable because lists go as one array parameter (`anyOf`); statements
 * without parameters (migrations, health checks) are left as they are. Transactions, which run on
 * a client of their own, are not affected.
 */
export function nameStatements(pool: pg.Pool): void {
  const query = pool.query.bind(pool) as (config: unknown, values?: unknown) => Promise<unknown>;
  const names = new Map<string, string>();
  const nameOf = (text: string): string => {
    let name = names.get(text);
    if (name === undefined) {
      // PostgreSQL keeps 63 bytes of a name; 24 hex digits of a hash tell the texts apart.
      name = `ju_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      names.set(text, name);
    }
    return name;
  };
  pool.query = ((config: unknown, values?: unknown) => {
    if (
      typeof config === 'object' &&
      config !== null &&
      typeof (config as pg.QueryConfig).text === 'string' &&
      !(config as pg.QueryConfig).name &&
      Array.isArray(values) &&
      values.length > 0
    )
      return query({ ...config, name: nameOf((config as pg.QueryConfig).text) }, values);
    return query(config, values);
  }) as typeof pool.query;
}
