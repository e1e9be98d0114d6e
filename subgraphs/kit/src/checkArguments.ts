import { createError, isValidNhsNumber } from '@joined-up/core';
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
import { cursorParts, maxPageSize } from './pageArguments.ts';

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

/**
 * The most characters any text argument may hold. An agency may allow less for a field (a goal's
 * description, 500); none takes more, so a 20,000-character name is refused before any resolver,
 * policy or statement sees it.
 */
export const maxTextLength = 10_000;

const scalarChecks: Record<string, (value: string) => Problem> = {
  Date: (value) => (isCalendarDate(value) ? undefined : 'must be a calendar date that exists, YYYY-MM-DD.'),
  DateTime: (value) =>
    isCalendarTimestamp(value) ? undefined : 'must be a point in time that exists, ISO 8601 (2026-03-01T10:00:00Z).',
  NHSNumber: (value) =>
    isValidNhsNumber(value.replace(/\s+/g, ''))
      ? undefined
      : 'is not a valid NHS number: it must be 10 digits with a correct Modulus 11 check digit.',
};

/** What is wrong with a whole number, by the argument's name: every Int the kit takes is a count, size or version. */
function intProblem(name: string, value: number): Problem {
  if (name === 'first' && (value < 1 || value > maxPageSize)) return `must be between 1 and ${maxPageSize}.`;
  return value < 0 ? 'must not be negative.' : undefined;
}

/** What is wrong with a text value: a NUL, too long, blank where required, or a cursor no list issued. */
function textProblem(name: string, type: GraphQLInputType, value: string): Problem {
  // PostgreSQL text holds no NUL character: one would reach the database only as its error.
  if (value.includes('\u0000')) return 'must not contain a NUL character.';
  if (value.length > maxTextLength) return `must be at most ${maxTextLength} characters.`;
  const named = getNamedType(type);
  if (isNonNullType(type) && value.trim() === '' && named.name !== 'NHSNumber') return 'must not be empty.';
  if (name === 'after' && named.name === 'String' && !cursorParts(value)) return 'is not a cursor this list issued.';
  return scalarChecks[named.name]?.(value);
}

/** What is wrong with one argument's value, by its declared type and name; undefined when nothing is. */
function problemOf(name: string, type: GraphQLInputType, value: unknown): Problem {
  if (value === null || value === undefined) return undefined;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner))
    return Array.isArray(value) ? value.map((item) => problemOf(name, inner.ofType, item)).find(Boolean) : undefined;
  if (isInputObjectType(inner)) {
    for (const [fieldName, field] of Object.entries(inner.getFields())) {
      const problem = problemOf(fieldName, field.type, (value as Record<string, unknown>)[fieldName]);
      if (problem) return `.${fieldName} ${problem}`.replace(/^\.(\S+) \./, '.$1.');
    }
    return undefined;
  }
  if (!isScalarType(inner)) return undefined;
  if (typeof value === 'number' && inner.name === 'Int') return intProblem(name, value);
  return typeof value === 'string' ? textProblem(name, type, value) : undefined;
}

/**
 * Checks every argument of every field (input objects and lists included) against its declared
 * type before the field resolves, and so before its policy, its resolver's own checks or any
 * statement: dates and times that exist, valid NHS numbers, no NUL character and at most
 * maxTextLength characters in any text, no blank required text, whole numbers that are not
 * negative, `first` within a page and `after` a cursor's form. Bad input is refused as
 * BAD_USER_INPUT naming the argument, never reaching the database to fail there as an internal
 * error carrying SQL, and the same for every caller, whatever they may see. The scalars themselves
 * stay lenient (scalarResolvers), so the refusal names the argument rather than being a generic
 * validation failure. Mutates `schema`.
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
      const problem = problemOf(arg.name, arg.type, values[arg.name]);
      if (problem) {
        const [path, reason] = problem.startsWith('.') ? problem.slice(1).split(/ (.*)/s) : ['', problem];
        const name = path ? `${arg.name}.${path}` : arg.name;
        throw createError('BAD_USER_INPUT', `Argument "${name}" ${reason}`, { argumentName: name });
      }
    }
    return resolve(source, values, context, info);
  };
}

/** Whether a type can hold text or a whole number anywhere inside it. */
function needsChecking(type: GraphQLInputType, seen: Set<string>): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return named.name !== 'Float' && named.name !== 'Boolean';
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => needsChecking(field.type, seen));
}
