import {
  anyOf,
  createListLoader,
  createNewestFirstPages,
  createRowLoader,
  createSelectBatcher,
  type Database,
} from '@joined-up/kit';
import { asc, desc } from 'drizzle-orm';
import {
  allergies,
  careRelationships,
  clinicians,
  encounters,
  flags,
  medications,
  organisations,
  patients,
  problems,
  type HealthTables,
} from './tables.ts';

export type EncounterRow = typeof encounters.$inferSelect;

const encounterColumns = { person: encounters.nhsNumber, sortKey: encounters.occurredAt, id: encounters.id };

/**
 * The request's loaders: at most one statement per table per request, however many people,
 * and the tables one tick asks for go together in one statement (the request's select batcher).
 * Made per request so that nothing cached is ever shown to another caller.
 */
export function createLoaders(db: Database<HealthTables>) {
  // One statement for the selects that the request's loaders make in the same tick.
  const batch = createSelectBatcher(db as Database<Record<string, unknown>>);
  const byPerson = <T extends { nhsNumber: string }>(fetch: (keys: readonly string[]) => Promise<T[]>) =>
    createListLoader<string, T>(fetch, (row) => row.nhsNumber, batch);
  return {
    patient: createRowLoader<string, typeof patients.$inferSelect>(
      (keys) => db.select().from(patients).where(anyOf(patients.nhsNumber, keys)),
      (row) => row.nhsNumber,
      batch,
    ),
    problems: byPerson((keys) =>
      db
        .select()
        .from(problems)
        .where(anyOf(problems.nhsNumber, keys))
        .orderBy(desc(problems.onsetDate), asc(problems.id)),
    ),
    medications: byPerson((keys) =>
      db
        .select()
        .from(medications)
        .where(anyOf(medications.nhsNumber, keys))
        .orderBy(asc(medications.status), desc(medications.startedOn), asc(medications.id)),
    ),
    allergies: byPerson((keys) =>
      db.select().from(allergies).where(anyOf(allergies.nhsNumber, keys)).orderBy(asc(allergies.id)),
    ),
    flags: byPerson((keys) => db.select().from(flags).where(anyOf(flags.nhsNumber, keys)).orderBy(asc(flags.id))),
    careRelationships: byPerson((keys) =>
      db
        .select()
        .from(careRelationships)
        .where(anyOf(careRelationships.nhsNumber, keys))
        .orderBy(asc(careRelationships.since)),
    ),
    clinician: createRowLoader<string, typeof clinicians.$inferSelect>(
      (keys) => db.select().from(clinicians).where(anyOf(clinicians.id, keys)),
      (row) => row.id,
      batch,
    ),
    organisation: createRowLoader<string, typeof organisations.$inferSelect>(
      (keys) => db.select().from(organisations).where(anyOf(organisations.code, keys)),
      (row) => row.code,
      batch,
    ),
    // Every encounter of each person, newest first, for the timeline: a person has hundreds at most.
    encounters: byPerson((keys) =>
      db
        .select()
        .from(encounters)
        .where(anyOf(encounters.nhsNumber, keys))
        .orderBy(desc(encounters.occurredAt), desc(encounters.id)),
    ),
    // Sensitive entries are left out in SQL for a caller who may not see them.
    encounterPages: createNewestFirstPages(
      db as Database<Record<string, unknown>>,
      encounters,
      encounterColumns,
      encounters.sensitivity,
      batch,
    ),
  };
}

export type HealthLoaders = ReturnType<typeof createLoaders>;
