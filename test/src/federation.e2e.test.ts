import { readFileSync } from 'node:fs';
import { supergraphId } from '@joined-up/gateway';
import { supergraphPath } from '@joined-up/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlRequest } from './graphqlRequest.ts';
import { badTokens } from './signTestToken.ts';
import { startFederationForTest, type TestFederation } from './startFederationForTest.ts';

const samsJoinedUpRecord = /* GraphQL */ `
  query SamsRecord($nhsNumber: NHSNumber!) {
    person(nhsNumber: $nhsNumber) {
      nhsNumber
      name {
        full
      }
      gpPractice {
        name
        federation {
          name
        }
      }
      problems {
        code {
          code
          display
        }
      }
      alerts {
        category
      }
      careAndSupportPlan {
        status
        provider {
          name
        }
        outcomes {
          __typename
        }
        provenance {
          organisation {
            name
          }
        }
      }
      socialCareServices {
        serviceType {
          display
        }
        serviceComponent {
          display
        }
        hoursPerWeek
        provider {
          name
        }
      }
      allocatedSocialWorker {
        name
        organisation {
          name
        }
      }
      unpaidCarers {
        relationship
        carer {
          nhsNumber
          name {
            full
          }
        }
      }
      careWorkers {
        worker {
          name
          competencies {
            name
          }
        }
      }
      socialPrescribingReferrals {
        code {
          system
          code
          display
        }
        status
        referrer {
          name
        }
        referredTo {
          name
        }
      }
      whatMattersToMe {
        whatMatters
      }
    }
  }
`;

