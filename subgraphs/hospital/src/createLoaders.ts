import { createListLoader, type Database } from '@joined-up/kit';
import { desc, inArray } from 'drizzle-orm';
import { supports, type HospitalTables } from './tables.ts';

/** The request's loaders: every list is fetched for all the people of a request in one statement. */
export function createLoaders(db: Database<HospitalTables>) {
  return {
    supports: createListLoader(
      (nhsNumbers: readonly string[]) =>
        db
          .select()
          .from(supports)
          .where(inArray(supports.nhsNumber, [...nhsNumbers]))
          .orderBy(desc(supports.startedOn)),
      (row) => row.nhsNumber,
    ),
  };
}

export type HospitalLoaders = ReturnType<typeof createLoaders>;
