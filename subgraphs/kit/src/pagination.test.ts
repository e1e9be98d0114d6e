import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, isIsoDate, isTimestamp, pageSize, toConnection } from './pagination.ts';

describe('pagination', () => {
  it('round-trips cursors and rejects foreign ones with the argument named', () => {
    const cursor = encodeCursor({ key: 'taylor sam', id: '9990000018' });
    expect(decodeCursor(cursor)).toEqual({ key: 'taylor sam', id: '9990000018' });
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor(encodeCursor({ key: '2026-10-06 09:00:00+00', id: 'e1' }), isTimestamp)).toEqual({
      key: '2026-10-06 09:00:00+00',
      id: 'e1',
    });
    expect(() => decodeCursor(encodeCursor({ key: "'; drop table x", id: 'e1' }), isTimestamp)).toThrowError(
      /not a cursor this list issued/,
    );
    expect(() => decodeCursor(encodeCursor({ key: '2026-13-45', id: 'e1' }), isIsoDate)).toThrowError(
      /not a cursor this list issued/,
    );
    expect(() => decodeCursor('not-a-cursor')).toThrowError(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' } }),
    );
  });

  it('limits page sizes', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(100)).toBe(100);
    expect(() => pageSize(0)).toThrowError(/between 1 and 100/);
    expect(() => pageSize(101)).toThrowError(/between 1 and 100/);
  });

  it('uses the extra row to tell whether another page follows', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const page = toConnection(rows, 2, (row) => ({ key: row.id, id: row.id }));
    expect(page.edges.map((edge) => edge.node.id)).toEqual(['a', 'b']);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor({ key: 'b', id: 'b' }) });
    expect(toConnection([], 2, () => ({ key: '', id: '' })).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
