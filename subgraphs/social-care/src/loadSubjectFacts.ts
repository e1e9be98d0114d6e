import { loadConsentFacts, type Caller, type Database, type SubjectFactsLoader } from '@joined-up/kit';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { socialCarePolicy } from './policy.ts';
import { allocations, assessments, careWorkerAssignments, unpaidCarers, type SocialCareTables } from './tables.ts';
import { careTeam } from '@joined-up/kit';

const kind = (name: string) => sql<string>`${name}::text`.as('kind');

/**
 * The relationships social care's own data shows between the caller and each person: the case
 * allocated to them, their assignment as the person's care worker, a place on the care team the
 * council records, the person caring for someone allocated to them, or a carer's assessment they
 * carried out. One statement for all of these, whatever the number of people; the kit adds the
 * sharing decisions, delegations and emergencies.
 */
export function loadSubjectFacts(db: Database<SocialCareTables>): SubjectFactsLoader {
  return async (caller: Caller, nhsNumbers: readonly string[]) => {
    const people = [...nhsNumbers];
    const [facts, relationships] = await Promise.all([
      loadConsentFacts(db as Database<Record<string, unknown>>, caller, people, socialCarePolicy),
      // Citizens act through their own record and delegations, never through a relationship.
      caller.organisation.sector === 'citizen' ? Promise.resolve([]) : relationshipsOf(db, caller.subject, people),
    ]);
    for (const row of relationships) facts.get(row.nhsNumber)?.relationships.add(row.kind);
    return facts;
  };
}

function relationshipsOf(db: Database<SocialCareTables>, subject: string, people: string[]) {
  return unionAll(
    db
      .select({ nhsNumber: allocations.nhsNumber, kind: kind('allocated') })
      .from(allocations)
      .where(
        and(inArray(allocations.nhsNumber, people), eq(allocations.workerId, subject), isNull(allocations.endedOn)),
      ),
    db
      .select({ nhsNumber: careWorkerAssignments.nhsNumber, kind: kind('assigned-care-worker') })
      .from(careWorkerAssignments)
      .where(and(inArray(careWorkerAssignments.nhsNumber, people), eq(careWorkerAssignments.workerId, subject))),
    db
      .select({ nhsNumber: careTeam.nhsNumber, kind: kind('care-team') })
      .from(careTeam)
      .where(and(inArray(careTeam.nhsNumber, people), eq(careTeam.memberSubject, subject))),
    db
      .select({ nhsNumber: unpaidCarers.carerNhsNumber, kind: kind('carer-of-allocated') })
      .from(unpaidCarers)
      .innerJoin(
        allocations,
        and(
          eq(allocations.nhsNumber, unpaidCarers.caredForNhsNumber),
          eq(allocations.workerId, subject),
          isNull(allocations.endedOn),
        ),
      )
      .where(inArray(unpaidCarers.carerNhsNumber, people)),
    db
      .select({ nhsNumber: assessments.nhsNumber, kind: kind('carers-assessor') })
      .from(assessments)
      .where(
        and(inArray(assessments.nhsNumber, people), eq(assessments.kind, 'carer'), eq(assessments.assessorId, subject)),
      ),
  );
}
