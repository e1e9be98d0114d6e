import { randomUUID } from 'node:crypto';
import { createError, provenanceOf, requireNhsNumber, runIdempotentWrite } from '@joined-up/kit';
import { eq, sql } from 'drizzle-orm';
import type { Context } from './context.ts';
import type { CarePlanRow } from './createLoaders.ts';
import { invalid, recordedByCaller, requireDate, requireText, today } from './inputRules.ts';
import { carePlanChanges, carePlans } from './tables.ts';

type DeclareInput = { nhsNumber: string; idempotencyKey: string; reason: string; until?: string | null };

/** Which plan is in force today: the contingency plan from a declaration until its end date, if it has one. */
export function planInForce(plan: CarePlanRow): 'USUAL' | 'CONTINGENCY' {
  if (!plan.carerUnavailableSince) return 'USUAL';
  return plan.carerUnavailableUntil === null || plan.carerUnavailableUntil >= today() ? 'CONTINGENCY' : 'USUAL';
}

/**
 * The carer, or anyone on the person's care team, declares that the carer cannot care: from now the
 * contingency plan is the plan in force, and the team is told (the care-coordination.carer-cannot-care
 * event, committed with the change). Whoever may read and write the contingency plan may declare it,
 * which is the person, the carer they delegated to, and every member of the care team.
 *
 * It takes no expected version: a carer taken ill must not be refused because someone edited a goal
 * a moment before. The plan still moves on a version, so an edit made against the old one conflicts.
 */
export async function declareCarerCannotCare(_: unknown, { input }: { input: DeclareInput }, context: Context) {
  const nhsNumber = requireNhsNumber(input.nhsNumber, 'input.nhsNumber');
  await context.access.require(nhsNumber, 'contingency');
  await context.access.require(nhsNumber, 'care-plan');
  const reason = requireText(input.reason, 'input.reason', 1000);
  const until = input.until === undefined || input.until === null ? null : requireDate(input.until, 'input.until');
  if (until !== null && until < today()) invalid('input.until', 'must not be in the past.');
  const { replayed } = await runIdempotentWrite(
    context,
    {
      operation: 'declareCarerCannotCare',
      idempotencyKey: input.idempotencyKey,
      input,
      nhsNumber,
      categories: ['contingency'],
    },
    async (tx, events) => {
      const recorded = recordedByCaller(context.caller);
      const [plan] = await tx
        .update(carePlans)
        .set({
          version: sql`${carePlans.version} + 1`,
          carerUnavailableSince: recorded.recordedAt,
          carerUnavailableUntil: until,
          carerUnavailableReason: reason,
          carerUnavailableDeclaredByName: recorded.recordedByName,
          carerUnavailableDeclaredByRole: recorded.recordedByRole,
          carerUnavailableOrganisationCode: recorded.organisationCode,
          carerUnavailableOrganisationName: recorded.organisationName,
        })
        .where(eq(carePlans.nhsNumber, nhsNumber))
        .returning();
      if (!plan) {
        throw createError('NOT_FOUND', 'This person has no care plan yet: start one with startCarePlan.', {
          argumentName: 'input.nhsNumber',
        });
      }
      await tx.insert(carePlanChanges).values({
        id: randomUUID(),
        planId: plan.id,
        nhsNumber,
        version: plan.version,
        summary:
          `${recorded.recordedByName} (${recorded.recordedByRole}) declared the carer cannot care` +
          `${until ? ` until ${until}` : ''}: the contingency plan is in force`,
        ...recorded,
      });
      events.record({ type: 'carer-cannot-care', recordId: plan.id, occurredAt: recorded.recordedAt });
      return { nhsNumber };
    },
  );
  context.audit.record(nhsNumber, 'care-plan');
  const [plan] = await context.db.select().from(carePlans).where(eq(carePlans.nhsNumber, nhsNumber));
  return { carePlan: plan, replayed };
}

/** What the plan says of the carer's unavailability, for CareCoordinationCarePlan.carerUnavailability. */
export function carerUnavailabilityOf(plan: CarePlanRow) {
  if (!plan.carerUnavailableSince) return null;
  return {
    since: new Date(plan.carerUnavailableSince).toISOString(),
    until: plan.carerUnavailableUntil,
    reason: plan.carerUnavailableReason ?? '',
    provenance: provenanceOf({
      recordedByName: plan.carerUnavailableDeclaredByName ?? '',
      recordedByRole: plan.carerUnavailableDeclaredByRole ?? '',
      organisationCode: plan.carerUnavailableOrganisationCode ?? '',
      organisationName: plan.carerUnavailableOrganisationName ?? '',
      recordedAt: plan.carerUnavailableSince,
    }),
  };
}
