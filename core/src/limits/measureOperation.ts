import {
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** How large one operation is, with every fragment measured as if written where it is spread. */
export interface OperationMeasures {
  /** Deepest nesting of fields. */
  depth: number;
  /** Aliased fields (an alias on `__typename` is free). */
  aliases: number;
  /** Directives, on the operation, its fields, fragments and spreads. */
  directives: number;
}

const introspectionFields = new Set(['__schema', '__type']);
const none: OperationMeasures = { depth: 0, aliases: 0, directives: 0 };

/**
 * Measures an operation in one pass. Each fragment is measured once and its figures reused at
 * every spread, so a document that spreads fragments into each other many times over (a fragment
 * bomb) is measured at its true, flattened size without costing the gateway the time to flatten it;
 * a fragment cycle (which validation refuses anyway) counts for nothing rather than recursing
 * forever. Introspection (`__schema`, `__type`) adds no depth: the explorer's schema query is deep
 * by nature, and production refuses introspection. Cost is estimateCost's, which reads the schema.
 */
export function measureOperation(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): OperationMeasures {
  const measured = new Map<string, OperationMeasures>();
  const inProgress = new Set<string>();

  const fragment = (name: string): OperationMeasures => {
    const known = measured.get(name);
    if (known) return known;
    const definition = fragments.get(name);
    if (!definition || inProgress.has(name)) return none;
    inProgress.add(name);
    const inner = selectionSet(definition.selectionSet);
    inProgress.delete(name);
    const result = { ...inner, directives: inner.directives + (definition.directives?.length ?? 0) };
    measured.set(name, result);
    return result;
  };

  const field = (node: FieldNode): OperationMeasures => {
    const inner = node.selectionSet ? selectionSet(node.selectionSet) : none;
    const aliased = node.alias !== undefined && node.name.value !== '__typename' ? 1 : 0;
    const counted = {
      aliases: aliased + inner.aliases,
      directives: (node.directives?.length ?? 0) + inner.directives,
    };
    if (introspectionFields.has(node.name.value)) return { ...counted, depth: 0 };
    return { ...counted, depth: 1 + inner.depth };
  };

  const selectionSet = (set: SelectionSetNode): OperationMeasures => {
    const total = { ...none };
    for (const selection of set.selections) {
      let part: OperationMeasures;
      if (selection.kind === Kind.FIELD) part = field(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) part = selectionSet(selection.selectionSet);
      else part = fragment(selection.name.value);
      total.depth = Math.max(total.depth, part.depth);
      total.aliases += part.aliases;
      total.directives += part.directives + (selection.kind === Kind.FIELD ? 0 : (selection.directives?.length ?? 0));
    }
    return total;
  };

  const root = selectionSet(operation.selectionSet);
  return { ...root, directives: root.directives + (operation.directives?.length ?? 0) };
}
