import { loadConsentFacts, type Caller, type Database, type SubjectFactsLoader } from '@joined-up/kit';
import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { careCoordinationPolicy, professionalRoles } from './policy.ts';
import { careTeamMembers, referrals, type CareCoordinationTables } from './tables.ts';

const professionals: ReadonlySet<string> = new Set(professionalRoles);

/**
 * The relationships the partnership's own data shows between the caller and each person:
 * - 'care-team': the caller is a worker on the person's care team; 'coordinator' when named so;
 * - 'organisation-on-team': a worker of the caller's organisation is on the team;
 * - 'referral-party': the caller's organisation sent or received a referral for the person,
 *   and 'referral-recipient' when it received one;
 * - 'direct-care-professional': the caller works in a professional role of the place (for referring);
 * - 'agency-privacy-officer': added by the kit for the partnership's own privacy officer.
 * The kit adds sharing decisions, delegations and emergencies. At most five statements per
 * request, whatever the number of people.
 */
export function loadSubjectFacts(db: Database<CareCoordinationTables>): SubjectFactsLoader {
  return async (caller: Caller, nhsNumbers: readonly string[]) => {
    const people = [...nhsNumbers];
    const professional = professionals.has(caller.role) && caller.organisation.sector !== 'citizen';
    const organisation = caller.organisation.code;
    const [facts, team, referred] = await Promise.all([
      loadConsentFacts(db as Database<Record<string, unknown>>, caller, people, careCoordinationPolicy),
      professional
        ? db
            .select({
              nhsNumber: careTeamMembers.nhsNumber,
              workerId: careTeamMembers.workerId,
              isCoordinator: careTeamMembers.isCoordinator,
            })
            .from(careTeamMembers)
            .where(
              and(
                inArray(careTeamMembers.nhsNumber, people),
                isNotNull(careTeamMembers.workerId),
                or(
                  eq(careTeamMembers.workerId, caller.subject),
                  eq(careTeamMembers.memberOrganisationCode, organisation),
                ),
              ),
            )
        : Promise.resolve([]),
      professional
        ? db
            .select({ nhsNumber: referrals.nhsNumber, toOrganisationCode: referrals.toOrganisationCode })
            .from(referrals)
            .where(
              and(
                inArray(referrals.nhsNumber, people),
                or(eq(referrals.fromOrganisationCode, organisation), eq(referrals.toOrganisationCode, organisation)),
              ),
            )
        : Promise.resolve([]),
    ]);
    for (const [nhsNumber, known] of facts)
      if (professional && nhsNumber) known.relationships.add('direct-care-professional');
    for (const row of team) {
      const relationships = facts.get(row.nhsNumber)?.relationships;
      if (!relationships) continue;
      relationships.add('organisation-on-team');
      if (row.workerId === caller.subject) {
        relationships.add('care-team');
        if (row.isCoordinator) relationships.add('coordinator');
      }
    }
    for (const row of referred) {
      const relationships = facts.get(row.nhsNumber)?.relationships;
      if (!relationships) continue;
      relationships.add('referral-party');
      if (row.toOrganisationCode === organisation) relationships.add('referral-recipient');
    }
    return facts;
  };
}
