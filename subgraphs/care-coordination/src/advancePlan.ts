import { randomUUID } from 'node:crypto';
import { createError, type Caller } from '@joined-up/kit';
import { and, eq, sql } from 'drizzle-orm';
import type { CarePlanRow } from './createLoaders.ts';
import { recordedByCaller } from './inputRules.ts';
import type { Transaction } from './runIdempotentWrite.ts';
import { carePlanChanges, carePlans } from './tables.ts';

/**
 * Moves a person's plan on by one version, if and only if it is still at the version the caller
 * read, and records what changed. The version check and the increment are one UPDATE: under
 * concurrent edits PostgreSQL makes the second wait for the first and then re-check its WHERE
 * clause against the new version, so exactly one of two edits made against the same version wins
 * and the other gets CONFLICT with the current version, never a silent overwrite.
 */
export async function advancePlan(
  tx: Transaction,
  caller: Caller,
  change: { nhsNumber: string; expectedVersion: number; summary: string; set?: Partial<typeof carePlans.$inferInsert> },
): Promise<CarePlanRow> {
  const [plan] = await tx
    .update(carePlans)
    .set({ ...change.set, version: sql`${carePlans.version} + 1` })
    .where(and(eq(carePlans.nhsNumber, change.nhsNumber), eq(carePlans.version, change.expectedVersion)))
    .returning();
  if (!plan) {
    const [current] = await tx
      .select({ version: carePlans.version })
      .from(carePlans)
      .where(eq(carePlans.nhsNumber, change.nhsNumber));
    if (!current)
      throw createError('NOT_FOUND', 'This person has no care plan yet: start one with startCarePlan.', {
        argumentName: 'input.nhsNumber',
      });
    throw createError(
      'CONFLICT',
      `The plan was changed by someone else since version ${change.expectedVersion}: it is now at version ${current.version}. Read it again and redo your change.`,
      {
        argumentName: 'input.expectedVersion',
        currentVersion: current.version,
      },
    );
  }
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
