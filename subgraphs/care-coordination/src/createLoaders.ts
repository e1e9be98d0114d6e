import { anyOf, createListLoader, createRowLoader, type Database } from '@joined-up/kit';
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
 * The request's loaders: one statement per table per request, whatever the number of people.
 * Made per request so that nothing cached is ever shown to another caller.
 */
export function createLoaders(db: Database<CareCoordinationTables>) {
  const byPerson = <T extends { nhsNumber: string }>(fetch: (keys: string[]) => Promise<T[]>) =>
    createListLoader<string, T>(
      (keys) => fetch([...keys]),
      (row) => row.nhsNumber,
    );
  const byPlan = <T extends { planId: string }>(fetch: (keys: string[]) => Promise<T[]>) =>
    createListLoader<string, T>(
      (keys) => fetch([...keys]),
      (row) => row.planId,
    );
  return {
    plan: createRowLoader<string, CarePlanRow>(
      (keys) => db.select().from(carePlans).where(anyOf(carePlans.nhsNumber, keys)),
      (row) => row.nhsNumber,
    ),
    goals: byPlan((keys) =>
      db
        .select()
        .from(carePlanGoals)
        .where(anyOf(carePlanGoals.planId, keys))
        .orderBy(asc(carePlanGoals.recordedAt), asc(carePlanGoals.id)),
    ),
    actions: createListLoader<string, typeof carePlanActions.$inferSelect>(
      (keys) =>
        db
          .select()
          .from(carePlanActions)
          .where(anyOf(carePlanActions.goalId, keys))
          .orderBy(asc(carePlanActions.dueOn), asc(carePlanActions.id)),
      (row) => row.goalId,
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
    ),
  };
}

export type CareCoordinationLoaders = ReturnType<typeof createLoaders>;
