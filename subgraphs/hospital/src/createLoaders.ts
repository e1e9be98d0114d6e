import { anyOf, createListLoader, createSelectBatcher, type Database } from '@joined-up/kit';
import { desc } from 'drizzle-orm';
import { admissions, diagnoses, dischargeSummaries, emergencyAttendances, type HospitalTables } from './tables.ts';

/** The request's loaders: every list is fetched for all the people of a request in one statement. */
export function createLoaders(db: Database<HospitalTables>) {
  // One statement for the selects that the request's loaders make in the same tick.
  const batch = createSelectBatcher(db as Database<Record<string, unknown>>);
  return {
    admissions: createListLoader(
      (nhsNumbers: readonly string[]) =>
        db
          .select()
          .from(admissions)
          .where(anyOf(admissions.nhsNumber, nhsNumbers))
          .orderBy(desc(admissions.admittedAt)),
      (row) => row.nhsNumber,
      batch,
    ),
    emergencyAttendances: createListLoader(
      (nhsNumbers: readonly string[]) =>
        db
          .select()
          .from(emergencyAttendances)
          .where(anyOf(emergencyAttendances.nhsNumber, nhsNumbers))
          .orderBy(desc(emergencyAttendances.arrivedAt)),
      (row) => row.nhsNumber,
      batch,
    ),
    diagnoses: createListLoader(
      (nhsNumbers: readonly string[]) =>
        db
          .select()
          .from(diagnoses)
          .where(anyOf(diagnoses.nhsNumber, nhsNumbers))
          .orderBy(desc(diagnoses.recordedAt), diagnoses.rank),
      (row) => row.nhsNumber,
      batch,
    ),
    dischargeSummaries: createListLoader(
      (nhsNumbers: readonly string[]) =>
        db
          .select()
          .from(dischargeSummaries)
          .where(anyOf(dischargeSummaries.nhsNumber, nhsNumbers))
          .orderBy(desc(dischargeSummaries.recordedAt)),
      (row) => row.nhsNumber,
      batch,
    ),
  };
}

export type HospitalLoaders = ReturnType<typeof createLoaders>;
