import { anyOf, createListLoader, createRowLoader, createSelectBatcher, type Database } from '@joined-up/kit';
import { asc, desc } from 'drizzle-orm';
import {
  carePlanActions,
  carePlanChanges,
  carePlanGoals,
  carePlanReviews,
  carePlans,
  careTeamMembers,
  experienceResponses,
  referralStatusChanges,
  referrals,
  skillNeeds,
  workers,
  type CareCoordinationTables,
} from './tables.ts';

export type CarePlanRow = typeof carePlans.$inferSelect;
export type CareTeamMemberRow = typeof careTeamMembers.$inferSelect;
export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralStatusChangeRow = typeof referralStatusChanges.$inferSelect;
export type CarePlanChangeRow = typeof carePlanChanges.$inferSelect;
export type ExperienceResponseRow = typeof experienceResponses.$inferSelect;
export type SkillNeedRow = typeof skillNeeds.$inferSelect;

/**
 * The request's loaders: at most one statement per table per request, however many people,
 * and the tables one tick asks for go together in one statement (the request's select batcher).
 * Made per request so that nothing cached is ever shown to another caller.
 */
export function createLoaders(db: Database<CareCoordinationTables>) {
  // One statement for the selects that the request's loaders make in the same tick.
  const batch = createSelectBatcher(db as Database<Record<string, unknown>>);
  const byPerson = <T extends { nhsNumber: string }>(fetch: (keys: string[]) => Promise<T[]>) =>
    createListLoader<string, T>(
      (keys) => fetch([...keys]),
      (row) => row.nhsNumber,
      batch,
    );
  const byPlan = <T extends { planId: string }>(fetch: (keys: string[]) => Promise<T[]>) =>
    createListLoader<string, T>(
      (keys) => fetch([...keys]),
      (row) => row.planId,
      batch,
    );
  return {
    plan: createRowLoader<string, CarePlanRow>(
      (keys) => db.select().from(carePlans).where(anyOf(carePlans.nhsNumber, keys)),
      (row) => row.nhsNumber,
      batch,
    ),
    goals: byPlan((keys) =>
      db
        .select()
        .from(carePlanGoals)
        .where(anyOf(carePlanGoals.planId, keys))
        .orderBy(asc(carePlanGoals.recordedAt), asc(carePlanGoals.id)),
    ),
    // A plan's actions, by plan, so that they can be read in the same statement as its goals.
    actionsOfPlan: byPlan((keys) =>
      db
        .select()
        .from(carePlanActions)
        .where(anyOf(carePlanActions.planId, keys))
        .orderBy(asc(carePlanActions.dueOn), asc(carePlanActions.id)),
    ),
    reviews: byPlan((keys) =>
      db
        .select()
        .from(carePlanReviews)
        .where(anyOf(carePlanReviews.planId, keys))
        .orderBy(desc(carePlanReviews.reviewedOn), desc(carePlanReviews.id)),
    ),
    changes: byPlan((keys) =>
      db
        .select()
        .from(carePlanChanges)
        .where(anyOf(carePlanChanges.planId, keys))
        .orderBy(desc(carePlanChanges.version)),
    ),
    planChangesOf: byPerson((keys) => db.select().from(carePlanChanges).where(anyOf(carePlanChanges.nhsNumber, keys))),
    team: byPerson((keys) =>
      db
        .select()
        .from(careTeamMembers)
        .where(anyOf(careTeamMembers.nhsNumber, keys))
        .orderBy(asc(careTeamMembers.since), asc(careTeamMembers.id)),
    ),
    member: createRowLoader<string, CareTeamMemberRow>(
      (keys) => db.select().from(careTeamMembers).where(anyOf(careTeamMembers.id, keys)),
      (row) => row.id,
      batch,
    ),
    referrals: byPerson((keys) =>
      db
        .select()
        .from(referrals)
        .where(anyOf(referrals.nhsNumber, keys))
        .orderBy(desc(referrals.sentAt), desc(referrals.id)),
    ),
    statusChanges: createListLoader<string, ReferralStatusChangeRow>(
      (keys) =>
        db
          .select()
          .from(referralStatusChanges)
          .where(anyOf(referralStatusChanges.referralId, keys))
          .orderBy(asc(referralStatusChanges.recordedAt), asc(referralStatusChanges.id)),
      (row) => row.referralId,
      batch,
    ),
    statusChangesOf: byPerson((keys) =>
      db.select().from(referralStatusChanges).where(anyOf(referralStatusChanges.nhsNumber, keys)),
    ),
    skillNeeds: byPerson((keys) =>
      db
        .select()
        .from(skillNeeds)
        .where(anyOf(skillNeeds.nhsNumber, keys))
        .orderBy(asc(skillNeeds.recordedAt), asc(skillNeeds.id)),
    ),
    experience: byPerson((keys) =>
      db
        .select()
        .from(experienceResponses)
        .where(anyOf(experienceResponses.nhsNumber, keys))
        .orderBy(desc(experienceResponses.answeredOn), desc(experienceResponses.id)),
    ),
    worker: createRowLoader<string, typeof workers.$inferSelect>(
      (keys) => db.select().from(workers).where(anyOf(workers.id, keys)),
      (row) => row.id,
      batch,
    ),
  };
}

export type CareCoordinationLoaders = ReturnType<typeof createLoaders>;
