import { careTeam, type Caller, type Database, loadConsentFacts, type SubjectFactsLoader } from '@joined-up/kit';
import { and, eq, inArray } from 'drizzle-orm';
import { hospitalPolicy } from './policy.ts';
import type { HospitalTables } from './tables.ts';

/**
 * The relationships the trust's own data shows between the caller and each person: a place on
 * the care team it records ('care-team'). The kit adds sharing decisions, delegations, the
 * agency's privacy officer and declared emergencies. Two statements per request, whatever the
 * number of people.
 */
export function loadSubjectFacts(db: Database<HospitalTables>): SubjectFactsLoader {
  return async (caller: Caller, nhsNumbers: readonly string[]) => {
    const people = [...nhsNumbers];
    const [facts, team] = await Promise.all([
      loadConsentFacts(db as Database<Record<string, unknown>>, caller, people, hospitalPolicy),
      // Citizens act through their own record and delegations, never through a relationship.
      caller.organisation.sector === 'citizen'
        ? Promise.resolve([])
        : db
            .select({ nhsNumber: careTeam.nhsNumber })
            .from(careTeam)
            .where(and(inArray(careTeam.nhsNumber, people), eq(careTeam.memberSubject, caller.subject))),
    ]);
    for (const row of team) facts.get(row.nhsNumber)?.relationships.add('care-team');
    // The trust's own staff (by the organisation their token asserts) keep its record of everyone in its care.
    if (hospitalPolicy.organisationCodes.includes(caller.organisation.code)) {
      for (const known of facts.values()) known.relationships.add('trust-staff');
    }
    return facts;
  };
}
