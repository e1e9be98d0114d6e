import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';

/** Draws a value: an integer in [min, max], or one of a list. fast-check's `fc.gen()` provides one. */
export interface Draw {
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** Text that may be anything: empty, long, odd characters, SQL-looking, an NHS number. */
  text(): string;
  /** Any JSON value. */
  json(): unknown;
}

/** A generated operation: its text and variables, as a client would post them. */
export interface GeneratedOperation {
  query: string;
  variables: Record<string, unknown>;
}

/**
 * A random operation over `schema`, mostly valid, sometimes not: fields chosen from the types they
 * belong to (an unknown one now and then), arguments of the right shape or the wrong one, literal
 * or through variables of any JSON value, aliases, fragments on the possible types, @skip and
 * @include, and depths up to past the gateway's limits. For a subgraph's schema this includes
 * `_entities` with any representations.
 */
export function generateOperation(schema: GraphQLSchema, draw: Draw): GeneratedOperation {
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const mutation = schema.getMutationType();
  const useMutation = mutation !== null && mutation !== undefined && draw.chance(0.15);
  const root = useMutation ? mutation : schema.getQueryType()!;
  const maxDepth = draw.pick([2, 3, 4, 6, 12]);

  const argumentValue = (type: GraphQLInputType, depth: number): string => {
    if (draw.chance(0.08)) return literal(draw.json());
    if (isNonNullType(type)) return argumentValue(type.ofType, depth);
    if (isListType(type)) {
      const items = Array.from({ length: draw.int(0, 3) }, () => argumentValue(type.ofType, depth + 1));
      return `[${items.join(', ')}]`;
    }
    if (isEnumType(type)) return draw.chance(0.9) ? draw.pick(type.getValues()).name : 'NOT_A_VALUE';
    if (isInputObjectType(type)) {
      if (depth > 3) return '{}';
      const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) || draw.chance(0.5));
      return `{ ${fields.map((field) => `${field.name}: ${argumentValue(field.type, depth + 1)}`).join(', ')} }`;
    }
    if (isScalarType(type)) return literal(scalarValue(type.name, draw));
    return 'null';
  };

  const argumentsOf = (args: readonly GraphQLArgument[]): string => {
    const given = args.filter((argument) => isNonNullType(argument.type) || draw.chance(0.4));
    if (given.length === 0) return '';
    const parts = given.map((argument) => {
      if (draw.chance(0.35)) {
        const name = `v${declarations.length}`;
        declarations.push(`$${name}: ${String(argument.type)}`);
        variables[name] = draw.chance(0.7) ? variableValue(argument.type, draw) : draw.json();
        return `${argument.name}: $${name}`;
      }
      return `${argument.name}: ${argumentValue(argument.type, 0)}`;
    });
    return `(${parts.join(', ')})`;
  };

  const selection = (type: GraphQLNamedType, depth: number): string => {
    if (isLeafType(type)) return '';
    const possible = isUnionType(type) || isInterfaceType(type) ? schema.getPossibleTypes(type) : [];
    if (isUnionType(type) || depth >= maxDepth) {
      const members = possible.slice(0, 3).map((member) => `... on ${member.name} { __typename }`);
      return `{ __typename ${depth < maxDepth ? members.join(' ') : ''} }`;
    }
    if (!isObjectType(type) && !isInterfaceType(type)) return '{ __typename }';
    const fields = Object.values(type.getFields()) as Array<GraphQLField<unknown, unknown>>;
    // Each field once (the same field twice with other arguments is only a conflict to report).
    const chosen = [...new Set(Array.from({ length: draw.int(1, 4) }, () => draw.pick(fields)))];
    const parts = chosen.map((field, index) => {
      if (draw.chance(0.01)) return 'noSuchField';
      const alias = draw.chance(0.1) ? `a${depth}_${index}: ` : '';
      const directive = draw.chance(0.05) ? ` @${draw.pick(['skip', 'include'])}(if: ${String(draw.chance(0.5))})` : '';
      return (
        `${alias}${field.name}${argumentsOf(field.args)}${directive} ` +
        `${selection(getNamedType(field.type), depth + 1)}`
      );
    });
    if (possible.length > 0 && draw.chance(0.5)) parts.push(`... on ${draw.pick(possible).name} { __typename }`);
    return `{ ${parts.join(' ')} }`;
  };

  const body = selection(root, 0);
  const header =
    `${useMutation ? 'mutation' : 'query'} ` + `Fuzz${declarations.length > 0 ? `(${declarations.join(', ')})` : ''}`;
  return { query: `${header} ${body}`, variables };
}

/** A value a variable of `type` could hold: mostly the right shape, sometimes not. */
function variableValue(type: GraphQLInputType, draw: Draw): unknown {
  if (isNonNullType(type)) return variableValue(type.ofType, draw);
  if (draw.chance(0.1)) return draw.json();
  if (isListType(type)) return Array.from({ length: draw.int(0, 3) }, () => variableValue(type.ofType, draw));
  if (isEnumType(type)) return draw.pick(type.getValues()).name;
  if (isInputObjectType(type))
    return Object.fromEntries(
      Object.values(type.getFields()).map((field) => [field.name, variableValue(field.type, draw)]),
    );
  return scalarValue(type.name, draw);
}

const entityTypes = [
  'Person',
  'HealthClinician',
  'SocialCareWorker',
  'VoluntarySectorWorker',
  'CareCoordinationPartnershipWorker',
  'NoSuchType',
];

function scalarValue(scalar: string, draw: Draw): unknown {
  switch (scalar) {
    case 'Int':
      return draw.pick([0, 1, -1, 20, 100, 101, 2 ** 31, -(2 ** 31) - 1, draw.int(-1000, 1000)]);
    case 'Float':
      return draw.pick([0, 1.5, -1e308, 1e308]);
    case 'Boolean':
      return draw.chance(0.5);
    case 'NHSNumber':
      return draw.pick(['9990000018', '1234567890', '999 000 0018', '0000000000', '', draw.text()]);
    case '_Any':
      return draw.chance(0.7)
        ? { __typename: draw.pick(entityTypes), nhsNumber: scalarValue('NHSNumber', draw), id: draw.text() }
        : draw.json();
    default:
      return draw.chance(0.3)
        ? draw.pick(['2024-02-30', '2024-01-01', '2024-01-01T00:00:00Z', 'yesterday'])
        : draw.text();
  }
}

/** A JSON value written as a GraphQL literal (objects' keys as names). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([key]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(key));
    return `{ ${entries.map(([key, item]) => `${key}: ${literal(item)}`).join(', ')} }`;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(String(value));
}
