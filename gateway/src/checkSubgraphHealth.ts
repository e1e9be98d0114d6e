/** A subgraph's reachability as the gateway saw it just now. */
export interface SubgraphHealth {
  name: string;
  agency: string;
  status: 'ok' | 'unavailable';
  latencyMs: number;
}

/**
 * Asks each subgraph's /health (which needs no token and reveals no data) in parallel, each
 * with a short timeout, so the gateway's own health answer stays fast when an agency hangs.
 */
export async function checkSubgraphHealth(
  subgraphs: Array<{ name: string; displayName: string; url: string }>,
  timeoutMs = 2_000,
): Promise<SubgraphHealth[]> {
  return Promise.all(
    subgraphs.map(async (subgraph) => {
      const started = performance.now();
      let ok: boolean;
      try {
        const response = await fetch(new URL('/health', subgraph.url), { signal: AbortSignal.timeout(timeoutMs) });
        ok = response.ok;
        await response.body?.cancel();
      } catch {
        ok = false;
      }
      return {
        name: subgraph.name,
        agency: subgraph.displayName,
        status: ok ? 'ok' : 'unavailable',
        latencyMs: Math.round(performance.now() - started),
      } as const;
    }),
  );
}
