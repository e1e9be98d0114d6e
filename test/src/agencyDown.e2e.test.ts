import { createLogger, type RunningServer } from '@joined-up/core';
import { startGateway } from '@joined-up/gateway';
import { readSubgraphList, supergraphPath } from '@joined-up/schema';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest, type GraphQLResult } from './graphqlRequest.ts';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';
import { testAudience, testIssuer } from './startIdentityProvider.ts';

// Each agency in turn is stopped, as the real gateway sees it (its address refuses connections,
// as a stopped process's does), while every other agency runs: a person is still reached by NHS
// number, every other agency's part of the record is answered, and each field that gathers
// several agencies' parts answers from those that came back, naming at its own path the agency
// whose part is missing. (The chaos suite kills, hangs and slows each agency's process.)

const sam = '9990000018';
/** A valid NHS number no agency holds a record for. */
const unknown = '9434765919';
const agencyNames: Record<string, string> = {
  health: 'Riverside GP Federation and Community Health Services',
  'social-care': 'Riverside Council Adult Social Care',
  'voluntary-sector': 'Riverside Voluntary Sector Partnership',
  'care-coordination': 'Riverside Place Partnership',
};
/** One field of each agency's part of Sam's record, and the parts that gather several agencies'. */
const ownField: Record<string, string> = {
  health: 'name',
  'social-care': 'careAndSupportPlan',
  'voluntary-sector': 'socialPrescribingReferrals',
  'care-coordination': 'carePlan',
};
const record = /* GraphQL */ `
  query Record($nhsNumber: NHSNumber!) {
    person(nhsNumber: $nhsNumber) {
      nhsNumber
      name {
        full
      }
      careAndSupportPlan {
        status
      }
      socialPrescribingReferrals {
        status
      }
      carePlan {
        version
      }
      timeline(first: 100) {
        edges {
          node {
            agency
          }
        }
      }
      skillCoverage {
        skill
        checked
      }
    }
    people(nhsNumbers: [$nhsNumber, "9990000026"]) {
      nhsNumber
    }
  }
`;

interface Answer {
  person: Record<string, unknown> & { timeline: { edges: Array<{ node: { agency: string } }> } | null };
  people: Array<{ nhsNumber: string } | null>;
}

/** The agencies named on a timeline's entries. */
const agenciesOnTimeline = (answer: Answer | null | undefined) =>
  [...new Set(answer?.person.timeline?.edges.map((edge) => edge.node.agency))].sort();

let federation: TestFederation;
beforeAll(async () => {
  federation = await startFederationForTest({ people: 40 });
});
afterAll(async () => federation?.stop());

