import { iteratePopulation, type PopulationOptions } from './iteratePopulation.ts';
import type { PopulationPerson } from './types.ts';

export interface SeedInBatchesOptions extends PopulationOptions {
  /** People per batch; each batch is written in one transaction. @default 500 */
  batchSize?: number;
  /** Called after each batch with people written so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Walks the population a batch at a time and hands each batch to an agency's writer, so a
 * seed of a million people streams through memory instead of building it all first.
 */
export async function seedInBatches(
  options: SeedInBatchesOptions,
  write: (batch: PopulationPerson[]) => Promise<void>,
): Promise<void> {
  const batchSize = options.batchSize ?? 500;
  const total = options.people ?? 0;
  let batch: PopulationPerson[] = [];
  let done = 0;
  for (const person of iteratePopulation(options)) {
    batch.push(person);
    if (batch.length === batchSize) {
      await write(batch);
      done += batch.length;
      options.onProgress?.(done, total);
      batch = [];
    }
  }
  if (batch.length > 0) {
    await write(batch);
    done += batch.length;
    options.onProgress?.(done, total);
  }
}
