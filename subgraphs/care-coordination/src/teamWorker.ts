import { and, eq } from 'drizzle-orm';
import { invalid, requireText } from './inputRules.ts';
import type { Context } from './context.ts';
import { careTeamMembers } from './tables.ts';

/** A worker on the person's care team (not an unpaid carer), or BAD_USER_INPUT naming the field. */
export async function teamWorker(context: Context, nhsNumber: string, memberId: unknown, field: string) {
  const [member] = await context.db
    .select()
    .from(careTeamMembers)
    .where(and(eq(careTeamMembers.id, requireText(memberId, field, 100)), eq(careTeamMembers.nhsNumber, nhsNumber)));
  if (!member) invalid(field, "is not a member of this person's care team.");
  if (member.kind === 'UNPAID_CARER') invalid(field, 'must be a worker, not an unpaid carer.');
  return member;
}
