import { anyOf, createListLoader, type Database } from '@joined-up/kit';
import { desc } from 'drizzle-orm';
import { supports, type __TYPE__Tables } from './tables.ts';

/** The request's loaders: every list is fetched for all the people of a request in one statement. */
export function createLoaders(db: Database<__TYPE__Tables>) {
  return {
    supports: createListLoader(
      (nhsNumbers: readonly string[]) =>
        db
          .select()
          .from(supports)
          .where(anyOf(supports.nhsNumber, nhsNumbers))
          .orderBy(desc(supports.startedOn)),
      (row) => row.nhsNumber,
    ),
  };
}

export type __TYPE__Loaders = ReturnType<typeof createLoaders>;
