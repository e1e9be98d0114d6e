import type { CarePlanForEditingQuery } from '../generated/operations.ts';
import type { useChange } from './useChange.ts';

/** The person as their coordinator works on their plan. */
export type PlanPerson = NonNullable<CarePlanForEditingQuery['person']>;
export type Plan = NonNullable<PlanPerson['carePlan']>;
export type TeamMember = NonNullable<PlanPerson['careTeam']>[number];
/** The page's change runner, shared by its sections so one error summary serves them all. */
export type Change = ReturnType<typeof useChange>;

/** A member's name: from the agency that employs them, or as an unpaid carer asked to be called. */
export function memberName(member: TeamMember): string {
  return (
    member.clinician?.name ??
    member.socialCareWorker?.name ??
    member.voluntarySectorWorker?.name ??
    member.partnershipWorker?.name ??
    member.carerName ??
    member.role
  );
}
