import type { CursorPosition } from './pagination.ts';
import { describe, expect, it } from 'vitest';
import { createPageLoader } from './createPageLoader.ts';

describe('createPageLoader', () => {
  it('fetches once per page size and cursor, and gives each person their own rows', async () => {
    const calls: Array<{ nhsNumbers: string[]; limit: number; after: CursorPosition | undefined }> = [];
    const loader = createPageLoader(async (nhsNumbers, limit, after) => {
      calls.push({ nhsNumbers, limit, after });
      return nhsNumbers.flatMap((nhsNumber) => [1, 2].map((n) => ({ nhsNumber, id: `${nhsNumber}-${limit}-${n}` })));
    });
    const after = { key: '2026-06-01', id: 'x' };
    const [a, b, c, d] = await Promise.all([
      loader.load({ nhsNumber: '9990000018', limit: 3, after: undefined }),
      loader.load({ nhsNumber: '9990000026', limit: 3, after: undefined }),
      loader.load({ nhsNumber: '9990000018', limit: 3, after }),
      loader.load({ nhsNumber: '9990000018', limit: 3, after: undefined }),
    ]);
    expect(calls).toEqual([
      { nhsNumbers: ['9990000018', '9990000026'], limit: 3, after: undefined },
      { nhsNumbers: ['9990000018'], limit: 3, after },
    ]);
    expect(a?.map((row) => row.id)).toEqual(['9990000018-3-1', '9990000018-3-2']);
    expect(b?.map((row) => row.id)).toEqual(['9990000026-3-1', '9990000026-3-2']);
    expect(c).toHaveLength(2);
    expect(d).toBe(a);
  });

  it('gives a person with no rows an empty page', async () => {
    const loader = createPageLoader<{ nhsNumber: string }>(async () => []);
    expect(await loader.load({ nhsNumber: '9434765919', limit: 21, after: undefined })).toEqual([]);
  });
});
