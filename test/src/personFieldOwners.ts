import { readFileSync } from 'node:fs';
import { supergraphPath } from '@joined-up/schema';
import { type FieldDefinitionNode, Kind, parse } from 'graphql';

/**
 * Which agency resolves each Person field, read from the composed supergraph's @join__field
 * directives, so tests can tell whose audit must record a read. A field another agency only
 * requires (`external: true`, such as social care's careWorkers for care coordination's
 * skillCoverage) belongs to the agency that resolves it, not the one that reads it.
 */
export function personFieldOwners(supergraphSdl = readFileSync(supergraphPath, 'utf8')): Map<string, string> {
  const owners = new Map<string, string>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || definition.name.value !== 'Person') continue;
    for (const field of definition.fields ?? []) {
      const graph = resolvingGraphOf(field);
      if (graph) owners.set(field.name.value, graph.toLowerCase().replace(/_/g, '-'));
    }
  }
  return owners;
}

/**
 * The Person fields built from other agencies' parts (@requires), each with the parts it needs:
 * the gateway fetches those from their owners even when the client did not ask, and an owner that
 * refuses or is down is named in the errors at the path of the field built from them.
 */
export function personFieldParts(supergraphSdl = readFileSync(supergraphPath, 'utf8')): Map<string, string[]> {
  const parts = new Map<string, string[]>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || definition.name.value !== 'Person') continue;
    for (const field of definition.fields ?? []) {
      for (const directive of field.directives ?? []) {
        if (directive.name.value !== 'join__field') continue;
        const requires = directive.arguments?.find((argument) => argument.name.value === 'requires')?.value;
        if (requires?.kind !== Kind.STRING) continue;
        const [operation] = parse(`{ ${requires.value} }`).definitions;
        if (operation?.kind !== Kind.OPERATION_DEFINITION) continue;
        parts.set(
          field.name.value,
          operation.selectionSet.selections.flatMap((selection) =>
            selection.kind === Kind.FIELD ? [selection.name.value] : [],
          ),
        );
      }
    }
  }
  return parts;
}

function resolvingGraphOf(field: FieldDefinitionNode): string | undefined {
  for (const directive of field.directives ?? []) {
    if (directive.name.value !== 'join__field') continue;
    const argument = (name: string) => directive.arguments?.find((candidate) => candidate.name.value === name)?.value;
    const external = argument('external');
    if (external?.kind === Kind.BOOLEAN && external.value) continue;
    const graph = argument('graph');
    if (graph?.kind === Kind.ENUM) return graph.value;
  }
  return undefined;
}
