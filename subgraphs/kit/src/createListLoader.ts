import DataLoader from 'dataloader';
import { runBatched, type SelectBatcher } from './createSelectBatcher.ts';
import { loaderBatch } from './loaderBatch.ts';

/**
 * A DataLoader that fetches the rows of many parents in one statement and hands each parent
 * its own rows, in the order the statement returned them. Used for every list field so that a
 * caseload of fifty people costs one round trip per table, not fifty. Given the request's batcher,
 * a fetch that gives a select not yet run goes in one statement with the other loaders' selects
 * of the same tick.
 */
export function createListLoader<TKey extends string, TRow>(
  fetchRows: (keys: readonly TKey[]) => Promise<TRow[]>,
  keyOf: (row: TRow) => TKey,
  batch?: SelectBatcher,
): DataLoader<TKey, TRow[]> {
  return new DataLoader<TKey, TRow[]>(async (keys) => {
    const rows = await loaderBatch(keys.length, async () => runBatched(fetchRows(keys), batch));
    const byKey = new Map<TKey, TRow[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const list = byKey.get(key);
      if (list) list.push(row);
      else byKey.set(key, [row]);
    }
    return keys.map((key) => byKey.get(key) ?? []);
  });
}

/** Like createListLoader for a one-to-one lookup: each key gets its row or null. */
export function createRowLoader<TKey extends string, TRow>(
  fetchRows: (keys: readonly TKey[]) => Promise<TRow[]>,
  keyOf: (row: TRow) => TKey,
  batch?: SelectBatcher,
): DataLoader<TKey, TRow | null> {
  return new DataLoader<TKey, TRow | null>(async (keys) => {
    const rows = await loaderBatch(keys.length, async () => runBatched(fetchRows(keys), batch));
    const byKey = new Map<TKey, TRow>(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}
