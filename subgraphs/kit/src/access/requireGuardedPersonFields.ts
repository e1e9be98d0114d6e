import { type DocumentNode, Kind } from 'graphql';
import type { AgencyPolicy } from './AgencyPolicy.ts';
import { policyCategories } from './schemaRequirements.ts';

/**
 * Refuses to start a subgraph whose Person type has a field without @policy, or with an @policy
 * naming a category its policy does not hold: either would serve the field unguarded, or refuse
 * it to everyone without saying why. The exceptions are the key, and @external fields: another
 * agency resolves and guards those; this one only receives them for a field with @requires.
 */
export function requireGuardedPersonFields(document: DocumentNode, policy: Pick<AgencyPolicy, 'categories'>): void {
  const unguarded: string[] = [];
  for (const definition of document.definitions) {
    if (
      (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) ||
      definition.name.value !== 'Person'
    ) {
      continue;
    }
    for (const field of definition.fields ?? []) {
      if (
        field.name.value === 'nhsNumber' ||
        field.directives?.some((directive) => directive.name.value === 'external')
      )
        continue;
      if (!field.directives?.some((directive) => directive.name.value === 'policy')) unguarded.push(field.name.value);
    }
  }
  if (unguarded.length > 0)
    throw new Error(`Person fields without @policy would be served unguarded: ${unguarded.join(', ')}.`);
  const unknown = Object.entries(policyCategories(document, 'Person')).flatMap(([field, categories]) =>
    [categories]
      .flat()
      .filter((category) => !policy.categories.includes(category))
      .map((category) => `${field} (${category})`),
  );
  if (unknown.length > 0) {
    throw new Error(`Person fields name policy categories the agency's policy does not hold: ${unknown.join(', ')}.`);
  }
}
