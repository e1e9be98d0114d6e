import { createError } from '@joined-up/core';
import {
  defaultFieldResolver,
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

/** A calendar date that exists: 2021-02-31 does not, though JavaScript's Date.parse rolls it over. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const timePattern = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** A point in time whose date exists and whose clock reads a real time (2026-02-30T10:00 is neither). */
export function isCalendarTimestamp(value: string): boolean {
  const match = timePattern.exec(value);
  if (!match) return false;
  const [hours, minutes, seconds] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  return isCalendarDate(match[1]!) && hours < 24 && minutes < 60 && seconds < 60;
}

type Problem = string | undefined;

const scalarChecks: Record<string, (value: string) => Problem> = {
  Date: (value) => (isCalendarDate(value) ? undefined : 'must be a calendar date that exists, YYYY-MM-DD.'),
  DateTime: (value) =>
    isCalendarTimestamp(value) ? undefined : 'must be a point in time that exists, ISO 8601 (2026-03-01T10:00:00Z).',
};

/** What is wrong with one argument's value, by its declared type; undefined when nothing is. */
function problemOf(type: GraphQLInputType, value: unknown): Problem {
  if (value === null || value === undefined) return undefined;
  if (isNonNullType(type)) return problemOf(type.ofType, value);
  if (isListType(type))
    return Array.isArray(value) ? value.map((item) => problemOf(type.ofType, item)).find(Boolean) : undefined;
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [name, field] of Object.entries(fields)) {
      const problem = problemOf(field.type, (value as Record<string, unknown>)[name]);
      if (problem) return `.${name} ${problem}`.replace(/^\.(\S+) \./, '.$1.');
    }
    return undefined;
  }
  if (typeof value !== 'string' || !isScalarType(type)) return undefined;
  // PostgreSQL text holds no NUL character: one would reach the database only as its error.
  if (value.includes('\u0000')) return 'must not contain a NUL character.';
  return scalarChecks[type.name]?.(value);
}

/**
 * Checks every argument of every field against its declared type before the field resolves:
 * dates and times that exist, and no NUL character in any string. Bad input is refused as
 * BAD_USER_INPUT naming the argument, never reaching the database to fail there as an internal
 * error carrying SQL. The scalars themselves stay lenient (scalarResolvers), so the refusal names
 * the argument rather than being a generic validation failure. Mutates `schema`.
 */
export function checkArguments(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length > 0) wrap(field);
    }
  }
}

function wrap(field: GraphQLField<unknown, unknown>): void {
  const resolve = field.resolve ?? defaultFieldResolver;
  const args = field.args.filter((arg) => needsChecking(arg.type, new Set()));
  if (args.length === 0) return;
  field.resolve = (source, values: Record<string, unknown>, context, info) => {
    for (const arg of args) {
      const problem = problemOf(arg.type, values[arg.name]);
      if (problem) {
        const [path, reason] = problem.startsWith('.') ? problem.slice(1).split(/ (.*)/s) : ['', problem];
        const name = path ? `${arg.name}.${path}` : arg.name;
        throw createError('BAD_USER_INPUT', `Argument "${name}" ${reason}`, { argumentName: arg.name });
      }
    }
    return resolve(source, values, context, info);
  };
}

/** Whether a type can hold a string (so a NUL, or an impossible date) anywhere inside it. */
function needsChecking(type: GraphQLInputType, seen: Set<string>): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return ['String', 'ID', 'Date', 'DateTime'].includes(named.name) || !isBuiltIn(named.name);
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => needsChecking(field.type, seen));
}

function isBuiltIn(name: string): boolean {
  return name === 'Int' || name === 'Float' || name === 'Boolean';
}
