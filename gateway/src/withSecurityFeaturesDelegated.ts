/**
 * The supergraph marks @authenticated, @requiresScopes and @policy as SECURITY features, and
 * Apollo Gateway refuses to start on any SECURITY feature it cannot enforce. Here each agency's
 * subgraph enforces them itself (the gateway never trusts itself with person data), so the
 * gateway is given the same supergraph with those links downgraded to plain metadata. The
 * committed supergraph keeps them, so a router that enforces them (Apollo Router, Hive Gateway)
 * adds a second, earlier check.
 */
export function withSecurityFeaturesDelegated(supergraphSdl: string): string {
  return supergraphSdl.replace(
    /(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:authenticated|requiresScopes|policy)\/v[\d.]+"), for: SECURITY\)/g,
    '$1)',
  );
}
