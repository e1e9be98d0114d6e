import { anyOf, createListLoader, createSelectBatcher, type Database } from '@joined-up/kit';
import { desc } from 'drizzle-orm';
import { supports, type __TYPE__Tables } from './tables.ts';

/**
 * The request's loaders: every list is fetched for all the people of a request in one statement,
 * and the lists one tick asks for go together in one statement through the request's batcher.
 */
export function createLoaders(db: Database<__TYPE__Tables>) {
  const batch = createSelectBatcher(db as Database<Record<string, unknown>>);
  return {
    supports: createListLoader(
      (nhsNumbers: readonly string[]) =>
        db
          .select()
          .from(supports)
          .where(anyOf(supports.nhsNumber, nhsNumbers))
          .orderBy(desc(supports.startedOn)),
      (row) => row.nhsNumber,
      batch,
    ),
  };
}

export type __TYPE__Loaders = ReturnType<typeof createLoaders>;
