import {
  anyOf,
  careTeam,
  loadConsentFacts,
  relationshipKind as kind,
  type Caller,
  type Database,
  type RelationshipQuery,
  type SubjectFactsLoader,
} from '@joined-up/kit';
import { and, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import { voluntarySectorPolicy } from './policy.ts';
import { clients, referrals, type VoluntarySectorTables } from './tables.ts';

/**
 * The relationships the voluntary sector's own data shows between the caller and each person:
 * - 'link-worker': the caller took the person's referral on, or the person is the caller's (linked) client;
 * - 'organisation-staff': the caller works for the organisation the person was referred to;
 * - 'referrer': the caller's organisation made the referral, with 'referrer-shared-what-matters'
 *   and 'referrer-shared-engagements' when the person agreed on that referral to share those;
 * - 'care-team': the partnership records the caller as working with the person;
 * - 'agency-privacy-officer': the caller is the partnership's own privacy officer.
 * The kit adds the sharing decisions, delegations and emergencies: one statement for all of them,
 * whatever the number of people.
 */
export function loadSubjectFacts(db: Database<VoluntarySectorTables>): SubjectFactsLoader {
  return async (caller: Caller, nhsNumbers: readonly string[]) => {
    const people = [...nhsNumbers];
    const ownStaff = caller.organisation.sector === 'voluntary-sector';
    const professional = caller.role !== 'person' && caller.role !== 'carer';
    const referral = (relationship: SQL.Aliased<string>, condition: SQL) =>
      db
        .select({ nhsNumber: referrals.nhsNumber, kind: relationship })
        .from(referrals)
        .where(and(anyOf(referrals.nhsNumber, people), condition));
    const fromReferrer = eq(referrals.referrerOrganisationCode, caller.organisation.code);
    const queries: RelationshipQuery[] = [
      ...(professional && ownStaff
        ? [
            referral(kind('link-worker'), eq(referrals.linkWorkerId, caller.subject)),
            referral(kind('organisation-staff'), eq(referrals.referredToCode, caller.organisation.code)),
          ]
        : []),
      ...(professional
        ? [
            referral(kind('referrer'), fromReferrer),
            // What the person agreed on that referral to share with the referrer, one row a category.
            referral(
              sql<string>`'referrer-shared-' || unnest(${referrals.sharedWithReferrer})`.as('kind'),
              fromReferrer,
            ),
            db
              .select({ nhsNumber: careTeam.nhsNumber, kind: kind('care-team') })
              .from(careTeam)
              .where(and(anyOf(careTeam.nhsNumber, people), eq(careTeam.memberSubject, caller.subject))),
          ]
        : []),
      ...(ownStaff
        ? [
            db
              .select({ nhsNumber: clients.nhsNumber, kind: kind('link-worker') })
              .from(clients)
              .where(
                and(
                  anyOf(clients.nhsNumber, people),
                  eq(clients.workerId, caller.subject),
                  isNotNull(clients.linkedWithAgreementOn),
                ),
              ),
          ]
        : []),
    ];
    return loadConsentFacts(db as Database<Record<string, unknown>>, caller, people, voluntarySectorPolicy, queries);
  };
}
