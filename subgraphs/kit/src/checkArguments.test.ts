import { buildSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkArguments, isCalendarDate, isCalendarTimestamp } from './checkArguments.ts';
import { decodeCursor, encodeCursor, isIsoDate, isTimestamp } from './pagination.ts';

describe('checkArguments', () => {
  const schema = buildSchema(`
    scalar Date
    scalar DateTime
    scalar NHSNumber
    input Visit { on: Date!, notes: String }
    type Query {
      born(on: Date): String
      at(time: DateTime!): String
      search(name: String, visits: [Visit!]): String
      count(first: Int): Int
      page(first: Int, after: String): Int
      note(text: String!, version: Int, who: NHSNumber, tags: [String!]): String
    }
  `);
  checkArguments(schema);
  const rootValue = {
    born: () => 'ok',
    at: () => 'ok',
    search: () => 'ok',
    count: () => 1,
    page: () => 1,
    note: () => 'ok',
  };
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
      ['Argument "visits.on" must be a calendar date that exists, YYYY-MM-DD.', 'BAD_USER_INPUT', 'visits.on'],
    ]);
  });

  it('refuses blank or oversized text, negative numbers, pages and cursors out of form, bad NHS numbers', async () => {
    const cursor = Buffer.from(JSON.stringify(['2026-03-01', '1'])).toString('base64url');
    const refused = (argument: string, name: string, reason: string) => [
      `Argument "${argument}" ${reason}`,
      'BAD_USER_INPUT',
      name,
    ];
    expect(await run('{ note(text: "   ") }')).toEqual([refused('text', 'text', 'must not be empty.')]);
    expect(await run(`{ note(text: "${'x'.repeat(10_001)}") }`)).toEqual([
      refused('text', 'text', 'must be at most 10000 characters.'),
    ]);
    expect(await run('{ note(text: "a", tags: ["b", ""]) }')).toEqual([refused('tags', 'tags', 'must not be empty.')]);
    expect(await run('{ note(text: "a", version: -1) }')).toEqual([
      refused('version', 'version', 'must not be negative.'),
    ]);
    expect(await run('{ note(text: "a", who: "9990000019") }')).toEqual([
      refused('who', 'who', 'is not a valid NHS number: it must be 10 digits with a correct Modulus 11 check digit.'),
    ]);
    for (const first of [0, 101])
      expect(await run(`{ page(first: ${first}) }`)).toEqual([refused('first', 'first', 'must be between 1 and 100.')]);
    for (const after of ['abc', '%%%', Buffer.from('[1,2]').toString('base64url')])
      expect(await run(`{ page(after: "${after}") }`)).toEqual([
        refused('after', 'after', 'is not a cursor this list issued.'),
      ]);
    expect(await run(`{ page(first: 100, after: "${cursor}") note(text: "a", version: 0, who: "999 000 0018") }`)).toBe(
      undefined,
    );
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
