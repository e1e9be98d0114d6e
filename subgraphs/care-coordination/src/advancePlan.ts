import { randomUUID } from 'node:crypto';
import { type Caller, createError, updateAtVersion } from '@joined-up/kit';
import { eq } from 'drizzle-orm';
import type { Transaction } from './context.ts';
import type { CarePlanRow } from './createLoaders.ts';
import { recordedByCaller } from './inputRules.ts';
import { carePlanChanges, carePlans } from './tables.ts';

/**
 * Moves a person's plan on by one version, if and only if it is still at the version the caller
 * read (the kit's updateAtVersion: one of two edits made against the same version wins, the other
 * gets CONFLICT with the current version), and records what changed.
 */
export async function advancePlan(
  tx: Transaction,
  caller: Caller,
  change: { nhsNumber: string; expectedVersion: number; summary: string; set?: Partial<typeof carePlans.$inferInsert> },
): Promise<CarePlanRow> {
  const plan = await updateAtVersion(tx, {
    table: carePlans,
    version: carePlans.version,
    where: eq(carePlans.nhsNumber, change.nhsNumber),
    expectedVersion: change.expectedVersion,
    set: change.set ?? {},
    what: 'The plan',
    notFound: () =>
      createError('NOT_FOUND', 'This person has no care plan yet: start one with startCarePlan.', {
        argumentName: 'input.nhsNumber',
      }),
  });
  await tx.insert(carePlanChanges).values({
    id: randomUUID(),
    planId: plan.id,
    nhsNumber: change.nhsNumber,
    version: plan.version,
    summary: change.summary,
    ...recordedByCaller(caller),
  });
  return plan;
}
