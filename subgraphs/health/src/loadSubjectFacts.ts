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
import { unionAll } from 'drizzle-orm/pg-core';
import { healthPolicy } from './policy.ts';
import { careRelationships, patients, type HealthTables } from './tables.ts';

/**
 * The relationships health's own data shows between the caller and each person: registration
 * at the caller's practice, the caller's care relationship, or a place on the care team the
 * practice records. The kit adds the sharing decisions, delegations and emergencies, all in one
 * statement.
 */
export function loadSubjectFacts(db: Database<HealthTables>): SubjectFactsLoader {
  return async (caller: Caller, nhsNumbers: readonly string[]) => {
    const people = [...nhsNumbers];
    const relationships = unionAll(
      db
        .select({ nhsNumber: careRelationships.nhsNumber, kind: relationshipKind('care-relationship') })
        .from(careRelationships)
        .where(and(anyOf(careRelationships.nhsNumber, people), eq(careRelationships.clinicianId, caller.subject))),
      db
        .select({ nhsNumber: careTeam.nhsNumber, kind: relationshipKind('care-team') })
        .from(careTeam)
        .where(and(anyOf(careTeam.nhsNumber, people), eq(careTeam.memberSubject, caller.subject))),
    );
    const registered = db
      .select({ nhsNumber: patients.nhsNumber, kind: relationshipKind('registered-practice') })
      .from(patients)
      .where(and(anyOf(patients.nhsNumber, people), eq(patients.gpPracticeCode, caller.organisation.code)));
    return loadConsentFacts(
      db as Database<Record<string, unknown>>,
      caller,
      people,
      healthPolicy,
      caller.organisation.sector === 'health' ? [registered, relationships] : [relationships],
    );
  };
}
