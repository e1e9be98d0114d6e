import type { PublishedSdl } from './composeSupergraph.ts';
import type { SubgraphEntry } from './subgraphList.ts';

/**
 * Asks each running subgraph for the SDL it serves (`_service { sdl }`, Federation's own way to
 * publish a subgraph), as `rover subgraph introspect` does. Subgraphs answer only a verified
 * caller, so a bearer token is sent; each entry's URL variable (HEALTH_URL, ...) overrides its
 * development URL. Every agency that cannot be read is reported together.
 */
export async function fetchPublishedSdl(
  entries: readonly SubgraphEntry[],
  options: { token: string; env?: Record<string, string | undefined>; timeoutMs?: number },
): Promise<PublishedSdl[]> {
  const problems: string[] = [];
  const fetched = await Promise.all(
    entries.map(async (entry): Promise<PublishedSdl | undefined> => {
      const url = options.env?.[entry.urlVariable] ?? entry.url;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
          body: JSON.stringify({ query: '{ _service { sdl } }' }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        const body = (await response.json()) as {
          data?: { _service?: { sdl?: string } };
          errors?: Array<{ message: string }>;
        };
        const sdl = body.data?._service?.sdl;
        if (typeof sdl !== 'string') {
          problems.push(
            `${entry.name} at ${url}: ${body.errors?.[0]?.message ?? `HTTP ${response.status} with no SDL`}`,
          );
          return undefined;
        }
        return { name: entry.name, url: entry.url, origin: url, sdl };
      } catch (error) {
        problems.push(`${entry.name} at ${url}: ${(error as Error).message}`);
        return undefined;
      }
    }),
  );
  if (problems.length > 0) throw new Error(`Could not read every subgraph's SDL:\n  - ${problems.join('\n  - ')}`);
  return fetched as PublishedSdl[];
}
