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
 * The Person fields some agency requires (@requires) for a field of its own: the gateway fetches
 * them from their owner even when the client did not ask, and an owner's refusal shows in the
 * errors at their path.
 */
export function requiredPersonFields(supergraphSdl = readFileSync(supergraphPath, 'utf8')): Set<string> {
  const required = new Set<string>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || definition.name.value !== 'Person') continue;
    for (const field of definition.fields ?? []) {
      const external = field.directives?.some(
        (directive) =>
          directive.name.value === 'join__field' &&
          directive.arguments?.some(
            (argument) =>
              argument.name.value === 'external' && argument.value.kind === Kind.BOOLEAN && argument.value.value,
          ),
      );
      if (external) required.add(field.name.value);
    }
  }
  return required;
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
