import { loadConsentFacts, type Caller, type Database, type SubjectFactsLoader } from '@joined-up/kit';
import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { voluntarySectorPolicy } from './policy.ts';
import { clients, referrals, type VoluntarySectorTables } from './tables.ts';
import { careTeam } from '@joined-up/kit';

/**
 * The relationships the voluntary sector's own data shows between the caller and each person:
 * - 'link-worker': the caller took the person's referral on, or the person is the caller's (linked) client;
 * - 'organisation-staff': the caller works for the organisation the person was referred to;
 * - 'referrer': the caller's organisation made the referral, with 'referrer-shared-what-matters'
 *   and 'referrer-shared-engagements' when the person agreed on that referral to share those;
 * - 'care-team': the partnership records the caller as working with the person;
 * - 'agency-privacy-officer': the caller is the partnership's own privacy officer.
 * The kit adds the sharing decisions, delegations and emergencies. At most six statements per
 * request, whatever the number of people.
 */
export function loadSubjectFacts(db: Database<VoluntarySectorTables>): SubjectFactsLoader {
  return async (caller: Caller, nhsNumbers: readonly string[]) => {
    const people = [...nhsNumbers];
    const ownStaff = caller.organisation.sector === 'voluntary-sector';
    const professional = caller.role !== 'person' && caller.role !== 'carer';
    const [facts, referred, linkedClients, team] = await Promise.all([
      loadConsentFacts(db as Database<Record<string, unknown>>, caller, people, voluntarySectorPolicy),
      professional
        ? db
            .select({
              nhsNumber: referrals.nhsNumber,
              linkWorkerId: referrals.linkWorkerId,
              referredToCode: referrals.referredToCode,
              referrerOrganisationCode: referrals.referrerOrganisationCode,
              sharedWithReferrer: referrals.sharedWithReferrer,
            })
            .from(referrals)
            .where(
              and(
                inArray(referrals.nhsNumber, people),
                or(
                  ownStaff ? eq(referrals.linkWorkerId, caller.subject) : undefined,
                  ownStaff ? eq(referrals.referredToCode, caller.organisation.code) : undefined,
                  eq(referrals.referrerOrganisationCode, caller.organisation.code),
                ),
              ),
            )
        : Promise.resolve([]),
      ownStaff
        ? db
            .select({ nhsNumber: clients.nhsNumber })
            .from(clients)
            .where(
              and(
                inArray(clients.nhsNumber, people),
                eq(clients.workerId, caller.subject),
                isNotNull(clients.linkedWithAgreementOn),
              ),
            )
        : Promise.resolve([]),
      professional
        ? db
            .select({ nhsNumber: careTeam.nhsNumber })
            .from(careTeam)
            .where(and(inArray(careTeam.nhsNumber, people), eq(careTeam.memberSubject, caller.subject)))
        : Promise.resolve([]),
    ]);
    for (const row of referred) {
      const relationships = facts.get(row.nhsNumber)?.relationships;
      if (!relationships) continue;
      if (ownStaff && row.linkWorkerId === caller.subject) relationships.add('link-worker');
      if (ownStaff && row.referredToCode === caller.organisation.code) relationships.add('organisation-staff');
      if (row.referrerOrganisationCode === caller.organisation.code) {
        relationships.add('referrer');
        for (const category of row.sharedWithReferrer) relationships.add(`referrer-shared-${category}`);
      }
    }
    for (const row of linkedClients) if (row.nhsNumber) facts.get(row.nhsNumber)?.relationships.add('link-worker');
    for (const row of team) facts.get(row.nhsNumber)?.relationships.add('care-team');
    return facts;
  };
}
