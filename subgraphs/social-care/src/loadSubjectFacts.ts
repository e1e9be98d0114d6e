import {
  anyOf,
  careTeam,
  delegations,
  loadConsentFacts,
  relationshipKind as kind,
  type Caller,
  type Database,
  type SubjectFactsLoader,
} from '@joined-up/kit';
import { and, eq, isNull } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { socialCarePolicy } from './policy.ts';
import { allocations, assessments, careWorkerAssignments, unpaidCarers, type SocialCareTables } from './tables.ts';

/**
 * The relationships social care's own data shows between the caller and each person: the case
 * allocated to them, their assignment as the person's care worker, a place on the care team the
 * council records, the person caring for someone allocated to them, or a carer's assessment they
 * carried out. The kit adds the sharing decisions, delegations and emergencies, all in one
 * statement whatever the number of people.
 */
export function loadSubjectFacts(db: Database<SocialCareTables>): SubjectFactsLoader {
  return async (caller: Caller, nhsNumbers: readonly string[]) => {
    const people = [...nhsNumbers];
    return loadConsentFacts(
      db as Database<Record<string, unknown>>,
      caller,
      people,
      socialCarePolicy,
      // Citizens act through their own record and delegations; the one relationship the council
      // records for them is who cares for the person they act for, which it tells other agencies
      // (so health can show the carer's name) and opens nothing of its own.
      caller.organisation.sector === 'citizen'
        ? caller.actsFor
          ? [unpaidCarersOf(db, caller, caller.actsFor, people)]
          : []
        : [relationshipsOf(db, caller.subject, people)],
    );
  };
}

function relationshipsOf(db: Database<SocialCareTables>, subject: string, people: string[]) {
  return unionAll(
    db
      .select({ nhsNumber: allocations.nhsNumber, kind: kind('allocated') })
      .from(allocations)
      .where(and(anyOf(allocations.nhsNumber, people), eq(allocations.workerId, subject), isNull(allocations.endedOn))),
    db
      .select({ nhsNumber: careWorkerAssignments.nhsNumber, kind: kind('assigned-care-worker') })
      .from(careWorkerAssignments)
      .where(and(anyOf(careWorkerAssignments.nhsNumber, people), eq(careWorkerAssignments.workerId, subject))),
    db
      .select({ nhsNumber: careTeam.nhsNumber, kind: kind('care-team') })
      .from(careTeam)
      .where(and(anyOf(careTeam.nhsNumber, people), eq(careTeam.memberSubject, subject))),
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
      .where(anyOf(unpaidCarers.carerNhsNumber, people)),
    db
      .select({ nhsNumber: assessments.nhsNumber, kind: kind('carers-assessor') })
      .from(assessments)
      .where(
        and(anyOf(assessments.nhsNumber, people), eq(assessments.kind, 'carer'), eq(assessments.assessorId, subject)),
      ),
  );
}

function unpaidCarersOf(db: Database<SocialCareTables>, caller: Caller, caredFor: string, people: string[]) {
  const carers = and(anyOf(unpaidCarers.carerNhsNumber, people), eq(unpaidCarers.caredForNhsNumber, caredFor));
  const query = db.select({ nhsNumber: unpaidCarers.carerNhsNumber, kind: kind('unpaid-carer') }).from(unpaidCarers);
  // The person asks about their own carers. A carer's token names whom they act for, but the claim
  // alone is not the basis: only a delegation this council holds from that person (one withdrawn
  // is gone) lets them hear who else cares for them.
  if (caller.role !== 'carer') return query.where(carers);
  return query
    .innerJoin(
      delegations,
      and(eq(delegations.nhsNumber, unpaidCarers.caredForNhsNumber), eq(delegations.carerSubject, caller.subject)),
    )
    .where(carers);
}