describe('the federation end to end, over real HTTP', () => {
  let federation: TestFederation;
  beforeAll(async () => {
    // The statement-count test asks for every field of 50 people at once, which demand control
    // prices at 90,900 (people at its 100, every list at 10): far past a page a client sends, and the
    // default limit of 10,000 rightly refuses it. It measures SQL, not limits, so the limit is raised.
    federation = await startFederationForTest({ people: 600, gateway: { limits: { maxCost: 100_000 } } });
  });
  afterAll(async () => federation?.stop());

  it("joins Sam's record across health, social care and the voluntary sector", async () => {
    const { status, body } = await federation.query('coordinator', samsJoinedUpRecord, { nhsNumber: '9990000018' });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const sam = body.data?.['person'] as Record<string, unknown>;
    expect(sam).toMatchObject({
      nhsNumber: '9990000018',
      name: { full: 'Sam Taylor' },
      gpPractice: { name: 'Riverside Medical Centre', federation: { name: 'Riverside GP Federation' } },
      careAndSupportPlan: {
        status: 'AGREED',
        provider: { name: 'Oakfield Supported Living' },
        provenance: { organisation: { name: 'Riverside Council Adult Social Care' } },
      },
      allocatedSocialWorker: { name: 'Daniel Moore', organisation: { name: 'Riverside Council Adult Social Care' } },
      // The carer is a person in her own right: health resolves her name from her own record.
      unpaidCarers: [
        {
          relationship: expect.stringMatching(/mother/i),
          carer: { nhsNumber: '9990000026', name: { full: 'Margaret Taylor' } },
        },
      ],
    });
    expect(sam['problems']).toEqual(
      expect.arrayContaining([{ code: { code: '46635009', display: 'Type 1 diabetes mellitus' } }]),
    );
    expect(sam['socialCareServices']).toEqual(
      expect.arrayContaining([
        {
          serviceType: { display: 'Long Term Support: Community' },
          serviceComponent: { display: 'Supported Living' },
          hoursPerWeek: 42,
          provider: { name: 'Oakfield Supported Living' },
        },
      ]),
    );
    const careWorkers = sam['careWorkers'] as Array<{
      worker: { name: string; competencies: Array<{ name: string }> };
    }>;
    expect(careWorkers.map((assignment) => assignment.worker.name).sort()).toEqual(['Lucy Evans', 'Mark Jones']);
    expect(
      careWorkers.find((assignment) => assignment.worker.name === 'Lucy Evans')?.worker.competencies.map((c) => c.name),
    ).toContain('Insulin administration');
    expect(sam['socialPrescribingReferrals']).toEqual([
      {
        code: {
          system: 'http://snomed.info/sct',
          code: '871731000000106',
          display: 'Referral to social prescribing service',
        },
        status: 'ACCEPTED',
        referrer: { name: 'Dr Priya Shah' },
        referredTo: { name: 'Community Links Social Prescribing' },
      },
    ]);
    expect((sam['whatMattersToMe'] as Array<{ whatMatters: string[] }>)[0]?.whatMatters.length).toBeGreaterThan(0);
  });

  /** Statements each agency's database ran for one request. */
  const statementsOf = async (request: () => Promise<unknown>) => {
    const before = federation.statementCounts();
    await request();
    const after = federation.statementCounts();
    return Object.fromEntries(Object.keys(after).map((name) => [name, (after[name] ?? 0) - (before[name] ?? 0)]));
  };

  it("reads Sam's whole record as his GP in at most 20 SQL statements across the agencies", async () => {
    // The benchmark's person view (issue 15's goal): each agency's access facts and audit insert per
    // request, and the request's batcher reads the tables a tick asks for in one statement.
    const personView = readFileSync(
      new URL('../../schema/operations/bench/PersonView.graphql', import.meta.url),
      'utf8',
    );
    // When the answers reach an agency's resolvers over two turns of the event loop, its batch splits
    // in two (a statement more, now and then): of three reads, the fewest take at most 20, and none
    // more than 22. The system before the batcher took 35.
    const totals: string[] = [];
    for (let read = 0; read < 3; read += 1) {
      let person: unknown;
      const statements = await statementsOf(async () => {
        person = (await federation.query<{ person: unknown }>('gp', personView, { nhsNumber: '9990000018' })).body.data
          ?.person;
      });
      expect(person).toMatchObject({ name: { full: 'Sam Taylor' } });
      totals.push(`${Object.values(statements).reduce((sum, count) => sum + count, 0)} ${JSON.stringify(statements)}`);
    }
    const counts = totals.map((total) => Number.parseInt(total, 10));
    expect(Math.min(...counts), totals.join('; ')).toBeLessThanOrEqual(20);
    expect(Math.max(...counts), totals.join('; ')).toBeLessThanOrEqual(22);
  });

  it('resolves a caseload of 50 with the same SQL statements per agency as a caseload of 1', async () => {
    const caseload = await federation.query<{
      socialCareCaseload: { edges: Array<{ node: { person: { nhsNumber: string } } }> };
    }>('social-worker', '{ socialCareCaseload(first: 50) { edges { node { person { nhsNumber } } } } }');
    const nhsNumbers = caseload.body.data!.socialCareCaseload.edges.map((edge) => edge.node.person.nhsNumber);
    expect(nhsNumbers).toHaveLength(50);
    // Sam comes first, and his record has a part of every kind each agency holds, so the one-person
    // request meets every table the fifty-person one does.
    expect(nhsNumbers[0]).toBe('9990000018');
    // Care coordination's fields include its own references to every agency's workers and the
    // fields it builds from other agencies' (@requires): the skill check and the joined-up timeline.
    const view = /* GraphQL */ `
      query Caseload($nhsNumbers: [NHSNumber!]!) {
        people(nhsNumbers: $nhsNumbers) {
          name {
            full
          }
          age
          gpPractice {
            name
          }
          problems {
            code {
              display
            }
          }
          medications {
            name
          }
          alerts {
            category
          }
          encounters(first: 3) {
            edges {
              node {
                type
              }
            }
          }
          careAndSupportPlan {
            status
            nextReviewDue
          }
          allocatedSocialWorker {
            name
          }
          socialCareServices {
            serviceType {
              display
            }
          }
          socialPrescribingReferrals {
            status
          }
          engagements(first: 3) {
            edges {
              node {
                activity
              }
            }
          }
          carePlan {
            version
            goals {
              actions {
                owner {
                  role
                }
              }
            }
          }
          careCoordinator {
            partnershipWorker {
              name
            }
          }
          careTeam {
            role
            clinician {
              name
            }
            socialCareWorker {
              name
            }
            voluntarySectorWorker {
              name
            }
            partnershipWorker {
              name
            }
            carer {
              name {
                full
              }
            }
          }
          coordinationReferrals {
            status
            statusHistory {
              status
            }
          }
          skillCoverage {
            gap
            workers {
              worker {
                name
              }
            }
          }
          timeline(first: 3) {
            edges {
              node {
                kind
                agency
              }
            }
          }
        }
      }
    `;
    const statementsFor = (people: string[]) =>
      statementsOf(async () => {
        const { body } = await federation.query<{ people: unknown[] }>('coordinator', view, { nhsNumbers: people });
        // The coordinator is refused some parts (prescriptions, consultations, charities' records
        // of people they do not work with): refusals, never failures.
        expect(new Set(body.errors?.map((error) => error.extensions?.['code']))).toEqual(new Set(['FORBIDDEN']));
        expect(body.data?.people).toHaveLength(people.length);
      });
    const forOne = await statementsFor(nhsNumbers.slice(0, 1));
    const forFifty = await statementsFor(nhsNumbers);
    // Among the fifty's carers are some health holds no relationship of the coordinator's with: it
    // asks the partnership about them, once through the gateway whatever their number, and care
    // coordination answers with one statement of its access facts.
    // A loader's batch can also split over one more tick when answers arrive apart (social care's
    // workers did, once in a few runs): a statement or two more, never one a person (50 more).
    for (const [agency, statements] of Object.entries(forOne))
      expect(forFifty[agency], agency).toBeLessThanOrEqual(statements + 2);
    expect(forFifty['care-coordination']).toBeGreaterThanOrEqual(forOne['care-coordination']! + 1);
    // At most one statement per table the query touches (the request's batcher reads the tables of
    // one tick together), plus the access facts and the audit insert of each request the gateway
    // makes to the agency, whatever the number of people.
    // Health answers the people, then the clinicians and carers care coordination names.
    expect(forOne['health']).toBeLessThanOrEqual(16);
    // Care coordination is asked three times (the people, then the skill check once social care
    // has answered, then the timeline once every agency has), each with its access facts (five
    // statements) and audit insert, besides one statement per table.
    expect(forOne['care-coordination']).toBeLessThanOrEqual(27);
  });

  it(
    "resolves a coordinator's caseload page of 50 with the same " + 'SQL statements per agency as a page of 1',
    async () => {
      // The page's people are resolved by every agency, each deciding for itself what the coordinator sees.
      const page = (first: number) => /* GraphQL */ `{
      myCoordinationCaseload(first: ${first}) {
        edges { node { hasPlan nextReviewDue person {
          name { full } alerts { category } careAndSupportPlan { status } socialPrescribingReferrals { status }
          carePlan { version } careCoordinator { role } coordinationReferrals { status } skillCoverage { gap }
        } } }
      }
    }`;
      const statementsFor = (first: number) =>
        statementsOf(async () => {
          const { status, body } = await federation.query<{
            myCoordinationCaseload: { edges: Array<{ node: { person: { name: unknown; carePlan: unknown } } }> };
          }>('coordinator', page(first));
          expect(status).toBe(200);
          expect(new Set(body.errors?.map((error) => error.extensions?.['code']) ?? ['FORBIDDEN'])).toEqual(
            new Set(['FORBIDDEN']),
          );
          const edges = body.data!.myCoordinationCaseload.edges;
          expect(edges).toHaveLength(first);
          expect(edges[0]?.node.person).toMatchObject({
            name: { full: 'Sam Taylor' },
            carePlan: { version: expect.any(Number) },
          });
        });
      const forOne = await statementsFor(1);
      const forFifty = await statementsFor(50);
      // The selects of one turn of the event loop go as one statement; when the answers for fifty
      // people reach their resolvers over two turns, a batch splits in two (social care's, once in
      // a CI run on Node 26): a statement or two more, never one a person (50 more).
      for (const [agency, statements] of Object.entries(forOne))
        expect(forFifty[agency], agency).toBeLessThanOrEqual(statements + 2);
      // The page, the people's fields, then the skill check: three requests, each with its access facts and audit
      // insert.
      expect(forOne['care-coordination']).toBeLessThanOrEqual(15);
    },
  );

  it('refuses an invalid NHS number at the gateway, naming the argument, before any agency is asked', async () => {
    const before = federation.statementCounts();
    const { status, body } = await federation.query('gp', samsJoinedUpRecord, { nhsNumber: '9990000017' });
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [
        {
          message:
            'Argument "nhsNumber" is not a valid NHS number: it must be ' +
            '10 digits with a correct Modulus 11 check digit.',
          extensions: { code: 'BAD_USER_INPUT', argumentName: 'nhsNumber' },
        },
      ],
    });
    expect(federation.statementCounts()).toEqual(before);
  });

  it('answers a malformed query and an oversized body with codes, not crashes', async () => {
    const malformed = await federation.query('gp', '{ person(nhsNumber: "9990000018") { name ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
    const unknownField = await federation.query('gp', '{ person(nhsNumber: "9990000018") { shoeSize } }');
    expect(unknownField.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    const oversized = await graphqlRequest(federation.gatewayUrl, {
      query: `{ __typename }${' '.repeat(200_000)}`,
      token: await federation.tokenFor('gp'),
    });
    expect(oversized.status).toBe(413);
    expect(oversized.body).toEqual({
      errors: [{ message: 'The request body is larger than 100000 bytes.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
    const notJson = await fetch(federation.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('gives every request its own id, and keeps the caller’s beside it as a correlation id', async () => {
    const send = async (user: string) =>
      fetch(federation.gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await federation.tokenFor(user)}`,
          'x-request-id': 'trace-abc-123',
        },
        body: JSON.stringify({ query: '{ person(nhsNumber: "9990000018") { name { full } } }' }),
      });
    const [first, second] = [await send('gp'), await send('practice-nurse')];
    const ids = [first, second].map((response) => response.headers.get('x-request-id'));
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect([first, second].map((response) => response.headers.get('x-correlation-id'))).toEqual([
      'trace-abc-123',
      'trace-abc-123',
    ]);
  });

  it('refuses missing and bad tokens at the gateway with 401', async () => {
    const missing = await federation.query(undefined, '{ __typename }');
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({
      errors: [
        {
          message: 'Sign in first: send an Authorization header of the form "Bearer <token>".',
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    });
    for (const [defect, token] of Object.entries(await badTokens(federation.key))) {
      const result = await graphqlRequest(federation.gatewayUrl, {
        query: samsJoinedUpRecord,
        variables: { nhsNumber: '9990000018' },
        token,
      });
      expect(result.status, defect).toBe(401);
      expect(result.body.data, defect).toBeUndefined();
      expect(result.body.errors?.[0]?.extensions?.['code'], defect).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses missing and bad tokens at every subgraph called directly, _entities included', async () => {
    const entities =
      '{ _entities(representations: [{ __typename: "Person", ' +
      'nhsNumber: "9990000018" }]) { ... on Person { nhsNumber } } ' +
      '}';
    const tokens: Record<string, string | undefined> = { missing: undefined, ...(await badTokens(federation.key)) };
    for (const [name, subgraph] of Object.entries(federation.federation.subgraphs)) {
      for (const [defect, token] of Object.entries(tokens)) {
        const result = await graphqlRequest(subgraph.url, { query: entities, token });
        expect(result.status, `${name}: ${defect}`).toBe(401);
        expect(result.body.data, `${name}: ${defect}`).toBeUndefined();
        expect(result.body.errors?.[0]?.extensions?.['code'], `${name}: ${defect}`).toBe('UNAUTHENTICATED');
      }
    }
  });

  it('answers /health (liveness) without asking any agency, and /ready with every agency reachable', async () => {
    const health = await fetch(new URL('/health', federation.gatewayUrl));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      status: 'ok',
      supergraph: {
        id: supergraphId(readFileSync(supergraphPath, 'utf8')),
        loadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    });
    const response = await fetch(new URL('/ready', federation.gatewayUrl));
    expect(response.status).toBe(200);
    const ready = (await response.json()) as { status: string; subgraphs: Array<{ name: string; status: string }> };
    expect(ready.status).toBe('ready');
    expect(ready.subgraphs.map(({ name, status }) => ({ name, status }))).toEqual([
      { name: 'health', status: 'ok' },
      { name: 'social-care', status: 'ok' },
      { name: 'voluntary-sector', status: 'ok' },
      { name: 'care-coordination', status: 'ok' },
      { name: 'hospital', status: 'ok' },
    ]);
  });

  it('audited every answer of person data this suite received, in each agency that answered', async () => {
    const { checked, missing } = await federation.unauditedReads();
    expect(checked).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });
});

describe('the federation with an agency down', () => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startFederationForTest({ people: 100, without: ['voluntary-sector'] });
  });
  afterAll(async () => federation?.stop());

  it("still returns the other agencies' data, and an error naming the agency that is missing", async () => {
    const { status, body } = await federation.query('gp', samsJoinedUpRecord, { nhsNumber: '9990000018' });
    expect(status).toBe(200);
    expect(body.data?.['person']).toMatchObject({
      name: { full: 'Sam Taylor' },
      allocatedSocialWorker: { name: 'Daniel Moore' },
      socialPrescribingReferrals: null,
      whatMattersToMe: null,
    });
    // One error for each field the agency's absence blanked, at its path.
    const unreachable = (field: string) => ({
      message: 'Riverside Voluntary Sector Partnership could not be reached; its part of this answer is missing.',
      path: ['person', field],
      extensions: {
        code: 'SUBGRAPH_UNAVAILABLE',
        agency: 'Riverside Voluntary Sector Partnership',
        serviceName: 'voluntary-sector',
        reason: 'unreachable',
      },
    });
    expect(body.errors).toEqual([unreachable('socialPrescribingReferrals'), unreachable('whatMattersToMe')]);
  });

  it('stays live and ready, reporting the agency as unavailable on /ready', async () => {
    expect((await fetch(new URL('/health', federation.gatewayUrl))).status).toBe(200);
    const response = await fetch(new URL('/ready', federation.gatewayUrl));
    // Degraded, not unready: taking the gateway out of service would take every agency's data with it.
    expect(response.status).toBe(200);
    const ready = (await response.json()) as { status: string; subgraphs: Array<{ name: string; status: string }> };
    expect(ready.status).toBe('degraded');
    expect(ready.subgraphs.find((subgraph) => subgraph.name === 'voluntary-sector')?.status).toBe('unavailable');
  });
});
