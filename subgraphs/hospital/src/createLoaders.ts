import { createListLoader, type Database } from '@joined-up/kit';
import { desc, inArray } from 'drizzle-orm';
import { admissions, diagnoses, dischargeSummaries, emergencyAttendances, type HospitalTables } from './tables.ts';

/** The request's loaders: every list is fetched for all the people of a request in one statement. */
export function createLoaders(db: Database<HospitalTables>) {
  return {
    admissions: createListLoader(
      (nhsNumbers: readonly string[]) =>
        db
          .select()
          .from(admissions)
          .where(inArray(admissions.nhsNumber, [...nhsNumbers]))
          .orderBy(desc(admissions.admittedAt)),
      (row) => row.nhsNumber,
    ),
    emergencyAttendances: createListLoader(
      (nhsNumbers: readonly string[]) =>
        db
          .select()
          .from(emergencyAttendances)
          .where(inArray(emergencyAttendances.nhsNumber, [...nhsNumbers]))
          .orderBy(desc(emergencyAttendances.arrivedAt)),
      (row) => row.nhsNumber,
    ),
    diagnoses: createListLoader(
      (nhsNumbers: readonly string[]) =>
        db
          .select()
          .from(diagnoses)
          .where(inArray(diagnoses.nhsNumber, [...nhsNumbers]))
          .orderBy(desc(diagnoses.recordedAt), diagnoses.rank),
      (row) => row.nhsNumber,
    ),
    dischargeSummaries: createListLoader(
      (nhsNumbers: readonly string[]) =>
        db
          .select()
          .from(dischargeSummaries)
          .where(inArray(dischargeSummaries.nhsNumber, [...nhsNumbers]))
          .orderBy(desc(dischargeSummaries.recordedAt)),
      (row) => row.nhsNumber,
    ),
  };
}

export type HospitalLoaders = ReturnType<typeof createLoaders>;