describe.each(Object.keys(agencyNames))('with %s stopped', (down) => {
  let gateway: RunningServer;
  const others = Object.keys(agencyNames).filter((agency) => agency !== down);
  beforeAll(async () => {
    gateway = await startGateway({
      port: 0,
      supergraph: { sdl: readFileSync(supergraphPath, 'utf8') },
      subgraphs: readSubgraphList().map((entry) => ({
        name: entry.name,
        displayName: entry.displayName,
        // Nothing listens on the discard port: the gateway meets a refused connection.
        url: entry.name === down ? 'http://127.0.0.1:9/graphql' : federation.federation.subgraphs[entry.name]!.url,
      })),
      identity: {
        issuer: testIssuer,
        audience: testAudience,
        jwksUrl: `http://localhost:${federation.federation.identity.port}/.well-known/jwks.json`,
      },
      environment: 'test',
      logger: createLogger('gateway', 'silent'),
    });
  });
  afterAll(async () => gateway?.stop());
  const query = async (as: string): Promise<GraphQLResult<Answer>> =>
    graphqlRequest<Answer>(gateway.url, {
      query: record,
      variables: { nhsNumber: sam },
      token: await federation.tokenFor(as),
    });

  it("reaches Sam by NHS number, and answers every other agency's part", async () => {
    const { status, body } = await query('sam');
    expect(status).toBe(200);
    expect(body.data?.person['nhsNumber']).toBe(sam);
    expect(body.data?.people).toEqual([{ nhsNumber: sam }, { nhsNumber: '9990000026' }]);
    for (const agency of others) expect(body.data?.person[ownField[agency]!], agency).not.toBeNull();
    expect(body.data?.person[ownField[down]!]).toBeNull();
    expect(body.errors).toContainEqual(
      expect.objectContaining({
        path: ['person', ownField[down]],
        extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: down }),
      }),
    );
  });

  it.skipIf(down === 'care-coordination')(
    "answers the timeline from the other agencies' entries, naming the missing agency at its path",
    async () => {
      const { body } = await query('sam');
      const reachable = others.map((agency) => agencyNames[agency]!).sort();
      expect(agenciesOnTimeline(body.data)).toEqual(reachable);
      const atTimeline = body.errors?.filter((error) => error.path?.join('.') === 'person.timeline');
      expect(atTimeline).toEqual([
        {
          message: `${agencyNames[down]} could not be reached; its part of this answer is missing.`,
          path: ['person', 'timeline'],
          extensions: {
            code: 'SUBGRAPH_UNAVAILABLE',
            agency: agencyNames[down],
            serviceName: down,
            reason: 'unreachable',
          },
        },
      ]);
      // The part itself, which Sam did not ask for, is not reported at a path of its own.
      expect(body.errors?.some((error) => /Timeline$/.test(String(error.path?.at(-1))))).toBe(false);
    },
  );

  it.runIf(down === 'social-care')(
    'answers skill coverage as not checked, naming social care at its path',
    async () => {
      const { body } = await query('sam');
      expect(body.data?.person['skillCoverage']).toEqual([
        { skill: 'Insulin administration', checked: false },
        { skill: 'Autism awareness', checked: false },
      ]);
      expect(body.errors).toContainEqual(
        expect.objectContaining({
          path: ['person', 'skillCoverage'],
          extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'social-care' }),
        }),
      );
    },
  );
  it('answers a held and an unknown NHS number alike to a caller with no relationship', async () => {
    const token = await federation.tokenFor('unrelated-gp');
    const ask = async (nhsNumber: string) => {
      const { status, body } = await graphqlRequest(gateway.url, {
        query: `query($n: NHSNumber!) { person(nhsNumber: $n) { name { full } careAndSupportPlan { status }
          socialPrescribingReferrals { status } carePlan { version } } }`,
        variables: { n: nhsNumber },
        token,
      });
      // The stopped agency's reason may change between the two (its circuit opens): the rest may not.
      const errors = body.errors?.map(({ path, extensions }) => [path, extensions?.['code'], extensions?.['agency']]);
      return { status, data: body.data, errors };
    };
    const held = await ask(sam);
    expect(held.data?.['person']).toEqual({
      name: null,
      careAndSupportPlan: null,
      socialPrescribingReferrals: null,
      carePlan: null,
    });
    expect(await ask(unknown)).toEqual(held);
  });

  it('still refuses an invalid NHS number before calling any agency', async () => {
    const { status, body } = await graphqlRequest(gateway.url, {
      query: '{ person(nhsNumber: "9990000019") { nhsNumber } }',
      token: await federation.tokenFor('gp'),
    });
    expect(status).toBe(400);
    expect(body.errors?.map((error) => error.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', argumentName: 'nhsNumber' },
    ]);
  });

  it.runIf(down === 'health')("fails a search by name, health's data, with an error at its path", async () => {
    const { status, body } = await graphqlRequest(gateway.url, {
      query: '{ searchPeople(name: "sam tay") { edges { node { nhsNumber } } } }',
      token: await federation.tokenFor('gp'),
    });
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['searchPeople'],
        extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'health' }),
      }),
    ]);
  });
});
