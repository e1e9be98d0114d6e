import { readFileSync } from 'node:fs';
import { supergraphPath } from '@joined-up/schema';
import { type FieldDefinitionNode, Kind, parse } from 'graphql';

/**
 * Which agency resolves each Person field, read from the composed supergraph's @join__field
 * directives, so tests can tell whose audit must record a read.
 */
export function personFieldOwners(): Map<string, string> {
  const document = parse(readFileSync(supergraphPath, 'utf8'));
  const owners = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || definition.name.value !== 'Person') continue;
    for (const field of definition.fields ?? []) {
      const graph = joinGraphOf(field);
      if (graph) owners.set(field.name.value, graph.toLowerCase().replace(/_/g, '-'));
    }
  }
  return owners;
}

function joinGraphOf(field: FieldDefinitionNode): string | undefined {
  const directive = field.directives?.find((candidate) => candidate.name.value === 'join__field');
  const graph = directive?.arguments?.find((argument) => argument.name.value === 'graph');
  return graph?.value.kind === Kind.ENUM ? graph.value.value : undefined;
}
