import { anyOf, createListLoader, createRowLoader, type Database } from '@joined-up/kit';
import { and, asc, desc, isNull, or, sql } from 'drizzle-orm';
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
 * The request's loaders: one statement per table per request, whatever the number of people.
 * Made per request so that nothing cached is ever shown to another caller.
 */
export function createLoaders(db: Database<SocialCareTables>) {
  const byPerson = <T extends { nhsNumber: string }>(fetch: (keys: readonly string[]) => Promise<T[]>) =>
    createListLoader<string, T>(fetch, (row) => row.nhsNumber);
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
    currentAllocation: createRowLoader<string, typeof allocations.$inferSelect>(
      (keys) =>
        db
          .select()
          .from(allocations)
          .where(and(anyOf(allocations.nhsNumber, keys), isNull(allocations.endedOn))),
      (row) => row.nhsNumber,
    ),
    // Both sides of caring in one statement: a row is handed to the cared-for person and to the carer.
    carerLinks: createListLoader<string, CarerLink>(
      async (keys) => {
        const rows = await db
          .select()
          .from(unpaidCarers)
          .where(or(anyOf(unpaidCarers.caredForNhsNumber, keys), anyOf(unpaidCarers.carerNhsNumber, keys)))
          .orderBy(asc(unpaidCarers.since), asc(unpaidCarers.id));
        return rows.flatMap((row) => [
          { side: 'caredFor' as const, nhsNumber: row.caredForNhsNumber, row },
          { side: 'carer' as const, nhsNumber: row.carerNhsNumber, row },
        ]);
      },
      (link) => link.nhsNumber,
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
    ),
    workersByOrganisation: createListLoader<string, typeof workers.$inferSelect>(
      (keys) =>
        db
          .select()
          .from(workers)
          .where(anyOf(workers.organisationCode, keys))
          .orderBy(asc(workers.name), asc(workers.id)),
      (row) => row.organisationCode,
    ),
    competencies: createListLoader<string, typeof competencies.$inferSelect>(
      (keys) =>
        db
          .select()
          .from(competencies)
          .where(anyOf(competencies.workerId, keys))
          .orderBy(asc(competencies.name), asc(competencies.id)),
      (row) => row.workerId,
    ),
    organisation: createRowLoader<string, typeof organisations.$inferSelect>(
      (keys) => db.select().from(organisations).where(anyOf(organisations.code, keys)),
      (row) => row.code,
    ),
  };
}

export type SocialCareLoaders = ReturnType<typeof createLoaders>;
