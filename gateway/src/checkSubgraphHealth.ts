/** A subgraph's reachability as the gateway saw it just now. */
export interface SubgraphHealth {
  name: string;
  agency: string;
  status: 'ok' | 'unavailable';
  latencyMs: number;
}

/**
 * Asks each subgraph's /health (which needs no token and reveals no data) in parallel, each
 * with a short timeout, so the gateway's /ready answers well within an orchestrator's probe
 * timeout (Kubernetes' is 1 s) even when an agency hangs: a slow /ready would take the gateway,
 * and every agency's data, out of service because of one agency.
 */
export async function checkSubgraphHealth(
  subgraphs: Array<{ name: string; displayName: string; url: string }>,
  timeoutMs = 500,
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
