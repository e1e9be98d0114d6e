import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** What one call to an agency asks for, as far as failing it goes. */
export interface FetchDescription {
  /** A query (never retried when false: a mutation). */
  read: boolean;
  /**
   * The paths, in the agency's own answer, of every field the call asks for: `[field]` for a root
   * call, `["_entities", i, field]` for an entity call. Apollo Gateway turns these into paths of
   * the client's answer (an entity's index into its place in the client's lists), as it does for
   * the errors an agency returns itself; so an error for a failed call names each field it blanked.
   */
  paths: Array<Array<string | number>>;
  /**
   * For an entity call, an answer with each field it asks for null, in the agency's own shape.
   * Given for a failed call, it lets Apollo Gateway go on: a field of another agency that
   * @requires one of these then gets null for it (as when the agency refuses it) instead of being
   * skipped for want of it, and answers from what the other agencies hold.
   */
  blank?: { _entities: Array<Record<string, unknown> | null> };
}

/** Reads a fetch's operation (the one the query planner built) and its representations. */
export function describeFetch(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): FetchDescription {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) operation ??= definition;
  }
  if (!operation) return { read: false, paths: [] };
  const read = operation.operation === 'query';
  const root = responseFields(operation.selectionSet, undefined, fragments);
  const entities = root.find((field) => field.name === '_entities');
  if (!entities?.selectionSet) return { read, paths: root.map((field) => [field.responseName]) };
  const representations = Array.isArray(variables?.['representations'])
    ? (variables['representations'] as unknown[])
    : [];
  const paths: Array<Array<string | number>> = [];
  const blank: Array<Record<string, unknown> | null> = [];
  representations.forEach((representation, index) => {
    const typename = (representation as { __typename?: unknown } | null)?.__typename;
    const fields = responseFields(
      entities.selectionSet!,
      typeof typename === 'string' ? typename : undefined,
      fragments,
    );
    for (const field of fields) paths.push([entities.responseName, index, field.responseName]);
    blank.push(
      typeof typename === 'string'
        ? Object.fromEntries([['__typename', typename], ...fields.map((field) => [field.responseName, null])])
        : null,
    );
  });
  // Apollo Gateway reads the entities of an entity call at `_entities`, whatever the alias.
  return { read, paths, ...(entities.responseName === '_entities' ? { blank: { _entities: blank } } : {}) };
}

interface ResponseField {
  name: string;
  responseName: string;
  selectionSet: SelectionSetNode | undefined;
}

/**
 * The fields a selection set asks for, fragments flattened; with `typename`, only the fragments
 * that apply to it (an entity call asks for each type's fields in its own `... on Type`).
 * `__typename` is left out: it is never what is missing.
 */
function responseFields(
  set: SelectionSetNode,
  typename: string | undefined,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): ResponseField[] {
  const fields = new Map<string, ResponseField>();
  const visit = (selections: SelectionSetNode): void => {
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) {
        const responseName = selection.alias?.value ?? selection.name.value;
        if (selection.name.value !== '__typename' && !fields.has(responseName))
          fields.set(responseName, { name: selection.name.value, responseName, selectionSet: selection.selectionSet });
        continue;
      }
      const condition =
        selection.kind === Kind.INLINE_FRAGMENT
          ? selection.typeCondition
          : fragments.get(selection.name.value)?.typeCondition;
      if (typename !== undefined && condition !== undefined && condition.name.value !== typename) continue;
      if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        seen.add(fragment.name.value);
        visit(fragment.selectionSet);
      }
    }
  };
  visit(set);
  return [...fields.values()];
}
