import { readFileSync } from 'node:fs';
import { createLogger, type RunningServer } from '@joined-up/core';
import { startGateway } from '@joined-up/gateway';
import { readSubgraphList, supergraphPath } from '@joined-up/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest } from './graphqlRequest.ts';
import { type FaultyProxy, startFaultyProxy } from './startFaultyProxy.ts';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';

// Health's demographics and the partnership's plan, team and timeline: the plan calls care
// coordination twice in sequence (the timeline needs the other agencies' parts first).
const record = `query { person(nhsNumber: "9990000018") {
  name { full } carePlan { version } careTeam { role } timeline(first: 3) { edges { node { title } } } } }`;
// Long enough that a loaded machine's normal answers come in time; the assertions compare answer
// times with it, and whether the agency was tried at all, never with a figure of this machine.
const agencyTimeoutMs = 2_000;

describe('a hung agency, behind the circuit breaker and the deadline', () => {
  let federation: TestFederation;
  let proxy: FaultyProxy;
  let gateway: RunningServer;
  beforeAll(async () => {
    federation = await startFederationForTest({ people: 100 });
    proxy = await startFaultyProxy(federation.federation.subgraphs['care-coordination']!.url);
    gateway = await startGateway({
      port: 0,
      supergraph: { sdl: readFileSync(supergraphPath, 'utf8') },
      subgraphs: readSubgraphList().map((entry) => ({
        name: entry.name,
        displayName: entry.displayName,
        url: entry.name === 'care-coordination' ? proxy.url : federation.federation.subgraphs[entry.name]!.url,
      })),
      identity: {
        issuer: 'https://identity.joined-up.dev',
        audience: 'joined-up',
        jwksUrl: new URL('/.well-known/jwks.json', federation.federation.identity.url).toString(),
      },
      environment: 'test',
      logger: createLogger('gateway', 'silent'),
      subgraphTimeoutMs: agencyTimeoutMs,
      requestTimeoutMs: 10_000,
      traffic: { breakerFailures: 3, halfOpenAfterMs: 1_000 },
    });
    // A first request warms the connections and caches, so the first test sees the steady state.
    await graphqlRequest(gateway.url, { query: record, token: await federation.tokenFor('coordinator') });
  });
  afterAll(async () => {
    await gateway?.stop();
    await proxy?.stop();
    await federation?.stop();
  });

  const ask = async () => {
    const started = performance.now();
    const result = await graphqlRequest<{ person: { name: { full: string }; carePlan: unknown } | null }>(gateway.url, {
      query: record,
      token: await federation.tokenFor('coordinator'),
    });
    return { ...result, ms: performance.now() - started };
  };
  const ready = async () =>
    (await (await fetch(new URL('/ready', gateway.url))).json()) as {
      status: string;
      subgraphs: Array<{ name: string; circuit: string; status: string }>;
    };

  it('answers everything while the agency answers', async () => {
    const { status, body } = await ask();
    expect(status).toBe(200);
    expect(fromCareCoordination(body.errors)).toEqual([]);
    expect(body.data?.person?.carePlan).not.toBeNull();
  });

  it("costs one agency timeout, not one per call, and keeps every other agency's data", async () => {
    proxy.mode = 'hang';
    proxy.dropConnections();
    const { status, body, ms } = await ask();
    expect(status).toBe(200);
    expect(body.data?.person?.name.full).toBe('Sam Taylor');
    expect(ms).toBeGreaterThanOrEqual(agencyTimeoutMs - 50);
    expect(ms).toBeLessThan(agencyTimeoutMs * 1.8);
    const missing = fromCareCoordination(body.errors);
    expect(missing.map((error) => error.path?.join('.'))).toEqual(
      expect.arrayContaining(['person.carePlan', 'person.careTeam']),
    );
    expect(new Set(missing.map((error) => error.extensions?.['reason']))).toEqual(new Set(['timeout']));
  });

  it('opens the circuit after consecutive failures and then fails fast, visible on /ready', async () => {
    for (const { body } of [await ask(), await ask()])
      expect(new Set(fromCareCoordination(body.errors).map((error) => error.extensions?.['reason']))).toEqual(
        new Set(['timeout']),
      );
    const started = performance.now();
    const readiness = await ready();
    // Within an orchestrator's probe timeout (Kubernetes' is 1 s), though the agency hangs.
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(readiness.subgraphs.find((subgraph) => subgraph.name === 'care-coordination')).toMatchObject({
      circuit: 'open',
      status: 'unavailable',
    });
    const sentBefore = proxy.bytesReceived;
    const { body, ms } = await ask();
    // Failing fast: the agency is not tried at all, so the answer does not wait for its timeout.
    expect(proxy.bytesReceived).toBe(sentBefore);
    expect(ms).toBeLessThan(agencyTimeoutMs / 2);
    expect(body.data?.person?.name.full).toBe('Sam Taylor');
    expect(body.errors?.find((error) => error.path?.join('.') === 'person.carePlan')?.extensions).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      agency: 'Riverside Place Partnership',
      reason: 'circuit-open',
    });
    expect((await ready()).status).toBe('degraded');
  });

  it('probes the agency once it is back (half-open) and closes the circuit', async () => {
    proxy.mode = 'forward';
    proxy.dropConnections();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const sentBefore = proxy.bytesReceived;
    const { body } = await ask();
    expect(fromCareCoordination(body.errors)).toEqual([]);
    expect(body.data?.person?.carePlan).not.toBeNull();
    expect(proxy.bytesReceived).toBeGreaterThan(sentBefore);
    expect((await ready()).subgraphs.find((subgraph) => subgraph.name === 'care-coordination')?.circuit).toBe('closed');
  });
});

type Errors = Awaited<ReturnType<typeof graphqlRequest>>['body']['errors'];

/** The errors naming care coordination: those the hung agency causes. */
function fromCareCoordination(errors: Errors): NonNullable<Errors> {
  return errors?.filter((error) => error.extensions?.['serviceName'] === 'care-coordination') ?? [];
}
