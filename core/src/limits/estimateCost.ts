import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInputObjectType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  type ValueNode,
  OperationTypeNode,
} from 'graphql';
import type { CostDirectives, ListSize } from './readCostDirectives.ts';

/** What a cost estimate reads besides the operation. */
export interface CostEstimateOptions {
  directives: CostDirectives;
  /** The length taken for a list field with no `@listSize` (Apollo Router's `list_size`). */
  assumedListSize: number;
  /**
   * The request's variables. Without them (while validating), a slicing argument given as a
   * variable is taken at its field's `assumedSize`, the largest page, rather than at its default.
   */
  variables?: Readonly<Record<string, unknown>>;
}

/** A field's `@listSize` as it applies to one field in one operation. */
interface SizedList {
  expected: number | undefined;
  sizedFields: ReadonlySet<string>;
}

const mutationCost = 10;
const introspectionFields = new Set(['__schema', '__type', '__typename']);

/**
 * The estimated cost of an operation as Apollo Router's demand control (static_estimated) and the
 * IBM cost specification compute it: a mutation costs 10 to begin with; a field costs its weight
 * (`@cost`, else its type's `@cost`, else 1 for an object, interface or union and 0 for a scalar or
 * enum) plus its selection's cost, all times the list's length (`@listSize`: the largest slicing
 * argument, else `assumedSize`, else a field named in its parent's `sizedFields`, else
 * `assumedListSize`), plus its arguments' weights (an input object 1 and its fields', a list the
 * sum of its items') and the cost of what it `@requires`. Fields skipped by `@skip` or `@include`
 * cost nothing; fragments cost what they would written in place, each measured once for each
 * `sizedFields` it is spread under, so a fragment bomb is priced without being flattened.
 * Introspection costs nothing: production refuses it.
 */
