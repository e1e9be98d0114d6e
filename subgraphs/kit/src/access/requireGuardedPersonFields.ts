import { type DocumentNode, Kind } from 'graphql';

/**
 * Refuses to start a subgraph whose Person type has a field without @policy: a field added
 * without a category would otherwise be served unguarded. The exceptions are the key, and
 * @external fields: another agency resolves and guards those; this one only receives them for
 * a field with @requires.
 */
export function requireGuardedPersonFields(document: DocumentNode): void {
  const unguarded: string[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || definition.name.value !== 'Person') continue;
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
}
