import {
  type ConstDirectiveNode,
  type DocumentNode,
  isTypeDefinitionNode,
  isTypeExtensionNode,
  Kind,
  parse,
} from 'graphql';

/** A field's `@listSize`: how long the list it returns (or the lists in `sizedFields`) is taken to be. */
export interface ListSize {
  assumedSize?: number;
  slicingArguments?: readonly string[];
  sizedFields?: readonly string[];
  requireOneSlicingArgument: boolean;
}

/**
 * The demand-control directives of a schema (Federation's `@cost` and `@listSize`, from the IBM
 * cost specification), keyed as `Type` (a type's weight), `Type.field` (a field's or an input
 * field's) and `Type.field(argument)`. `requires` holds each field's `@requires` selection, as the
 * supergraph records it (`@join__field(requires:)`), whose cost the field adds.
 */
export interface CostDirectives {
  weights: ReadonlyMap<string, number>;
  listSizes: ReadonlyMap<string, ListSize>;
  requires: ReadonlyMap<string, string>;
}

export const noCostDirectives: CostDirectives = { weights: new Map(), listSizes: new Map(), requires: new Map() };

// A subgraph that imports them names them @cost and @listSize; one that does not, @federation__cost.
const costNames = new Set(['cost', 'federation__cost']);
const listSizeNames = new Set(['listSize', 'federation__listSize']);

/**
 * Reads `@cost` and `@listSize` from an SDL: a subgraph's own, as a subgraph measures what it is
 * sent, or the composed supergraph, as the gateway measures what a client sends. The figures are
 * data in the schema, so our gateway, Apollo Router and Hive Gateway read the same ones.
 */
export function readCostDirectives(sdl: string | DocumentNode): CostDirectives {
  const document = typeof sdl === 'string' ? parse(sdl) : sdl;
  const weights = new Map<string, number>();
  const listSizes = new Map<string, ListSize>();
  const requires = new Map<string, string>();
  const weigh = (key: string, directives: readonly ConstDirectiveNode[] | undefined) => {
    const cost = directives?.find((directive) => costNames.has(directive.name.value));
    const weight = cost && argumentOf(cost, 'weight');
    if (typeof weight === 'number') weights.set(key, weight);
  };
  for (const definition of document.definitions) {
    if (!isTypeDefinitionNode(definition) && !isTypeExtensionNode(definition)) continue;
    const type = definition.name.value;
    weigh(type, definition.directives);
    const fields = 'fields' in definition ? (definition.fields ?? []) : [];
    for (const field of fields) {
      const key = `${type}.${field.name.value}`;
      weigh(key, field.directives);
      if ('arguments' in field) {
        for (const argument of field.arguments ?? []) weigh(`${key}(${argument.name.value})`, argument.directives);
      }
      const listSize = field.directives?.find((directive) => listSizeNames.has(directive.name.value));
      if (listSize) listSizes.set(key, listSizeOf(listSize));
      for (const join of field.directives ?? []) {
        const selection = join.name.value === 'join__field' ? argumentOf(join, 'requires') : undefined;
        if (typeof selection === 'string') requires.set(key, selection);
      }
    }
  }
  return { weights, listSizes, requires };
}

function listSizeOf(directive: ConstDirectiveNode): ListSize {
  const assumedSize = argumentOf(directive, 'assumedSize');
  const slicingArguments = argumentOf(directive, 'slicingArguments');
  const sizedFields = argumentOf(directive, 'sizedFields');
  const requireOne = argumentOf(directive, 'requireOneSlicingArgument');
  return {
    ...(typeof assumedSize === 'number' ? { assumedSize } : {}),
    ...(Array.isArray(slicingArguments) ? { slicingArguments: slicingArguments.map(String) } : {}),
    ...(Array.isArray(sizedFields) ? { sizedFields: sizedFields.map(String) } : {}),
    requireOneSlicingArgument: requireOne !== false,
  };
}

type Literal = number | string | boolean | null | Literal[];

function argumentOf(directive: ConstDirectiveNode, name: string): Literal | undefined {
  const value = directive.arguments?.find((argument) => argument.name.value === name)?.value;
  if (!value) return undefined;
  const literal = (node: typeof value): Literal => {
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.STRING || node.kind === Kind.ENUM) return node.value;
    if (node.kind === Kind.BOOLEAN) return node.value;
    if (node.kind === Kind.LIST) return node.values.map(literal);
    return null;
  };
  return literal(value);
}
