import { createError } from '@joined-up/core';

const maxIdLength = 200;

/**
 * The id of an entity representation (`{ __typename: "HealthClinician", id: "..." }`), or BAD_USER_INPUT
 * naming the representations. `_Any` lets a caller send anything, so a missing, empty, oversized
 * or non-text id is refused clearly instead of reaching the database or a loader.
 */
export function requireEntityId(value: unknown, typeName: string): string {
  const id = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  // A control character (NUL above all, which PostgreSQL refuses in text) is never part of an id.
  // eslint-disable-next-line no-control-regex
  if (typeof id !== 'string' || id.trim() === '' || id.length > maxIdLength || /[\u0000-\u001f]/.test(id)) {
    throw createError(
      'BAD_USER_INPUT',
      `Argument "representations" holds an invalid ${typeName} id: ` +
        `it must be text of 1 to ${maxIdLength} characters, none of ` +
        `them control characters.`,
      { argumentName: 'representations' },
    );
  }
  return id;
}
