import type { CursorPosition } from './pagination.ts';
import DataLoader from 'dataloader';
import { loaderBatch } from './loaderBatch.ts';

/** One page request for one person's list. */
export interface PageKey {
  nhsNumber: string;
  /** Rows to fetch: the page size plus one, to tell whether more follow. */
  limit: number;
  after: CursorPosition | undefined;
}

/**
 * Pages of a per-person list for many people at once. Keys asking for the same page size and
 * cursor form a group, and each group is fetched by one statement (`fetchGroup`, typically a
 * window function numbering each person's rows), so a caseload costs one round trip, not one
 * per person.
 */
export function createPageLoader<TRow extends { nhsNumber: string }>(
  fetchGroup: (nhsNumbers: string[], limit: number, after: CursorPosition | undefined) => Promise<TRow[]>,
): DataLoader<PageKey, TRow[], string> {
  const groupOf = (key: PageKey) => JSON.stringify([key.limit, key.after?.key ?? null, key.after?.id ?? null]);
  return new DataLoader<PageKey, TRow[], string>(
    async (keys) => {
      const groups = new Map<string, PageKey[]>();
      for (const key of keys) groups.set(groupOf(key), [...(groups.get(groupOf(key)) ?? []), key]);
      const pages = new Map<string, TRow[]>();
      for (const [group, groupKeys] of groups) {
        const { limit, after } = groupKeys[0] as PageKey;
        const people = [...new Set(groupKeys.map((key) => key.nhsNumber))];
        for (const row of await loaderBatch(people.length, () => fetchGroup(people, limit, after))) {
          const pageKey = `${group}|${row.nhsNumber}`;
          const page = pages.get(pageKey);
          if (page) page.push(row);
          else pages.set(pageKey, [row]);
        }
      }
      return keys.map((key) => pages.get(`${groupOf(key)}|${key.nhsNumber}`) ?? []);
    },
    { cacheKeyFn: (key) => `${groupOf(key)}|${key.nhsNumber}` },
  );
}
