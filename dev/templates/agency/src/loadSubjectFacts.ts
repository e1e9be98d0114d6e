import { careTeam, type Caller, type Database, loadConsentFacts, type SubjectFactsLoader } from '@joined-up/kit';
import { and, eq, inArray } from 'drizzle-orm';
import { __FIELD__Policy } from './policy.ts';
import type { __TYPE__Tables } from './tables.ts';

/**
 * The relationships the agency's own data shows between the caller and each person: a place on
 * the care team it records ('care-team'). The kit adds sharing decisions, delegations, the
 * agency's privacy officer and declared emergencies. Two statements per request, whatever the
 * number of people.
 */
export function loadSubjectFacts(db: Database<__TYPE__Tables>): SubjectFactsLoader {
  return async (caller: Caller, nhsNumbers: readonly string[]) => {
    const people = [...nhsNumbers];
    const [facts, team] = await Promise.all([
      loadConsentFacts(db as Database<Record<string, unknown>>, caller, people, __FIELD__Policy),
      // Citizens act through their own record and delegations, never through a relationship.
      caller.organisation.sector === 'citizen'
        ? Promise.resolve([])
        : db
            .select({ nhsNumber: careTeam.nhsNumber })
            .from(careTeam)
            .where(and(inArray(careTeam.nhsNumber, people), eq(careTeam.memberSubject, caller.subject))),
    ]);
    for (const row of team) facts.get(row.nhsNumber)?.relationships.add('care-team');
    return facts;
  };
}
