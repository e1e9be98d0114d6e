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
  const elsewhere = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const field of definition.fields ?? []) {
      if (definition.name.value !== 'Person') {
        elsewhere.add(field.name.value);
        continue;
      }
      const graph = joinGraphOf(field);
      if (graph) owners.set(field.name.value, graph.toLowerCase().replace(/_/g, '-'));
    }
  }
  // Only names no other type uses, so a field found in a response is surely a Person field.
  for (const name of elsewhere) owners.delete(name);
  return owners;
}

function joinGraphOf(field: FieldDefinitionNode): string | undefined {
  const directive = field.directives?.find((candidate) => candidate.name.value === 'join__field');
  const graph = directive?.arguments?.find((argument) => argument.name.value === 'graph');
  return graph?.value.kind === Kind.ENUM ? graph.value.value : undefined;
}
