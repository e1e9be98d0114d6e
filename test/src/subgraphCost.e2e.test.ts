import { createLogger } from '@joined-up/core';
import { loadAgencyModules } from '@joined-up/dev';
import { type RunningSubgraph, runSubgraph } from '@joined-up/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest } from './graphqlRequest.ts';
import { startIdentityProvider, type TestIdentityProvider } from './startIdentityProvider.ts';

// A subgraph prices what it is sent from its own published SDL's @listSize, as the gateway prices
// the supergraph: a page costs what `first` asks for, not a guess.
describe("a subgraph's own cost limit", () => {
  let idp: TestIdentityProvider;
  let subgraph: RunningSubgraph;
  const page = (first: number) =>
    `{ healthBreakGlassAccesses(first: ${first}) { edges { node { organisation { code } } } } }`;
  beforeAll(async () => {
    idp = await startIdentityProvider();
    const [agency] = (await loadAgencyModules()).filter(({ module }) => module.agency.name === 'health');
    subgraph = await runSubgraph(agency!.module, {
      port: 0,
      identity: idp.identity,
      environment: 'test',
      seed: { people: 20 },
      logger: createLogger('health', 'silent'),
      limits: { maxCost: 250 },
    });
  });
  afterAll(async () => {
    await subgraph?.stop();
    await idp?.stop();
  });

  it('counts a page of 100 as 100 entries, and refuses it over the limit before any statement', async () => {
    const token = await idp.tokenFor('privacy-officer');
    const before = subgraph.database.statements.count;
    // healthBreakGlassAccesses 1 × (1 + edges 100 × (edge 1 + node 1 + organisation 1)) = 301.
    const refused = await graphqlRequest(subgraph.url, { query: page(100), token });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.map((error) => error.extensions)).toEqual([
      {
        code: 'QUERY_TOO_COMPLEX',
        measure: 'cost',
        limit: 250,
        measured: 301,
        agency: 'Riverside GP Federation and Community Health Services',
        serviceName: 'health',
      },
    ]);
    expect(subgraph.database.statements.count).toBe(before);
    // 1 + 50 × 3 = 151: answered.
    const answered = await graphqlRequest(subgraph.url, { query: page(50), token });
    expect(answered.body.errors).toBeUndefined();
    expect(answered.body.data).toHaveProperty('healthBreakGlassAccesses.edges');
  });
});
