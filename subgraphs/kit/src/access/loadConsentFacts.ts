import type { Caller, Sector } from '@joined-up/core';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { anyOf } from '../anyOf.ts';
import type { Database } from '../openDatabase.ts';
import type { AgencyPolicy, SubjectFacts } from './AgencyPolicy.ts';
import { auditEvents } from './auditEvents.ts';
import { delegations, sharingDecisions } from './consentTables.ts';

/** How long an emergency declared with a reason stays open without being declared again. */
export const breakGlassMinutes = 30;

export type LoadedFacts = SubjectFacts & { relationships: Set<string>; activeBreakGlassReason?: string | undefined };

/**
 * A query of the agency's own data selecting two columns, in this order: a person's NHS number
 * and a relationship the caller has with them (`relationshipKind`), for the people asked about.
 * A drizzle select, or several joined with `unionAll`; it runs inside the kit's one statement.
 */
export type RelationshipQuery = SQLWrapper;

/** A relationship's name as a selected column: `kind: relationshipKind('care-team')`. */
export function relationshipKind(name: string): SQL.Aliased<string> {
  return sql<string>`${name}::text`.as('kind');
}

/**
 * The facts every agency holds the same way: the person's sharing decisions, a carer's
 * delegation, the agency's own privacy officer, and an emergency the caller declared (and the
 * audit recorded) in the last half hour; and the relationships the agency's own data shows
 * (`relationships`). All of them in one statement, whatever the number of people: each part is
 * a `select nhs_number, fact, value`, joined with `union all`.
 */
export async function loadConsentFacts(
  db: Database<Record<string, unknown>>,
  caller: Caller,
  nhsNumbers: readonly string[],
  policy: AgencyPolicy,
  relationships: readonly RelationshipQuery[] = [],
): Promise<Map<string, LoadedFacts>> {
  const people = [...nhsNumbers];
  const facts = new Map<string, LoadedFacts>(
    people.map((nhsNumber) => [
      nhsNumber,
      { relationships: new Set<string>(), declinedSectors: new Set<Sector>(), delegated: new Set<string>() },
    ]),
  );
  const parts: SQL[] = [
    sql`select ${sharingDecisions.nhsNumber} as nhs_number, 'declined' as fact, ${sharingDecisions.sector} as value
        from ${sharingDecisions} where ${anyOf(sharingDecisions.nhsNumber, people)}`,
    // Only declarations count, so reading under an open emergency does not extend it.
    sql`select ${auditEvents.nhsNumber}, 'break-glass', ${auditEvents.breakGlassReason} from ${auditEvents}
        where ${anyOf(auditEvents.nhsNumber, people)} and ${auditEvents.actorSubject} = ${caller.subject}
        and ${auditEvents.breakGlassDeclared}
        and ${auditEvents.occurredAt} > now() - make_interval(mins => ${breakGlassMinutes})`,
    ...(caller.role === 'carer'
      ? [
          sql`select ${delegations.nhsNumber}, 'delegated', unnest(${delegations.categories}) from ${delegations}
              where ${anyOf(delegations.nhsNumber, people)} and ${delegations.carerSubject} = ${caller.subject}`,
        ]
      : []),
    ...relationships.map(
      (query) =>
        sql`select relationship.nhs_number, 'relationship', relationship.kind
            from (${query}) as relationship (nhs_number, kind)`,
    ),
  ];
  const result = (await db.execute(sql.join(parts, sql` union all `))) as unknown as {
    rows: Array<{ nhs_number: string; fact: string; value: string | null }>;
  };
  // The agency's own privacy officer (not another agency's) may review its audit of anyone.
  if (isPrivacyOfficer(policy, caller)) {
    for (const known of facts.values()) known.relationships.add('agency-privacy-officer');
  }
  for (const row of result.rows) {
    const known = facts.get(row.nhs_number);
    // An emergency without a reason (never written so) opens nothing.
    if (!known || !row.value) continue;
    if (row.fact === 'declined') (known.declinedSectors as Set<Sector>).add(row.value as Sector);
    else if (row.fact === 'delegated') (known.delegated as Set<string>).add(row.value);
    else if (row.fact === 'break-glass') known.activeBreakGlassReason = row.value;
    else known.relationships.add(row.value);
  }
  return facts;
}

/** The agency's own privacy officer: the role, at one of the agency's own organisations. */
export function isPrivacyOfficer(policy: AgencyPolicy, caller: Caller): boolean {
  return (
    policy.privacyOfficerRoles.includes(caller.role) && policy.organisationCodes.includes(caller.organisation.code)
  );
}
