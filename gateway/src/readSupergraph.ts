import { readFile } from 'node:fs/promises';
import { describeSupergraphSource, type SupergraphSource } from './SupergraphSource.ts';

/** The SDL the source holds now; rejects when it cannot be read or fetched, or `signal` aborts. */
export async function readSupergraph(source: SupergraphSource, signal: AbortSignal): Promise<string> {
  if ('sdl' in source) return source.sdl;
  if ('path' in source) return readFile(source.path, { encoding: 'utf8', signal });
  const response = await fetch(source.url, {
    headers: { accept: 'application/graphql, text/plain, */*' },
    signal: AbortSignal.any([signal, AbortSignal.timeout(source.timeoutMs ?? 5_000)]),
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`${describeSupergraphSource(source)} answered HTTP ${response.status}`);
  }
  return response.text();
}
