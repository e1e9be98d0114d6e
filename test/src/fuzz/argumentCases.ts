import { randomUUID } from 'node:crypto';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

/**
 * One request with one bad value in one argument (or input field), every other argument valid.
 * `invalid` values must be refused as BAD_USER_INPUT naming the argument; `odd` ones are well
 * formed but unlikely (a forged cursor, an id no row has) and must only be answered without an
 * internal error.
 */
export interface ArgumentCase {
  /** The field, as Type.field, reached through `via` when it is not a root field. */
  field: string;
  /** The argument's path: `first`, or `input.dueOn` inside an input object. */
  argument: string;
  kind: 'invalid' | 'odd';
  why: string;
  query: string;
  variables: Record<string, unknown>;
}

interface BadValue {
  value: unknown;
  kind: 'invalid' | 'odd';
  why: string;
}

const sam = '9990000018';
const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();
const cursor = (parts: unknown): string => Buffer.from(JSON.stringify(parts)).toString('base64url');
const invalid = (why: string, value: unknown): BadValue => ({ value, kind: 'invalid', why });
const odd = (why: string, value: unknown): BadValue => ({ value, kind: 'odd', why });
const oversized = 'x'.repeat(20_000);

/** Bad values for an argument, by its named type (and, for `first` and `after`, its name). */
function badValues(name: string, type: GraphQLInputType): BadValue[] {
  const named = getNamedType(type);
  const required = isNonNullType(type);
  const strings = [
    invalid('a NUL character', 'a\u0000b'),
    invalid('20,000 characters', oversized),
    ...(required ? [invalid('empty', ''), invalid('only spaces', '   ')] : []),
  ];
  if (name === 'first')
    return [invalid('zero', 0), invalid('negative', -1), invalid('over 100', 101), invalid('huge', 2_147_483_647)];
  if (name === 'after')
    return [
      invalid('not base64', '%%%'),
      invalid('not a cursor', 'abc'),
      invalid('a number', '12345'),
      invalid('a NUL character', 'a\u0000b'),
      invalid('base64 of a string', cursor('x')),
      invalid('base64 of numbers', cursor([1, 2])),
      invalid('20,000 characters', oversized),
      odd('a forged cursor with an impossible date', cursor(['2026-02-30T10:00:00.000Z', '1'])),
      odd('a forged cursor with a non-numeric id', cursor(['2026-03-01T10:00:00.000Z', 'abc'])),
    ];
  if (isEnumType(named)) return [invalid('no such value', 'NOT_A_VALUE')];
  if (!isScalarType(named)) return [];
  switch (named.name) {
    case 'NHSNumber':
      return [
        invalid('a wrong check digit', '9990000019'),
        invalid('nine digits', '999000001'),
        invalid('letters', 'abcdefghij'),
        invalid('empty', ''),
        invalid('a NUL character', `${sam}\u0000`),
      ];
    case 'Date':
      return [
        invalid('31 February', '2021-02-31'),
        invalid('29 February in a common year', '2023-02-29'),
        invalid('month 13', '2021-13-01'),
        invalid('not a date', 'tomorrow'),
        invalid('empty', ''),
        invalid('a NUL character', '2021-02-03\u0000'),
      ];
    case 'DateTime':
      return [
        invalid('30 February', '2026-02-30T10:00'),
        invalid('hour 25', '2026-03-01T25:00:00Z'),
        invalid('not a time', 'now'),
        invalid('empty', ''),
      ];
    case 'Int':
      return [
        invalid('negative', -1),
        invalid('past 32 bits', 1e20),
        invalid('a fraction', 1.5),
        odd('the largest', 2_147_483_647),
      ];
    case 'Boolean':
      return [invalid('a string', 'yes')];
    case 'ID':
      return [...strings, odd('letters where ids may be numbers', 'abc'), odd('past 64 bits', '99999999999999999999')];
    default:
      return strings;
  }
}

/** A sector asking an agency about relationships (`<agency>RelationshipsWithCaller`): never the agency's own. */
function askingSector(fieldName: string): string {
  return fieldName.startsWith('health') ? 'social-care' : 'health';
}

/** A value every check accepts, for the arguments not under test. */
function validValue(name: string, type: GraphQLInputType): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [validValue(name, inner.ofType)];
  if (isInputObjectType(inner)) {
    return Object.fromEntries(
      Object.values(inner.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, validValue(field.name, field.type)]),
    );
  }
  if (isEnumType(inner)) return inner.getValues()[0]!.value;
  if (name === 'after') return null;
  if (name === 'idempotencyKey') return randomUUID();
  if (name === 'sector') return 'social-care';
  switch (inner.name) {
    case 'NHSNumber':
      return sam;
    case 'Date':
      // A birth date is past; a due or review date is to come; the measures are this week's.
      if (name === 'asOf') return inDays(0).slice(0, 10);
      return name === 'dateOfBirth' ? '1990-01-01' : inDays(30).slice(0, 10);
    case 'DateTime':
      return inDays(0);
    case 'Int':
      return 1;
    case 'Boolean':
      return true;
    default:
      return 'fuzz';
  }
}

