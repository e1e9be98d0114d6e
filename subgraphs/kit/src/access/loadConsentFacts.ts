import type { Caller, Sector } from '@joined-up/core';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Database } from '../openDatabase.ts';
import type { AgencyPolicy, SubjectFacts } from './AgencyPolicy.ts';
import { auditEvents } from './auditEvents.ts';
import { delegations, sharingDecisions } from './consentTables.ts';

/** How long an emergency declared with a reason stays open without being declared again. */
export const breakGlassMinutes = 30;

export type LoadedFacts = SubjectFacts & { relationships: Set<string>; activeBreakGlassReason?: string | undefined };

/**
 * The facts every agency holds the same way: the person's sharing decisions, a carer's
 * delegation, the agency's own privacy officer, and an emergency the caller declared (and the audit recorded) in the
 * last half
 * hour. Three statements per request, whatever the number of people; the agency adds the
 * relationships its own data shows.
 */
export async function loadConsentFacts(
  db: Database<Record<string, unknown>>,
  caller: Caller,
  nhsNumbers: readonly string[],
  policy: AgencyPolicy,
): Promise<Map<string, LoadedFacts>> {
  const people = [...nhsNumbers];
  const facts = new Map<string, LoadedFacts>(
    people.map((nhsNumber) => [
      nhsNumber,
      { relationships: new Set<string>(), declinedSectors: new Set<Sector>(), delegated: new Set<string>() },
    ]),
  );
  const [declined, delegated, emergencies] = await Promise.all([
    db.select().from(sharingDecisions).where(inArray(sharingDecisions.nhsNumber, people)),
    caller.role === 'carer'
      ? db
          .select()
          .from(delegations)
          .where(and(inArray(delegations.nhsNumber, people), eq(delegations.carerSubject, caller.subject)))
      : Promise.resolve([]),
    db
      .select({ nhsNumber: auditEvents.nhsNumber, reason: auditEvents.breakGlassReason })
      .from(auditEvents)
      .where(
        and(
          inArray(auditEvents.nhsNumber, people),
          eq(auditEvents.actorSubject, caller.subject),
          // Only declarations count, so reading under an open emergency does not extend it.
          eq(auditEvents.breakGlassDeclared, true),
          gt(auditEvents.occurredAt, sql`now() - make_interval(mins => ${breakGlassMinutes})`),
        ),
      ),
  ]);
  // The agency's own privacy officer (not another agency's) may review its audit of anyone.
  if (isPrivacyOfficer(policy, caller)) {
    for (const known of facts.values()) known.relationships.add('agency-privacy-officer');
  }
  for (const row of declined)
    (facts.get(row.nhsNumber)?.declinedSectors as Set<Sector> | undefined)?.add(row.sector as Sector);
  for (const row of delegated)
    for (const category of row.categories)
      (facts.get(row.nhsNumber)?.delegated as Set<string> | undefined)?.add(category);
  for (const row of emergencies) {
    const known = facts.get(row.nhsNumber);
    if (known && row.reason) known.activeBreakGlassReason = row.reason;
  }
  return facts;
}

/** The agency's own privacy officer: the role, at one of the agency's own organisations. */
export function isPrivacyOfficer(policy: AgencyPolicy, caller: Caller): boolean {
  return (
    policy.privacyOfficerRoles.includes(caller.role) && policy.organisationCodes.includes(caller.organisation.code)
  );
}
