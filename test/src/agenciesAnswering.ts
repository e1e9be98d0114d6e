import { readFileSync } from 'node:fs';
import { supergraphPath } from '@joined-up/schema';
import {
  buildSchema,
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLNamedType,
  type GraphQLSchema,
  isObjectType,
  Kind,
  parse,
  type SelectionSetNode,
} from 'graphql';
import { personFieldOwners } from './personFieldOwners.ts';

/**
 * The agencies whose Person fields came back with data somewhere in a response, found by walking
 * the operation against the composed schema: a field counts only where its parent is a Person
 * (whatMattersToMe of a Person is the voluntary sector's; of a CareCoordinationCarePlan it is not), aliases and
 * fragments included.
 */
export function createAgenciesAnswering(
  supergraphSdl = readFileSync(supergraphPath, 'utf8'),
): (query: string, data: unknown) => Set<string> {
  const schema = buildSchema(supergraphSdl);
  const owners = personFieldOwners(supergraphSdl);
  return (query, data) => {
    const found = new Set<string>();
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return found; // The gateway refused it too: no data came back.
    }
    const fragments = new Map(
      document.definitions
        .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
        .map((fragment) => [fragment.name.value, fragment]),
    );
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const root =
        definition.operation === 'mutation'
          ? schema.getMutationType()
          : definition.operation === 'subscription'
            ? schema.getSubscriptionType()
            : schema.getQueryType();
      if (root) walk({ schema, owners, fragments, found }, root, definition.selectionSet, data);
    }
    return found;
  };
}

interface Walk {
  schema: GraphQLSchema;
  owners: Map<string, string>;
  fragments: Map<string, FragmentDefinitionNode>;
  found: Set<string>;
}

function walk(state: Walk, type: GraphQLNamedType, selectionSet: SelectionSetNode, data: unknown): void {
  if (Array.isArray(data)) {
    for (const item of data) walk(state, type, selectionSet, item);
    return;
  }
  if (data === null || typeof data !== 'object' || !isObjectType(type)) return;
  const value = data as Record<string, unknown>;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = type.getFields()[selection.name.value];
      const answer = value[selection.alias?.value ?? selection.name.value];
      if (!field || answer === undefined || answer === null) continue;
      const owner = type.name === 'Person' ? state.owners.get(field.name) : undefined;
      if (owner) state.found.add(owner);
      if (selection.selectionSet) walk(state, getNamedType(field.type), selection.selectionSet, answer);
    } else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : state.fragments.get(selection.name.value);
      const condition: GraphQLNamedType | null | undefined = fragment?.typeCondition
        ? state.schema.getType(fragment.typeCondition.name.value)
        : type;
      // The graph has no interfaces or unions, so a fragment applies exactly when it is on the type walked.
      if (fragment && condition === type) walk(state, type, fragment.selectionSet, data);
    }
  }
}
