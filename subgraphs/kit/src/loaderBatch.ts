import { inSpan } from '@joined-up/core';

/**
 * One batch of a DataLoader (every key the resolvers asked for in one tick, fetched together), as
 * a span named as OpenTelemetry's dataloader instrumentation names it, with the number of keys.
 */
export function loaderBatch<T>(keys: number, fetch: () => Promise<T>): Promise<T> {
  return inSpan('dataloader.batch', { attributes: { 'dataloader.batch.size': keys } }, fetch);
}