/** Every path into an argument that can hold a bad value, with the value to put there. */
function* pathsInto(
  name: string,
  type: GraphQLInputType,
  seen: ReadonlySet<string> = new Set(),
): Generator<{ path: string[]; bad: BadValue; wrap: (value: unknown) => unknown }> {
  const inner = getNullableType(type);
  if (isListType(inner)) {
    if (name === 'nhsNumbers') {
      const many = Array.from({ length: 101 }, () => sam);
      yield { path: [], bad: invalid('101 NHS numbers', many), wrap: (value) => value };
    }
    for (const item of pathsInto(name, inner.ofType, seen)) yield { ...item, wrap: (value) => [item.wrap(value)] };
    return;
  }
  if (isInputObjectType(inner)) {
    if (seen.has(inner.name)) return;
    const fields = Object.values(inner.getFields());
    for (const field of fields) {
      for (const item of pathsInto(field.name, field.type, new Set([...seen, inner.name]))) {
        yield {
          ...item,
          path: [field.name, ...item.path],
          wrap: (value) => ({ ...(validValue(name, inner) as object), [field.name]: item.wrap(value) }),
        };
      }
    }
    return;
  }
  for (const bad of badValues(name, type)) yield { path: [], bad, wrap: (value) => value };
}

const selectionFor = (field: GraphQLField<unknown, unknown>): string =>
  isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';

function argumentsOf(args: readonly (GraphQLArgument | GraphQLInputField)[], prefix: string): string {
  return args.length === 0 ? '' : `(${args.map((arg) => `${arg.name}: $${prefix}${arg.name}`).join(', ')})`;
}

function variableDefinitions(args: readonly GraphQLArgument[], prefix: string): string[] {
  return args.map((arg) => `$${prefix}${arg.name}: ${String(arg.type)}`);
}

/**
 * Every bad-value case for every argument of every Query and Mutation field of `schema` (input
 * objects and lists included), and of every field with arguments on what a root field returns
 * (Person's pages, reached through `person`): a field added to the supergraph is fuzzed without
 * editing the test. Values travel as variables, as clients send them.
 */
export function argumentCases(schema: GraphQLSchema): ArgumentCase[] {
  const cases: ArgumentCase[] = [];
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  for (const [operation, root] of roots) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      const rootValues = Object.fromEntries(
        field.args.map((arg) => [
          arg.name,
          arg.name === 'forSector' ? askingSector(field.name) : validValue(arg.name, arg.type),
        ]),
      );
      for (const arg of field.args) {
        for (const { path, bad, wrap } of pathsInto(arg.name, arg.type)) {
          cases.push({
            field: `${root.name}.${field.name}`,
            argument: [arg.name, ...path].join('.'),
            kind: bad.kind,
            why: bad.why,
            query:
              `${operation}(${variableDefinitions(field.args, '').join(', ')}) ` +
              `{ ${field.name}${argumentsOf(field.args, '')}${selectionFor(field)} }`,
            variables: { ...rootValues, [arg.name]: wrap(bad.value) },
          });
        }
      }
      // One level down, reached with valid root arguments: a person's pages and filters.
      const returned = getNamedType(field.type);
      if (operation !== 'query' || !isObjectType(returned) || field.name === 'people') continue;
      for (const child of Object.values(returned.getFields())) {
        if (child.args.length === 0) continue;
        const variables = [...variableDefinitions(field.args, ''), ...variableDefinitions(child.args, 'c_')].join(', ');
        const childValues = Object.fromEntries(
          child.args.map((arg) => [`c_${arg.name}`, validValue(arg.name, arg.type)]),
        );
        for (const arg of child.args) {
          for (const { path, bad, wrap } of pathsInto(arg.name, arg.type)) {
            cases.push({
              field: `${returned.name}.${child.name}`,
              argument: [arg.name, ...path].join('.'),
              kind: bad.kind,
              why: bad.why,
              query:
                `query(${variables}) ` +
                `{ ${field.name}${argumentsOf(field.args, '')} ` +
                `{ ${child.name}${argumentsOf(child.args, 'c_')}${selectionFor(child)} } }`,
              variables: { ...rootValues, ...childValues, [`c_${arg.name}`]: wrap(bad.value) },
            });
          }
        }
      }
    }
  }
  return cases;
}
