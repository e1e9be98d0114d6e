import {
  anyOf,
  careTeam,
  type Caller,
  type Database,
  loadConsentFacts,
  relationshipKind,
  type SubjectFactsLoader,
} from '@joined-up/kit';
import { and, eq } from 'drizzle-orm';
import { hospitalPolicy } from './policy.ts';
import type { HospitalTables } from './tables.ts';

/**
 * The relationships the trust's own data shows between the caller and each person: a place on
 * the care team it records ('care-team'). The kit adds sharing decisions, delegations, the
 * agency's privacy officer and declared emergencies, all in one statement per request, whatever
 * the number of people.
 */
export function loadSubjectFacts(db: Database<HospitalTables>): SubjectFactsLoader {
  return async (caller: Caller, nhsNumbers: readonly string[]) => {
    const people = [...nhsNumbers];
    // Citizens act through their own record and delegations, never through a relationship.
    const careTeamPlaces =
      caller.organisation.sector === 'citizen'
        ? []
        : [
            db
              .select({ nhsNumber: careTeam.nhsNumber, kind: relationshipKind('care-team') })
              .from(careTeam)
              .where(and(anyOf(careTeam.nhsNumber, people), eq(careTeam.memberSubject, caller.subject))),
          ];
    const facts = await loadConsentFacts(
      db as Database<Record<string, unknown>>,
      caller,
      people,
      hospitalPolicy,
      careTeamPlaces,
    );
    // The trust's own staff (by the organisation their token asserts) keep its record of everyone in its care.
    if (hospitalPolicy.organisationCodes.includes(caller.organisation.code)) {
      for (const known of facts.values()) known.relationships.add('trust-staff');
    }
    return facts;
  };
}