export function estimateCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  options: CostEstimateOptions,
): number {
  const { directives, variables } = options;
  const fragmentCosts = new Map<SizedList | undefined, Map<string, number>>();
  const inProgress = new Set<string>();
  const requiredSelections = new Map<string, SelectionSetNode>();

  const weightOf = (key: string): number | undefined => directives.weights.get(key);

  const valueOf = (node: ValueNode): unknown => {
    if (node.kind === Kind.VARIABLE) return variables?.[node.name.value];
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.BOOLEAN) return node.value;
    return undefined;
  };

  const skipped = (node: FieldNode): boolean =>
    (node.directives ?? []).some((directive) => {
      const condition = directive.arguments?.find((argument) => argument.name.value === 'if');
      const value = condition ? valueOf(condition.value) : undefined;
      return (
        (directive.name.value === 'skip' && value === true) || (directive.name.value === 'include' && value === false)
      );
    });

  const sizeList = (listSize: ListSize, node: FieldNode, definition: GraphQLField<unknown, unknown>): SizedList => {
    const sizes: number[] = [];
    for (const name of listSize.slicingArguments ?? []) {
      const given = node.arguments?.find((argument) => argument.name.value === name)?.value;
      const declared = definition.args.find((argument) => argument.name === name)?.defaultValue;
      let size: unknown = typeof declared === 'number' ? declared : undefined;
      if (given?.kind === Kind.VARIABLE && variables === undefined) size = listSize.assumedSize ?? size;
      else if (given && given.kind !== Kind.NULL) size = valueOf(given) ?? size;
      if (typeof size === 'number' && Number.isInteger(size)) sizes.push(size);
    }
    return {
      expected: sizes.length > 0 ? Math.max(...sizes) : listSize.assumedSize,
      sizedFields: new Set(listSize.sizedFields ?? []),
    };
  };

  const argumentCost = (
    value: ValueNode,
    definition: GraphQLArgument | GraphQLInputField,
    key: string,
    type: GraphQLInputType = definition.type,
  ): number => {
    const named = getNamedType(type);
    const weight = weightOf(key) ?? weightOf(named.name);
    if (value.kind === Kind.NULL) return 0;
    if (value.kind === Kind.VARIABLE) return variables ? variableCost(variables[value.name.value], type, key) : 0;
    if (value.kind === Kind.OBJECT && isInputObjectType(named)) {
      let cost = weight ?? 1;
      const fields = named.getFields();
      for (const field of value.fields) {
        const inner = fields[field.name.value];
        if (inner) cost += argumentCost(field.value, inner, `${named.name}.${inner.name}`);
      }
      return cost;
    }
    if (value.kind === Kind.LIST) {
      const item = getNullableType(type);
      const itemType = isListType(item) ? item.ofType : type;
      return value.values.reduce((sum, entry) => sum + argumentCost(entry, definition, key, itemType), weight ?? 0);
    }
    return weight ?? 0;
  };

  const variableCost = (value: unknown, type: GraphQLInputType, key: string): number => {
    const named = getNamedType(type);
    const weight = weightOf(key) ?? weightOf(named.name);
    if (value === null || value === undefined) return 0;
    if (Array.isArray(value)) {
      const item = getNullableType(type);
      const itemType = isListType(item) ? item.ofType : type;
      return value.reduce<number>((sum, entry) => sum + variableCost(entry, itemType, key), weight ?? 0);
    }
    if (typeof value === 'object' && isInputObjectType(named)) {
      const fields = named.getFields();
      let cost = weight ?? 1;
      for (const [name, inner] of Object.entries(value)) {
        const field = fields[name];
        if (field) cost += variableCost(inner, field.type, `${named.name}.${name}`);
      }
      return cost;
    }
    return weight ?? 0;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLNamedType, upstream: number | undefined): number => {
    if (introspectionFields.has(node.name.value) || skipped(node)) return 0;
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const definition = parent.getFields()[node.name.value];
    if (!definition) return 0;
    const key = `${parent.name}.${definition.name}`;
    const declared = directives.listSizes.get(key);
    const sized = declared ? sizeList(declared, node, definition) : undefined;
    const returned = getNamedType(definition.type);
    const isList = isListType(getNullableType(definition.type));
    const instances = !isList ? 1 : (upstream ?? sized?.expected ?? options.assumedListSize);
    let typeCost = weightOf(key) ?? weightOf(returned.name) ?? (isCompositeType(returned) ? 1 : 0);
    if (node.selectionSet) typeCost += selectionSetCost(node.selectionSet, returned, sized);
    let cost = instances * typeCost;
    for (const argument of node.arguments ?? []) {
      const argumentDefinition = definition.args.find((candidate) => candidate.name === argument.name.value);
      if (argumentDefinition)
        cost += argumentCost(argument.value, argumentDefinition, `${key}(${argument.name.value})`);
    }
    const requires = directives.requires.get(key);
    if (requires) cost += selectionSetCost(requiredSelection(requires), parent, sized);
    return cost;
  };

  const requiredSelection = (fields: string): SelectionSetNode => {
    let selection = requiredSelections.get(fields);
    if (!selection) {
      const [definition] = parse(`{ ${fields} }`).definitions;
      selection = (definition as OperationDefinitionNode).selectionSet;
      requiredSelections.set(fields, selection);
    }
    return selection;
  };

  const fragmentCost = (name: string, sized: SizedList | undefined): number => {
    let known = fragmentCosts.get(sized);
    if (!known) fragmentCosts.set(sized, (known = new Map()));
    const cached = known.get(name);
    if (cached !== undefined) return cached;
    const definition = fragments.get(name);
    if (!definition || inProgress.has(name)) return 0;
    const type = schema.getType(definition.typeCondition.name.value);
    if (!type) return 0;
    inProgress.add(name);
    const cost = selectionSetCost(definition.selectionSet, type, sized);
    inProgress.delete(name);
    known.set(name, cost);
    return cost;
  };

  const selectionSetCost = (set: SelectionSetNode, parent: GraphQLNamedType, sized: SizedList | undefined): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const upstream = sized?.sizedFields.has(selection.name.value) ? sized.expected : undefined;
        cost += fieldCost(selection, parent, upstream);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type) cost += selectionSetCost(selection.selectionSet, type, sized);
      } else cost += fragmentCost(selection.name.value, sized);
    }
    return cost;
  };

  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const base = operation.operation === OperationTypeNode.MUTATION ? mutationCost : 0;
  return base + selectionSetCost(operation.selectionSet, root, undefined);
}
