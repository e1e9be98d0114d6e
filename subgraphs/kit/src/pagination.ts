import { createError } from '@joined-up/core';
import { isCalendarDate, isCalendarTimestamp } from './checkArguments.ts';
import { cursorParts, maxPageSize } from './pageArguments.ts';

export { maxPageSize };

/** Relay-style page information. */
export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
}

/** The position of a row in a list sorted by one key then id: what a cursor encodes. */
export interface CursorPosition {
  key: string;
  id: string;
}

/** Validates `first`, naming the argument when it is out of range. */
export function pageSize(first: number | null | undefined, fallback = 20): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > maxPageSize) {
    throw createError('BAD_USER_INPUT', `Argument "first" must be between 1 and ${maxPageSize}.`, {
      argumentName: 'first',
    });
  }
  return size;
}

/** Cursors are opaque to clients: base64url of the sort key and id. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.key, position.id])).toString('base64url');
}

/**
 * Reads a cursor back. `isValidKey` checks the sort key's form (a date, a timestamp) and
 * `isValidId` the id's (digits, where ids are numbers), so a forged cursor is refused as
 * BAD_USER_INPUT here instead of failing inside the database.
 */
export function decodeCursor(
  cursor: string | null | undefined,
  isValidKey: (key: string) => boolean = () => true,
  isValidId: (id: string) => boolean = () => true,
): CursorPosition | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  // A forged cursor's parts go into SQL as parameters: one the column cannot hold (a NUL, an id
  // that is not a number where ids are) would come back as the database's error.
  const parts = cursorParts(cursor);
  if (parts && isValidKey(parts[0]) && isValidId(parts[1])) return { key: parts[0], id: parts[1] };
  throw createError('BAD_USER_INPUT', 'Argument "after" is not a cursor this list issued.', { argumentName: 'after' });
}

/**
 * Builds a connection from rows fetched with one extra row beyond the page, which tells
 * whether a next page exists without a count query.
 */
export function toConnection<T>(rows: T[], size: number, position: (row: T) => CursorPosition): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ cursor: encodeCursor(position(node)), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** A calendar date as PostgreSQL writes it, YYYY-MM-DD, that exists (2021-02-31 does not). */
export const isIsoDate = (key: string): boolean => isCalendarDate(key);

/** A timestamp as PostgreSQL or ISO 8601 writes it, on a date that exists at a time that does. */
export const isTimestamp = (key: string): boolean => isCalendarTimestamp(key);
