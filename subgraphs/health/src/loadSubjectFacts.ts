import { loadConsentFacts, type Caller, type Database, type SubjectFactsLoader } from '@joined-up/kit';
import { and, eq, inArray } from 'drizzle-orm';
import { healthPolicy } from './policy.ts';
import { careRelationships, patients, type HealthTables } from './tables.ts';
import { careTeam } from '@joined-up/kit';

/**
 * The relationships health's own data shows between the caller and each person: registration
 * at the caller's practice, the caller's care relationship, or a place on the care team the
 * practice records. The kit adds the sharing decisions, delegations and emergencies.
 */
export function loadSubjectFacts(db: Database<HealthTables>): SubjectFactsLoader {
  return async (caller: Caller, nhsNumbers: readonly string[]) => {
    const people = [...nhsNumbers];
    const [facts, registered, relationships, team] = await Promise.all([
      loadConsentFacts(db as Database<Record<string, unknown>>, caller, people, healthPolicy),
      caller.organisation.sector === 'health'
        ? db
            .select({ nhsNumber: patients.nhsNumber })
            .from(patients)
            .where(and(inArray(patients.nhsNumber, people), eq(patients.gpPracticeCode, caller.organisation.code)))
        : Promise.resolve([]),
      db
        .select({ nhsNumber: careRelationships.nhsNumber })
        .from(careRelationships)
        .where(and(inArray(careRelationships.nhsNumber, people), eq(careRelationships.clinicianId, caller.subject))),
      db
        .select({ nhsNumber: careTeam.nhsNumber })
        .from(careTeam)
        .where(and(inArray(careTeam.nhsNumber, people), eq(careTeam.memberSubject, caller.subject))),
    ]);
    for (const row of registered) facts.get(row.nhsNumber)?.relationships.add('registered-practice');
    for (const row of relationships) facts.get(row.nhsNumber)?.relationships.add('care-relationship');
    for (const row of team) facts.get(row.nhsNumber)?.relationships.add('care-team');
    return facts;
  };
}
