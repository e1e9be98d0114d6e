import { anyOf, createListLoader, createRowLoader, createSelectBatcher, type Database } from '@joined-up/kit';
import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import {
  allocations,
  assessments,
  careWorkerAssignments,
  competencies,
  organisations,
  plans,
  requests,
  reviews,
  services,
  unpaidCarers,
  workers,
  type SocialCareTables,
} from './tables.ts';

/** A caring relationship as seen from one side: the person is either cared for or the carer. */
export interface CarerLink {
  side: 'caredFor' | 'carer';
  nhsNumber: string;
  row: typeof unpaidCarers.$inferSelect;
}

/**
 * The request's loaders: at most one statement per table per request, however many people,
 * and the tables one tick asks for go together in one statement (the request's select batcher).
 * Made per request so that nothing cached is ever shown to another caller.
 */
export function createLoaders(db: Database<SocialCareTables>) {
  // One statement for the selects that the request's loaders make in the same tick.
  const batch = createSelectBatcher(db as Database<Record<string, unknown>>);
  const byPerson = <T extends { nhsNumber: string }>(fetch: (keys: readonly string[]) => Promise<T[]>) =>
    createListLoader<string, T>(fetch, (row) => row.nhsNumber, batch);
  return {
    requests: byPerson((keys) =>
      db
        .select()
        .from(requests)
        .where(anyOf(requests.nhsNumber, keys))
        .orderBy(desc(requests.requestedOn), asc(requests.id)),
    ),
    assessments: byPerson((keys) =>
      db
        .select()
        .from(assessments)
        .where(anyOf(assessments.nhsNumber, keys))
        .orderBy(desc(assessments.assessedOn), asc(assessments.id)),
    ),
    // Current services first (no end date), then the most recently started.
    services: byPerson((keys) =>
      db
        .select()
        .from(services)
        .where(anyOf(services.nhsNumber, keys))
        .orderBy(sql`${services.endDate} is not null`, desc(services.startDate), asc(services.id)),
    ),
    plans: byPerson((keys) =>
      db.select().from(plans).where(anyOf(plans.nhsNumber, keys)).orderBy(desc(plans.agreedOn), asc(plans.id)),
    ),
    reviews: byPerson((keys) =>
      db
        .select()
        .from(reviews)
        .where(anyOf(reviews.nhsNumber, keys))
        .orderBy(desc(reviews.reviewedOn), asc(reviews.id)),
    ),
    // The worker a person is allocated to, read with the allocation in one select (so in the same
    // statement as the request's other reads), not after it.
    allocatedWorker: createRowLoader<string, { nhsNumber: string; worker: typeof workers.$inferSelect }>(
      (keys) =>
        db
          .select({ nhsNumber: allocations.nhsNumber, worker: workers })
          .from(allocations)
          .innerJoin(workers, eq(workers.id, allocations.workerId))
          .where(and(anyOf(allocations.nhsNumber, keys), isNull(allocations.endedOn))),
      (row) => row.nhsNumber,
      batch,
    ),
    // Both sides of caring in one statement: a row is handed to the cared-for person and to the carer.
    carerLinks: createListLoader<string, CarerLink>(
      async (keys) => {
        const rows = await batch(
          db
            .select()
            .from(unpaidCarers)
            .where(or(anyOf(unpaidCarers.caredForNhsNumber, keys), anyOf(unpaidCarers.carerNhsNumber, keys)))
            .orderBy(asc(unpaidCarers.since), asc(unpaidCarers.id)),
        );
        return rows.flatMap((row) => [
          { side: 'caredFor' as const, nhsNumber: row.caredForNhsNumber, row },
          { side: 'carer' as const, nhsNumber: row.carerNhsNumber, row },
        ]);
      },
      (link) => link.nhsNumber,
      batch,
    ),
    careWorkerAssignments: byPerson((keys) =>
      db
        .select()
        .from(careWorkerAssignments)
        .where(anyOf(careWorkerAssignments.nhsNumber, keys))
        .orderBy(asc(careWorkerAssignments.since), asc(careWorkerAssignments.id)),
    ),
    worker: createRowLoader<string, typeof workers.$inferSelect>(
      (keys) => db.select().from(workers).where(anyOf(workers.id, keys)),
      (row) => row.id,
      batch,
    ),
    workersByOrganisation: createListLoader<string, typeof workers.$inferSelect>(
      (keys) =>
        db
          .select()
          .from(workers)
          .where(anyOf(workers.organisationCode, keys))
          .orderBy(asc(workers.name), asc(workers.id)),
      (row) => row.organisationCode,
      batch,
    ),
    competencies: createListLoader<string, typeof competencies.$inferSelect>(
      (keys) =>
        db
          .select()
          .from(competencies)
          .where(anyOf(competencies.workerId, keys))
          .orderBy(asc(competencies.name), asc(competencies.id)),
      (row) => row.workerId,
      batch,
    ),
    organisation: createRowLoader<string, typeof organisations.$inferSelect>(
      (keys) => db.select().from(organisations).where(anyOf(organisations.code, keys)),
      (row) => row.code,
      batch,
    ),
  };
}

export type SocialCareLoaders = ReturnType<typeof createLoaders>;
