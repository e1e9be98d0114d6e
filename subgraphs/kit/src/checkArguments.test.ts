import { buildSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkArguments, isCalendarDate, isCalendarTimestamp } from './checkArguments.ts';
import { decodeCursor, encodeCursor, isIsoDate, isTimestamp } from './pagination.ts';

describe('checkArguments', () => {
  const schema = buildSchema(`
    scalar Date
    scalar DateTime
    input Visit { on: Date!, notes: String }
    type Query {
      born(on: Date): String
      at(time: DateTime!): String
      search(name: String, visits: [Visit!]): String
      count(first: Int): Int
    }
  `);
  checkArguments(schema);
  const rootValue = { born: () => 'ok', at: () => 'ok', search: () => 'ok', count: () => 1 };
  const run = async (source: string) => {
    const result = await graphql({ schema, source, rootValue });
    return result.errors?.map((error) => [error.message, error.extensions['code'], error.extensions['argumentName']]);
  };

  it('refuses impossible dates and times and NUL characters as BAD_USER_INPUT naming the argument', async () => {
    expect(await run('{ born(on: "2021-02-31") }')).toEqual([
      ['Argument "on" must be a calendar date that exists, YYYY-MM-DD.', 'BAD_USER_INPUT', 'on'],
    ]);
    expect(await run('{ at(time: "2026-02-30T10:00") }')).toEqual([
      [
        'Argument "time" must be a point in time that exists, ISO 8601 (2026-03-01T10:00:00Z).',
        'BAD_USER_INPUT',
        'time',
      ],
    ]);
    expect(await run('{ search(name: "Sam\\u0000") }')).toEqual([
      ['Argument "name" must not contain a NUL character.', 'BAD_USER_INPUT', 'name'],
    ]);
    expect(await run('{ search(visits: [{ on: "2024-01-01" }, { on: "2024-13-01" }]) }')).toEqual([
      ['Argument "visits.on" must be a calendar date that exists, YYYY-MM-DD.', 'BAD_USER_INPUT', 'visits'],
    ]);
  });

  it('lets good input through to the resolver', async () => {
    expect(await run('{ born(on: "2024-02-29") at(time: "2026-03-01T10:00:00Z") search(name: "Sam") count }')).toBe(
      undefined,
    );
  });
});

describe('dates, times and cursors', () => {
  it('knows which dates exist', () => {
    expect(['2024-02-29', '2021-12-31'].map(isCalendarDate)).toEqual([true, true]);
    expect(['2021-02-31', '2023-02-29', '2021-00-10', '2021-1-1'].map(isIsoDate)).toEqual([false, false, false, false]);
    expect(['2026-03-01 10:00:00.123456+00', '2026-03-01T10:00:00Z', '2026-03-01T10:00'].map(isTimestamp)).toEqual([
      true,
      true,
      true,
    ]);
    expect(['2026-02-30T10:00', '2026-03-01T24:00', '2026-03-01T10:61'].map(isCalendarTimestamp)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('refuses a forged cursor with a NUL, an impossible date or an id that is not a number where ids are', () => {
    const forged = (key: string, id: string) => encodeCursor({ key, id });
    const numeric = (id: string) => /^\d+$/.test(id);
    expect(() => decodeCursor(forged('Tay\u0000', '1'))).toThrow('Argument "after" is not a cursor this list issued.');
    expect(() => decodeCursor(forged('2021-02-31', '1'), isIsoDate)).toThrow('is not a cursor');
    expect(() => decodeCursor(forged('2026-03-01T10:00:00Z', 'abc'), isTimestamp, numeric)).toThrow('is not a cursor');
    expect(decodeCursor(forged('2026-03-01T10:00:00Z', '42'), isTimestamp, numeric)).toEqual({
      key: '2026-03-01T10:00:00Z',
      id: '42',
    });
  });
});
