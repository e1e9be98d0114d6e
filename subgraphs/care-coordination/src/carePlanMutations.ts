import { randomUUID } from 'node:crypto';
import { addDays, createError, requireNhsNumber } from '@joined-up/kit';
import { and, eq } from 'drizzle-orm';
import { advancePlan } from './advancePlan.ts';
import type { CarePlanRow } from './createLoaders.ts';
import {
  invalid,
  optionalText,
  recordedByCaller,
  requireDate,
  requireOneOf,
  requireText,
  requireTexts,
  requireVersion,
  today,
} from './inputRules.ts';
import { type Context, type Transaction } from './context.ts';
import { runIdempotentWrite } from '@joined-up/kit';
import {
  carePlanActions,
  carePlanChanges,
  carePlanGoals,
  carePlanReviews,
  carePlans,
  careTeamMembers,
} from './tables.ts';
import { teamWorker } from './teamWorker.ts';

type PlanInput = { nhsNumber: string; idempotencyKey: string; expectedVersion: number };
type PlanChange = {
  summary: string;
  set?: Partial<typeof carePlans.$inferInsert>;
  after?: (tx: Transaction, plan: CarePlanRow) => Promise<void>;
};

const goalStatuses = ['ACTIVE', 'ACHIEVED', 'DISCONTINUED'] as const;
const actionStatuses = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;

/** The plan as it is now, read past the request's loaders (which may hold the state before the change). */
async function currentPlan(context: Context, nhsNumber: string): Promise<CarePlanRow> {
  const [plan] = await context.db.select().from(carePlans).where(eq(carePlans.nhsNumber, nhsNumber));
  if (!plan)
    throw createError('NOT_FOUND', 'This person has no care plan yet: start one with startCarePlan.', {
      argumentName: 'input.nhsNumber',
    });
  return plan;
}

/**
 * The shape every plan change takes: the caller may make this kind of change and read the plan
 * back; the input is validated before anything is written (`prepare` throws BAD_USER_INPUT);
 * then, once per idempotency key and in one transaction, the plan moves on a version, the change
 * is applied, the audit row written and the care-coordination.plan-changed event recorded.
 * Returns the plan as it now stands.
 */
async function changePlan(
  context: Context,
  operation: string,
  input: PlanInput,
  category: string,
  prepare: () => Promise<PlanChange> | PlanChange,
) {
  const nhsNumber = requireNhsNumber(input.nhsNumber, 'input.nhsNumber');
  const expectedVersion = requireVersion(input.expectedVersion);
  await context.access.require(nhsNumber, category);
  await context.access.require(nhsNumber, 'care-plan');
  const change = await prepare();
  const { replayed } = await runIdempotentWrite(
    context,
    { operation, idempotencyKey: input.idempotencyKey, input, nhsNumber, categories: [category] },
    async (tx, events) => {
      const plan = await advancePlan(tx, context.caller, {
        nhsNumber,
        expectedVersion,
        summary: change.summary,
        ...(change.set ? { set: change.set } : {}),
      });
      await change.after?.(tx, plan);
      // The team hears that the plan changed; what changed they read from the plan, under this policy.
      events.record({ type: 'plan-changed', recordId: plan.id });
      return { nhsNumber };
    },
  );
  context.audit.record(nhsNumber, 'care-plan');
  return { carePlan: await currentPlan(context, nhsNumber), replayed };
}

