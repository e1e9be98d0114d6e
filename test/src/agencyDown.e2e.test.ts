import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';

// Each agency in turn is not running while the real gateway and every other agency are: a person
// is still reached by NHS number, every other agency's part of the record is answered, and each
// field that gathers several agencies' parts answers from those that came back, naming at its
// own path the agency whose part is missing.

const sam = '9990000018';
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
const agenciesOnTimeline = (answer: Answer | undefined) =>
  [...new Set(answer?.person.timeline?.edges.map((edge) => edge.node.agency))].sort();

describe.each(Object.keys(agencyNames))('with %s stopped', (down) => {
  let federation: TestFederation;
  const others = Object.keys(agencyNames).filter((agency) => agency !== down);
  beforeAll(async () => {
    federation = await startFederationForTest({ people: 40, without: [down] });
  });
  afterAll(async () => federation?.stop());

  it("reaches Sam by NHS number, and answers every other agency's part", async () => {
    const { status, body } = await federation.query<Answer>('sam', record, { nhsNumber: sam });
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
      const { body } = await federation.query<Answer>('sam', record, { nhsNumber: sam });
      const reachable = others.map((agency) => agencyNames[agency]!).sort();
      expect(agenciesOnTimeline(body.data)).toEqual(reachable);
      const atTimeline = body.errors?.filter((error) => error.path?.join('.') === 'person.timeline');
      expect(atTimeline).toEqual([
        {
          message: `${agencyNames[down]} could not be reached; its part of this answer is missing.`,
          path: ['person', 'timeline'],
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', agency: agencyNames[down], serviceName: down, reason: 'unreachable' },
        },
      ]);
      // The part itself, which Sam did not ask for, is not reported at a path of its own.
      expect(body.errors?.some((error) => /Timeline$/.test(String(error.path?.at(-1))))).toBe(false);
    },
  );

  it.runIf(down === 'social-care')(
    'answers skill coverage as not checked, naming social care at its path',
    async () => {
      const { body } = await federation.query<Answer>('sam', record, { nhsNumber: sam });
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
});
