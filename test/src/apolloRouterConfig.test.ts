import { readFileSync } from 'node:fs';
import { defaultRequestLimits } from '@joined-up/gateway';
import { directorySubgraph, readSubgraphList } from '@joined-up/schema';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Apollo Router's binary cannot be had here, so its committed configuration is checked against
// what our gateway does: the same headers to each agency, the same limits, every agency's URL.
const router = parse(readFileSync(new URL('../../deploy/apollo-router/router.yaml', import.meta.url), 'utf8')) as {
  override_subgraph_url: Record<string, string>;
  headers: { all: { request: Array<{ propagate: { named: string; rename?: string } }> } };
  limits: Record<string, number>;
  supergraph: { path: string; introspection: boolean };
  traffic_shaping: { all: { timeout: string }; router: { timeout: string } };
  health_check: { path: string };
  demand_control: { enabled: boolean; mode: string; strategy: { static_estimated: Record<string, number> } };
};

describe("Apollo Router's router.yaml", () => {
  it("forwards the caller token, the caller's request id as a correlation id and a break-glass declaration", () => {
    expect(router.headers.all.request.map((rule) => rule.propagate)).toEqual([
      { named: 'authorization' },
      { named: 'x-request-id', rename: 'x-correlation-id' },
      { named: 'x-break-glass' },
    ]);
  });

  it("holds our gateway's limits and timeouts", () => {
    expect(router.limits).toEqual({
      max_depth: defaultRequestLimits.maxDepth,
      max_aliases: defaultRequestLimits.maxAliases,
      parser_max_tokens: defaultRequestLimits.maxTokens,
      http_max_request_bytes: 100_000,
    });
    expect(router.traffic_shaping.all.timeout).toBe('10s');
    expect(router.traffic_shaping.router.timeout).toBe('15s');
    expect(router.supergraph).toMatchObject({ path: '/graphql', introspection: false });
    expect(router.health_check.path).toBe('/health');
  });

  it("applies demand control with our gateway's cost limit and assumed list size", () => {
    expect(router.demand_control).toEqual({
      enabled: true,
      mode: 'enforce',
      strategy: {
        static_estimated: { list_size: defaultRequestLimits.assumedListSize, max: defaultRequestLimits.maxCost },
      },
    });
  });

  it('reaches every agency at its <AGENCY>_URL, defaulting to the development URL', () => {
    const entries = readSubgraphList();
    expect(Object.keys(router.override_subgraph_url).sort()).toEqual(
      [...entries.map((entry) => entry.name), directorySubgraph.name].sort(),
    );
    for (const entry of entries)
      expect(router.override_subgraph_url[entry.name]).toBe(`\${env.${entry.urlVariable}:-${entry.url}}`);
    expect(router.override_subgraph_url[directorySubgraph.name]).toBe(
      `\${env.DIRECTORY_URL:-${directorySubgraph.url}}`,
    );
  });
});