export const carePlanMutations = {
  startCarePlan: async (
    _: unknown,
    { input }: { input: { nhsNumber: string; idempotencyKey: string; nextReviewDue?: string | null } },
    context: Context,
  ) => {
    const nhsNumber = requireNhsNumber(input.nhsNumber, 'input.nhsNumber');
    await context.access.require(nhsNumber, 'plan-contribution');
    await context.access.require(nhsNumber, 'care-plan');
    const nextReviewDue = input.nextReviewDue
      ? requireDate(input.nextReviewDue, 'input.nextReviewDue')
      : addDays(today(), 84);
    if (nextReviewDue <= today()) invalid('input.nextReviewDue', 'must be after today.');
    const { replayed } = await runIdempotentWrite(
      context,
      {
        operation: 'startCarePlan',
        idempotencyKey: input.idempotencyKey,
        input,
        nhsNumber,
        categories: ['plan-contribution'],
      },
      async (tx, events) => {
        const id = randomUUID();
        const recorded = recordedByCaller(context.caller);
        // The unique index on the person makes a concurrent second start a no-op here, then CONFLICT.
        const [plan] = await tx
          .insert(carePlans)
          .values({ id, nhsNumber, version: 1, status: 'DRAFT', nextReviewDue, ...recorded })
          .onConflictDoNothing()
          .returning();
        if (!plan) {
          const [existing] = await tx
            .select({ version: carePlans.version })
            .from(carePlans)
            .where(eq(carePlans.nhsNumber, nhsNumber));
          throw createError(
            'CONFLICT',
            'This person already has a care plan: there is one plan per person, to which every agency contributes.',
            {
              argumentName: 'input.nhsNumber',
              currentVersion: existing?.version,
            },
          );
        }
        await tx.insert(carePlanChanges).values({
          id: randomUUID(),
          planId: id,
          nhsNumber,
          version: 1,
          summary: `Plan started by ${recorded.recordedByName}, ${recorded.recordedByRole}`,
          ...recorded,
        });
        // A plan started is the first change of it: the team hears as of every other.
        events.record({ type: 'plan-changed', recordId: id, occurredAt: recorded.recordedAt });
        return { nhsNumber };
      },
    );
    context.audit.record(nhsNumber, 'care-plan');
    return { carePlan: await currentPlan(context, nhsNumber), replayed };
  },

  updateAboutMe: (
    _: unknown,
    { input }: { input: PlanInput & { aboutMe?: string | null; whatMattersToMe?: string[] | null } },
    context: Context,
  ) =>
    changePlan(context, 'updateAboutMe', input, 'about-me', () => {
      if ((input.aboutMe === undefined || input.aboutMe === null) && !input.whatMattersToMe)
        invalid('input.aboutMe', 'or "input.whatMattersToMe" must be given.');
      const recorded = recordedByCaller(context.caller);
      const set: Partial<typeof carePlans.$inferInsert> = {
        aboutMeRecordedByName: recorded.recordedByName,
        aboutMeRecordedByRole: recorded.recordedByRole,
        aboutMeOrganisationCode: recorded.organisationCode,
        aboutMeOrganisationName: recorded.organisationName,
        aboutMeRecordedAt: recorded.recordedAt,
      };
      if (input.aboutMe !== undefined && input.aboutMe !== null)
        set.aboutMe = requireText(input.aboutMe, 'input.aboutMe', 4000);
      if (input.whatMattersToMe)
        set.whatMattersToMe = requireTexts(input.whatMattersToMe, 'input.whatMattersToMe', {
          min: 0,
          maxItems: 20,
          max: 500,
        });
      const parts = [set.aboutMe !== undefined ? 'About me' : null, set.whatMattersToMe ? 'what matters to me' : null]
        .filter(Boolean)
        .join(' and ');
      return {
        summary:
          `${parts.charAt(0).toUpperCase()}${parts.slice(1)} updated by ` +
          `${recorded.recordedByName} (${recorded.recordedByRole})`,
        set,
      };
    }),

  addCarePlanGoal: (_: unknown, { input }: { input: PlanInput & { description: string } }, context: Context) =>
    changePlan(context, 'addCarePlanGoal', input, 'goals', () => {
      const description = requireText(input.description, 'input.description', 500);
      return {
        summary: `Goal added: ${description}`,
        after: async (tx, plan) => {
          await tx.insert(carePlanGoals).values({
            id: randomUUID(),
            planId: plan.id,
            description,
            status: 'ACTIVE',
            ...recordedByCaller(context.caller),
          });
        },
      };
    }),

  updateCarePlanGoal: (
    _: unknown,
    { input }: { input: PlanInput & { goalId: string; description?: string | null; status?: string | null } },
    context: Context,
  ) =>
    changePlan(context, 'updateCarePlanGoal', input, 'goals', async () => {
      const nhsNumber = requireNhsNumber(input.nhsNumber, 'input.nhsNumber');
      const goalId = requireText(input.goalId, 'input.goalId', 100);
      if ((input.description === undefined || input.description === null) && !input.status)
        invalid('input.description', 'or "input.status" must be given.');
      const description =
        input.description === undefined || input.description === null
          ? undefined
          : requireText(input.description, 'input.description', 500);
      const status = input.status ? requireOneOf(input.status, 'input.status', goalStatuses) : undefined;
      const [goal] = await context.db
        .select({ id: carePlanGoals.id, description: carePlanGoals.description })
        .from(carePlanGoals)
        .innerJoin(carePlans, eq(carePlans.id, carePlanGoals.planId))
        .where(and(eq(carePlanGoals.id, goalId), eq(carePlans.nhsNumber, nhsNumber)));
      if (!goal) invalid('input.goalId', "is not a goal of this person's plan.");
      const words = { ACTIVE: 'reopened', ACHIEVED: 'achieved', DISCONTINUED: 'discontinued' };
      const summary =
        description !== undefined && description !== goal.description
          ? `Goal reworded: ${goal.description} is now ${description}`
          : `Goal ${status ? words[status] : 'unchanged'}: ${goal.description}`;
      return {
        summary: status && description !== undefined ? `${summary} (${words[status]})` : summary,
        after: async (tx) => {
          await tx
            .update(carePlanGoals)
            .set({ ...(description !== undefined ? { description } : {}), ...(status ? { status } : {}) })
            .where(eq(carePlanGoals.id, goal.id));
        },
      };
    }),

  addCarePlanAction: (
    _: unknown,
    { input }: { input: PlanInput & { goalId: string; description: string; ownerMemberId: string; dueOn: string } },
    context: Context,
  ) =>
    changePlan(context, 'addCarePlanAction', input, 'plan-contribution', async () => {
      const nhsNumber = requireNhsNumber(input.nhsNumber, 'input.nhsNumber');
      const description = requireText(input.description, 'input.description', 500);
      const dueOn = requireDate(input.dueOn, 'input.dueOn');
      if (dueOn < today()) invalid('input.dueOn', 'must not be in the past.');
      const [goal] = await context.db
        .select({ id: carePlanGoals.id })
        .from(carePlanGoals)
        .innerJoin(carePlans, eq(carePlans.id, carePlanGoals.planId))
        .where(
          and(eq(carePlanGoals.id, requireText(input.goalId, 'input.goalId', 100)), eq(carePlans.nhsNumber, nhsNumber)),
        );
      if (!goal) invalid('input.goalId', "is not a goal of this person's plan.");
      const owner = await teamWorker(context, nhsNumber, input.ownerMemberId, 'input.ownerMemberId');
      return {
        summary: `Action added: ${description} (${owner.memberOrganisationName}, due ${dueOn})`,
        after: async (tx, plan) => {
          // The owner must still be on the team when the action is written: their row is held
          // (FOR SHARE) so a removal running now waits and then sees the open action.
          const [still] = await tx
            .select({ id: careTeamMembers.id })
            .from(careTeamMembers)
            .where(eq(careTeamMembers.id, owner.id))
            .for('share');
          if (!still)
            throw createError('CONFLICT', 'The owner was taken off the care team a moment ago. Read the team again.', {
              argumentName: 'input.ownerMemberId',
            });
          await tx.insert(carePlanActions).values({
            id: randomUUID(),
            goalId: goal.id,
            planId: plan.id,
            description,
            ownerMemberId: owner.id,
            ownerOrganisationCode: owner.memberOrganisationCode ?? '',
            ownerOrganisationName: owner.memberOrganisationName ?? '',
            dueOn,
            status: 'NOT_STARTED',
            ...recordedByCaller(context.caller),
          });
        },
      };
    }),

  updateCarePlanAction: (
    _: unknown,
    { input }: { input: PlanInput & { actionId: string; status: string; note?: string | null } },
    context: Context,
  ) =>
    changePlan(context, 'updateCarePlanAction', input, 'plan-contribution', async () => {
      const nhsNumber = requireNhsNumber(input.nhsNumber, 'input.nhsNumber');
      const status = requireOneOf(input.status, 'input.status', actionStatuses);
      const note = optionalText(input.note, 'input.note', 1000);
      if (status === 'CANCELLED' && !note) invalid('input.note', 'must say why the action is cancelled.');
      const [action] = await context.db
        .select({ id: carePlanActions.id, description: carePlanActions.description })
        .from(carePlanActions)
        .innerJoin(carePlans, eq(carePlans.id, carePlanActions.planId))
        .where(
          and(
            eq(carePlanActions.id, requireText(input.actionId, 'input.actionId', 100)),
            eq(carePlans.nhsNumber, nhsNumber),
          ),
        );
      if (!action) invalid('input.actionId', "is not an action of this person's plan.");
      const words = { NOT_STARTED: 'not started', IN_PROGRESS: 'started', DONE: 'done', CANCELLED: 'cancelled' }[
        status
      ];
      return {
        summary: `Action ${words}: ${action.description}${note ? ` (${note})` : ''}`,
        after: async (tx) => {
          await tx.update(carePlanActions).set({ status }).where(eq(carePlanActions.id, action.id));
        },
      };
    }),

  updateContingencyPlan: (
    _: unknown,
    { input }: { input: PlanInput & { whatToDo: string; whoToContact: string[] } },
    context: Context,
  ) =>
    changePlan(context, 'updateContingencyPlan', input, 'contingency', () => {
      const recorded = recordedByCaller(context.caller);
      return {
        summary: `Contingency plan updated by ${recorded.recordedByName} (${recorded.recordedByRole})`,
        set: {
          contingencyWhatToDo: requireText(input.whatToDo, 'input.whatToDo', 4000),
          contingencyWhoToContact: requireTexts(input.whoToContact, 'input.whoToContact', {
            min: 1,
            maxItems: 10,
            max: 200,
          }),
          contingencyRecordedByName: recorded.recordedByName,
          contingencyRecordedByRole: recorded.recordedByRole,
          contingencyOrganisationCode: recorded.organisationCode,
          contingencyOrganisationName: recorded.organisationName,
          contingencyRecordedAt: recorded.recordedAt,
        },
      };
    }),

  recordCarePlanReview: (
    _: unknown,
    { input }: { input: PlanInput & { reviewedOn: string; summary: string; nextReviewDue: string } },
    context: Context,
  ) =>
    changePlan(context, 'recordCarePlanReview', input, 'plan-contribution', () => {
      const reviewedOn = requireDate(input.reviewedOn, 'input.reviewedOn');
      if (reviewedOn > today()) invalid('input.reviewedOn', 'must not be in the future.');
      const nextReviewDue = requireDate(input.nextReviewDue, 'input.nextReviewDue');
      if (nextReviewDue <= reviewedOn) invalid('input.nextReviewDue', 'must be after the review.');
      const summary = requireText(input.summary, 'input.summary', 2000);
      return {
        summary: `Plan reviewed on ${reviewedOn}; next review due ${nextReviewDue}`,
        set: { lastReviewedOn: reviewedOn, nextReviewDue, status: 'AGREED' },
        after: async (tx, plan) => {
          await tx.insert(carePlanReviews).values({
            id: randomUUID(),
            planId: plan.id,
            reviewedOn,
            summary,
            nextReviewDue,
            ...recordedByCaller(context.caller),
          });
        },
      };
    }),
};
