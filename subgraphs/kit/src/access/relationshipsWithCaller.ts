import { type Caller, createError, type Sector } from '@joined-up/core';
import type { AgencyPolicy } from './AgencyPolicy.ts';
import type { GuardedContext } from './guardPersonFields.ts';

/** The most people one question may name: a page of a caseload, or one batch of entities. */
export const maxRelationshipQuestion = 100;

/** What the agency tells the caller of their relationship with one person. */
export interface RecordedRelationships {
  nhsNumber: string;
  relationships: string[];
}

/**
 * Answers `<agency>RelationshipsWithCaller`: which of the people asked about the agency's own data
 * shows the caller a relationship with, of the kinds its policy discloses to the caller's role.
 * The caller learns only of their own relationships, and people with none are left out, as is
 * everyone for a caller not giving direct care, and anyone who declined to share this agency's
 * record with the asking agency's sector: the answer is part of the record, and it informs that
 * agency's decision. Each person told about is audited
 * (`relationships`), with the asking agency's request as the correlation id, so the person's
 * access log shows which agency's record another agency's decision rested on.
 */
export async function relationshipsWithCaller(
  context: GuardedContext & { caller: Caller },
  policy: AgencyPolicy,
  nhsNumbers: readonly string[],
  forSector: string,
  sectors: readonly Sector[],
): Promise<RecordedRelationships[]> {
  const others = sectors.filter((sector) => sector !== policy.sector);
  if (!others.includes(forSector))
    throw createError(
      'BAD_USER_INPUT',
      `Argument "forSector" must name a sector of the partnership other than this agency's own: one of ` +
        `${others.join(', ') || 'none configured'}.`,
      { argumentName: 'forSector', allowed: others },
    );
  if (nhsNumbers.length > maxRelationshipQuestion)
    throw createError('BAD_USER_INPUT', `Ask about at most ${maxRelationshipQuestion} people at a time.`, {
      argumentName: 'nhsNumbers',
    });
  const told = disclosedTo(policy, context.caller.role);
  if (told.size === 0 || context.caller.purpose !== 'direct-care') return [];
  const answers = await Promise.all(
    [...new Set(nhsNumbers)].map(async (nhsNumber) => ({
      nhsNumber,
      relationships: [...(await context.access.ownRelationships(nhsNumber, forSector))]
        .filter((kind) => told.has(kind))
        .sort(),
    })),
  );
  const disclosed = answers.filter((answer) => answer.relationships.length > 0);
  for (const answer of disclosed) context.audit.record(answer.nhsNumber, 'relationships');
  return disclosed;
}

/** The relationship kinds the policy tells a caller of this role about. */
export function disclosedTo(policy: AgencyPolicy, role: string): Set<string> {
  return new Set(
    (policy.discloses ?? [])
      .filter((disclosure) => disclosure.roles.includes(role))
      .flatMap((disclosure) => disclosure.relationships),
  );
}
