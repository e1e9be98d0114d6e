import {
  anyOf,
  loadConsentFacts,
  relationshipKind as kind,
  type Caller,
  type Database,
  type SubjectFactsLoader,
} from '@joined-up/kit';
import { and, eq, isNotNull, or, type SQL } from 'drizzle-orm';
import { careCoordinationPolicy, professionalRoles } from './policy.ts';
import { careTeamMembers, referrals, type CareCoordinationTables } from './tables.ts';

const professionals: ReadonlySet<string> = new Set(professionalRoles);

/**
 * The relationships the partnership's own data shows between the caller and each person:
 * - 'care-team': the caller is a worker on the person's care team; 'coordinator' when named so;
 * - 'organisation-on-team': a worker of the caller's organisation is on the team;
 * - 'referral-party': the caller's organisation sent or received a referral for the person,
 *   and 'referral-recipient' when it received one;
 * - 'agency-privacy-officer': added by the kit for the partnership's own privacy officer.
 * The kit adds sharing decisions, delegations and emergencies: one statement for all of them,
 * whatever the number of people.
 */
export function loadSubjectFacts(db: Database<CareCoordinationTables>): SubjectFactsLoader {
  return async (caller: Caller, nhsNumbers: readonly string[]) => {
    const people = [...nhsNumbers];
    const professional = professionals.has(caller.role) && caller.organisation.sector !== 'citizen';
    const organisation = caller.organisation.code;
    const member = (relationship: SQL.Aliased<string>, condition: SQL) =>
      db
        .select({ nhsNumber: careTeamMembers.nhsNumber, kind: relationship })
        .from(careTeamMembers)
        .where(and(anyOf(careTeamMembers.nhsNumber, people), isNotNull(careTeamMembers.workerId), condition));
    const referral = (relationship: SQL.Aliased<string>, condition: SQL | undefined) =>
      db
        .select({ nhsNumber: referrals.nhsNumber, kind: relationship })
        .from(referrals)
        .where(and(anyOf(referrals.nhsNumber, people), condition));
    const facts = await loadConsentFacts(
      db as Database<Record<string, unknown>>,
      caller,
      people,
      careCoordinationPolicy,
      professional
        ? [
            member(
              kind('organisation-on-team'),
              or(
                eq(careTeamMembers.workerId, caller.subject),
                eq(careTeamMembers.memberOrganisationCode, organisation),
              )!,
            ),
            // A member is named by free text (another agency's worker id): the place counts only for
            // a caller whose verified token is of the organisation the membership names, so nobody can
            // open a record (here, or at an agency that accepts this care team) by typing an id.
            member(
              kind('care-team'),
              and(
                eq(careTeamMembers.workerId, caller.subject),
                eq(careTeamMembers.memberOrganisationCode, organisation),
              )!,
            ),
            member(
              kind('coordinator'),
              and(
                eq(careTeamMembers.workerId, caller.subject),
                eq(careTeamMembers.memberOrganisationCode, organisation),
                careTeamMembers.isCoordinator,
              )!,
            ),
            referral(
              kind('referral-party'),
              or(eq(referrals.fromOrganisationCode, organisation), eq(referrals.toOrganisationCode, organisation)),
            ),
            referral(kind('referral-recipient'), eq(referrals.toOrganisationCode, organisation)),
          ]
        : [],
    );
    return facts;
  };
}
