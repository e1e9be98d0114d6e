import {
  anyOf,
  createListLoader,
  createNewestFirstPages,
  createRowLoader,
  createSelectBatcher,
  type Database,
} from '@joined-up/kit';
import { asc, desc, eq } from 'drizzle-orm';
import {
  engagements,
  organisations,
  referralStatusChanges,
  referrals,
  services,
  volunteers,
  whatMattersConversations,
  workers,
  type VoluntarySectorTables,
} from './tables.ts';

export type EngagementRow = typeof engagements.$inferSelect;
/** A referral's change of status with what a timeline says about the referral: whose, to where, why. */
export type ReferralStatusChangeRow = typeof referralStatusChanges.$inferSelect & {
  nhsNumber: string;
  referralReason: string;
  referredToName: string;
};

const engagementColumns = { person: engagements.nhsNumber, sortKey: engagements.occurredOn, id: engagements.id };

/**
 * The request's loaders: at most one statement per table per request, however many people,
 * and the tables one tick asks for go together in one statement (the request's select batcher).
 * Made per request so that nothing cached is ever shown to another caller.
 */
export function createLoaders(db: Database<VoluntarySectorTables>) {
  // One statement for the selects that the request's loaders make in the same tick.
  const batch = createSelectBatcher(db as Database<Record<string, unknown>>);
  const byPerson = <T extends { nhsNumber: string }>(fetch: (keys: readonly string[]) => Promise<T[]>) =>
    createListLoader<string, T>(fetch, (row) => row.nhsNumber, batch);
  return {
    referrals: byPerson((keys) =>
      db
        .select()
        .from(referrals)
        .where(anyOf(referrals.nhsNumber, keys))
        .orderBy(desc(referrals.referredOn), asc(referrals.id)),
    ),
    statusChanges: createListLoader<string, typeof referralStatusChanges.$inferSelect>(
      (keys) =>
        db
          .select()
          .from(referralStatusChanges)
          .where(anyOf(referralStatusChanges.referralId, keys))
          // Changes made on the same day keep the order they were made in: recorded time, then id.
          .orderBy(
            asc(referralStatusChanges.changedOn),
            asc(referralStatusChanges.recordedAt),
            asc(referralStatusChanges.id),
          ),
      (row) => row.referralId,
      batch,
    ),
    // Every status change of each person's referrals with the organisation's name, in one statement, for the timeline.
    referralStatusChangesByPerson: byPerson(async (keys): Promise<ReferralStatusChangeRow[]> => {
      const rows = await batch(
        db
          .select({
            change: referralStatusChanges,
            nhsNumber: referrals.nhsNumber,
            referralReason: referrals.reason,
            referredToCode: referrals.referredToCode,
            referredToName: organisations.name,
          })
          .from(referralStatusChanges)
          .innerJoin(referrals, eq(referrals.id, referralStatusChanges.referralId))
          .leftJoin(organisations, eq(organisations.code, referrals.referredToCode))
          .where(anyOf(referrals.nhsNumber, keys))
          .orderBy(
            desc(referralStatusChanges.changedOn),
            desc(referralStatusChanges.recordedAt),
            desc(referralStatusChanges.id),
          ),
      );
      return rows.map((row) => ({
        ...row.change,
        nhsNumber: row.nhsNumber,
        referralReason: row.referralReason,
        referredToName: row.referredToName ?? row.referredToCode,
      }));
    }),
    whatMatters: byPerson((keys) =>
      db
        .select()
        .from(whatMattersConversations)
        .where(anyOf(whatMattersConversations.nhsNumber, keys))
        .orderBy(desc(whatMattersConversations.heldOn), asc(whatMattersConversations.id)),
    ),
    // Every session of each person, newest first, for the timeline: a person has hundreds at most.
    engagements: byPerson((keys) =>
      db
        .select()
        .from(engagements)
        .where(anyOf(engagements.nhsNumber, keys))
        .orderBy(desc(engagements.occurredOn), desc(engagements.id)),
    ),
    // Sensitive entries are left out in SQL for a caller who may not see them.
    engagementPages: createNewestFirstPages(
      db as Database<Record<string, unknown>>,
      engagements,
      engagementColumns,
      engagements.sensitivity,
      batch,
    ),
    worker: createRowLoader<string, typeof workers.$inferSelect>(
      (keys) => db.select().from(workers).where(anyOf(workers.id, keys)),
      (row) => row.id,
      batch,
    ),
    organisation: createRowLoader<string, typeof organisations.$inferSelect>(
      (keys) => db.select().from(organisations).where(anyOf(organisations.code, keys)),
      (row) => row.code,
      batch,
    ),
    service: createRowLoader<string, typeof services.$inferSelect>(
      (keys) => db.select().from(services).where(anyOf(services.id, keys)),
      (row) => row.id,
      batch,
    ),
    servicesOf: createListLoader<string, typeof services.$inferSelect>(
      (keys) => db.select().from(services).where(anyOf(services.organisationCode, keys)).orderBy(asc(services.name)),
      (row) => row.organisationCode,
      batch,
    ),
    volunteersOf: createListLoader<string, typeof volunteers.$inferSelect>(
      (keys) =>
        db
          .select()
          .from(volunteers)
          .where(anyOf(volunteers.serviceId, keys))
          .orderBy(asc(volunteers.name), asc(volunteers.id)),
      (row) => row.serviceId,
      batch,
    ),
  };
}

export type VoluntarySectorLoaders = ReturnType<typeof createLoaders>;
