import {
  anyOf,
  careTeam,
  loadConsentFacts,
  relationshipKind,
  type Caller,
  type Database,
  type SubjectFactsLoader,
} from '@joined-up/kit';
import { and, eq } from 'drizzle-orm';
import { __FIELD__Policy } from './policy.ts';
import type { __TYPE__Tables } from './tables.ts';

/**
 * The relationships the agency's own data shows between the caller and each person: a place on
 * the care team it records ('care-team'). The kit adds sharing decisions, delegations, the
 * agency's privacy officer and declared emergencies, all in one statement whatever the number
 * of people.
 */
export function loadSubjectFacts(db: Database<__TYPE__Tables>): SubjectFactsLoader {
  return async (caller: Caller, nhsNumbers: readonly string[]) => {
    const people = [...nhsNumbers];
    return loadConsentFacts(
      db as Database<Record<string, unknown>>,
      caller,
      people,
      __FIELD__Policy,
      // Citizens act through their own record and delegations, never through a relationship.
      caller.organisation.sector === 'citizen'
        ? []
        : [
            db
              .select({ nhsNumber: careTeam.nhsNumber, kind: relationshipKind('care-team') })
              .from(careTeam)
              .where(and(anyOf(careTeam.nhsNumber, people), eq(careTeam.memberSubject, caller.subject))),
          ],
    );
  };
}
