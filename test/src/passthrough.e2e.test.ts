import { readFileSync } from 'node:fs';
import { createLogger, type RunningServer } from '@joined-up/core';
import { startGateway } from '@joined-up/gateway';
import { readSubgraphList, registeredOperation, supergraphPath } from '@joined-up/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAudience, testIssuer } from './startIdentityProvider.ts';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';

// The gateway passes through the answer of a query one agency answers whole (SingleFetchPassthrough).
// A second gateway, with the passthrough off, in front of the same agencies, gives the answer the
// normal path gives: the two must be the same bytes, whatever the query and whatever the agency said.

let federation: TestFederation;
let reshaping: RunningServer;

beforeAll(async () => {
  federation = await startFederationForTest({ people: 60 });
  const running = federation.federation;
  reshaping = await startGateway({
    port: 0,
    host: '127.0.0.1',
    supergraph: { sdl: readFileSync(supergraphPath, 'utf8') },
    subgraphs: readSubgraphList().map((entry) => ({
      name: entry.name,
      displayName: entry.displayName,
      url: running.subgraphs[entry.name]?.url ?? 'http://127.0.0.1:9/graphql',
    })),
    identity: {
      issuer: testIssuer,
      audience: testAudience,
      jwksUrl: new URL('/.well-known/jwks.json', running.identity.url).href,
    },
    environment: 'test',
    logger: createLogger('gateway', 'silent'),
    passthrough: false,
  });
}, 180_000);

afterAll(async () => {
  await reshaping?.stop();
  await federation?.stop();
});

/** The raw answer: status and body text, byte for byte. */
async function post(url: string, as: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await federation.tokenFor(as)}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.text() };
}

async function passthroughCount(outcome: 'passed' | 'reshaped', url = federation.gatewayUrl): Promise<number> {
  // Read by name alone: prom-client's event loop lag gauges may be NaN (written Nan) before their first sample.
  const text = await (await fetch(new URL('/metrics', url))).text();
  const line = text
    .split('\n')
    .find((found) => found.startsWith(`joined_up_gateway_passthrough_total{outcome="${outcome}"`));
  return Number(line?.split(' ').at(-1) ?? 0);
}

/**
 * Asks both gateways, twice through the passthrough one (its first request of an operation takes
 * the normal path and learns the plan), and gives what the passthrough did with the second.
 */
async function compare(as: string, query: string, variables: Record<string, unknown> = {}) {
  const expected = await post(reshaping.url, as, query, variables);
  const learnt = await post(federation.gatewayUrl, as, query, variables);
  const passed = await passthroughCount('passed');
  const reshaped = await passthroughCount('reshaped');
  const answer = await post(federation.gatewayUrl, as, query, variables);
  expect(learnt).toEqual(expected);
  expect(answer).toEqual(expected);
  return {
    expected,
    passed: (await passthroughCount('passed')) - passed,
    reshaped: (await passthroughCount('reshaped')) - reshaped,
  };
}

describe('the single-fetch passthrough', () => {
  it('passes through the registered people search, byte for byte the normal answer', async () => {
    const outcome = await compare('gp', registeredOperation('PeopleSearch').body, { name: 'tay' });
    expect(JSON.parse(outcome.expected.body).data.searchPeople.edges.length).toBeGreaterThan(0);
    expect(outcome).toMatchObject({ passed: 1, reshaped: 0 });
  });

  it('passes through aliases, named and inline fragments and __typename the client asked for', async () => {
    const query = /* GraphQL */ `
      query AliasedSearch($name: String!, $first: Int) {
        found: searchPeople(name: $name, first: $first) {
          edges {
            node {
              __typename
              ...WhoTheyAre
              ... on Person {
                born: dateOfBirth
              }
            }
          }
          pageInfo {
            more: hasNextPage
          }
        }
      }
      fragment WhoTheyAre on Person {
        id: nhsNumber
        name {
          full
        }
      }
    `;
    const outcome = await compare('gp', query, { name: 'tay', first: 3 });
    expect(JSON.parse(outcome.expected.body).data.found.edges[0].node.__typename).toBe('Person');
    expect(outcome).toMatchObject({ passed: 1, reshaped: 0 });
  });

  it('re-shapes what the planner asked for beyond the client: a __typename of the root', async () => {
    const query = '{ __typename searchPeople(name: "tay", first: 2) { edges { node { nhsNumber } } } }';
    const outcome = await compare('gp', query);
    expect(JSON.parse(outcome.expected.body).data.__typename).toBe('Query');
    expect(outcome.passed).toBe(0);
  });

  it("gives an agency's own error as the normal path formats it", async () => {
    const query = 'query ByPostcode($postcode: String) { searchPeople(postcode: $postcode) { edges { cursor } } }';
    const outcome = await compare('gp', query, { postcode: '!!' });
    expect(JSON.parse(outcome.expected.body).errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      agency: expect.any(String),
    });
    expect(outcome).toMatchObject({ passed: 0, reshaped: 1 });
  });

  it('gives the fields an agency refuses (FORBIDDEN) at their paths, as the normal path does', async () => {
    const query = /* GraphQL */ `
      query SearchWithProblems($name: String!) {
        searchPeople(name: $name, first: 10) {
          edges {
            node {
              nhsNumber
              problems {
                code {
                  display
                }
              }
            }
          }
        }
      }
    `;
    // Health shares no problems with a supported-living worker: each is refused at its path.
    const outcome = await compare('care-worker', query, { name: 'tay' });
    const codes = (JSON.parse(outcome.expected.body).errors as Array<{ extensions: { code: string } }>).map(
      (error) => error.extensions.code,
    );
    expect(codes).toContain('FORBIDDEN');
    expect(outcome).toMatchObject({ passed: 0, reshaped: 1 });
  });

  it('leaves variables the gateway refuses to the normal path, which refuses them before any agency', async () => {
    const outcome = await compare('gp', registeredOperation('PeopleSearch').body, { name: 7 });
    expect(JSON.parse(outcome.expected.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(outcome).toMatchObject({ passed: 0, reshaped: 0 });
  });

  it('never takes a query several agencies answer', async () => {
    const query = /* GraphQL */ `
      query SamAcrossAgencies($nhsNumber: NHSNumber!) {
        person(nhsNumber: $nhsNumber) {
          name {
            full
          }
          careAndSupportPlan {
            status
          }
        }
      }
    `;
    const outcome = await compare('gp', query, { nhsNumber: '9990000018' });
    expect(JSON.parse(outcome.expected.body).data.person.name.full).toEqual(expect.any(String));
    expect(outcome).toMatchObject({ passed: 0, reshaped: 0 });
  });

  it('is off when the gateway says so', async () => {
    await post(reshaping.url, 'gp', registeredOperation('PeopleSearch').body, { name: 'tay' });
    await post(reshaping.url, 'gp', registeredOperation('PeopleSearch').body, { name: 'tay' });
    expect(await passthroughCount('passed', reshaping.url)).toBe(0);
  });
});
