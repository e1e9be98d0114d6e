import type { DocumentNode } from 'graphql';
import type { AgencyPolicy } from './AgencyPolicy.ts';
import { governanceResolvers } from './governanceResolvers.ts';
import { guardPersonFields } from './guardPersonFields.ts';
import { guardScopes, policyCategories, scopeRequirements } from './schemaRequirements.ts';

type ResolverMap = Record<string, Record<string, unknown>>;

/**
 * An agency's resolvers as the kit serves them: the governance fields added, every Person field
 * behind the policy its @policy names, and every Query and Mutation field behind the scopes its
 * @requiresScopes names. The agency writes only its domain; what its SDL declares is enforced
 * here, whichever resolvers it writes, so a guard cannot be forgotten.
 */
export function governResolvers(
  resolvers: ResolverMap,
  document: DocumentNode,
  agency: { name: string },
  policy: AgencyPolicy,
  sectors: readonly string[],
): ResolverMap {
  const governance = governanceResolvers(agency, policy, sectors);
  const merged: ResolverMap = { ...resolvers };
  for (const [type, fields] of Object.entries(governance)) merged[type] = { ...resolvers[type], ...fields };
  merged['Person'] = guardPersonFields(merged['Person'] ?? {}, policyCategories(document, 'Person'));
  for (const root of ['Query', 'Mutation']) {
    if (merged[root]) merged[root] = guardScopes(merged[root], scopeRequirements(document, root));
  }
  return merged;
}
