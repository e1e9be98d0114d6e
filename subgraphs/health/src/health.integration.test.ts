import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSubgraph } from '@joined-up/kit';
import {
  type GraphQLResult,
  startIdentityProvider,
  startSubgraphForTest,
  type TestEngine,
  type TestSubgraph,
} from '@joined-up/test';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthSubgraph } from './index.ts';

type EncounterPage = {
  _entities: Array<{
    encounters: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
  }>;
};

// Health is entered by key, as the gateway enters it after the directory's person(nhsNumber).
const samQuery = /* GraphQL */ `
  query Sam($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Person {
        nhsNumber
        name {
          full
        }
        dateOfBirth
        gpPractice {
          code
          name
          federation {
            name
          }
        }
        problems {
          code {
            system
            code
            display
          }
          status
          provenance {
            recordedBy
            organisation {
              code
              name
            }
            recordedAt
          }
        }
        medications(status: ACTIVE) {
          name
        }
        alerts {
          category
        }
        individualRequirements {
          category
        }
        clinicians {
          relationship
          clinician {
            name
            jobTitle
            organisation {
              name
            }
          }
        }
      }
    }
  }
`;
const sam = (nhsNumber: string) => ({ representations: [{ __typename: 'Person', nhsNumber }] });

describe.each<TestEngine>(['pglite', 'postgresql'])('health subgraph on %s', (engine) => {
  let health: TestSubgraph;
  beforeAll(async () => {
    health = await startSubgraphForTest(healthSubgraph, { engine, people: 400 });
  });
  afterAll(async () => health?.stop());

  it("returns Sam's record with SNOMED CT codes and provenance", async () => {
    const { status, body } = await health.query('gp', samQuery, sam('999 000 0018'));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const person = (body.data?.['_entities'] as Array<Record<string, unknown>>)[0]!;
    expect(person).toMatchObject({
      nhsNumber: '9990000018',
      name: { full: 'Sam Taylor' },
      dateOfBirth: '2001-03-14',
      gpPractice: { code: 'DEMOP1', name: 'Riverside Medical Centre', federation: { name: 'Riverside GP Federation' } },
    });
    expect(person['problems']).toEqual([
      {
        code: { system: 'http://snomed.info/sct', code: '46635009', display: 'Type 1 diabetes mellitus' },
        status: 'ACTIVE',
        provenance: {
          recordedBy: 'Dr Priya Shah',
          organisation: { code: 'DEMOP1', name: 'Riverside Medical Centre' },
          recordedAt: '2012-09-12T09:30:00.000Z',
        },
      },
      {
        code: { system: 'http://snomed.info/sct', code: '35919005', display: 'Autism spectrum disorder' },
        status: 'ACTIVE',
        provenance: {
          recordedBy: 'Dr Priya Shah',
          organisation: { code: 'DEMOP1', name: 'Riverside Medical Centre' },
          recordedAt: '2005-06-20T10:00:00.000Z',
        },
      },
      {
        code: { system: 'http://snomed.info/sct', code: '110359009', display: 'Intellectual disability' },
        status: 'ACTIVE',
        provenance: {
          recordedBy: 'Dr Priya Shah',
          organisation: { code: 'DEMOP1', name: 'Riverside Medical Centre' },
          recordedAt: '2005-06-20T10:05:00.000Z',
        },
      },
    ]);
    expect(person['medications']).toHaveLength(3);
    expect(person['alerts']).toEqual([{ category: 'Clinical risk' }, { category: 'Medication support' }]);
    expect((person['clinicians'] as unknown[]).length).toBe(5);
  });

  it('pages through encounters newest first without repeating or skipping', async () => {
    const page = `query($after: String) {
                   _entities(representations: [{ __typename: "Person", nhsNumber: "9990000018" }])
                   { ... on Person { encounters(first: 2, after: $after) {
                   edges { node { id occurredAt } } pageInfo { hasNextPage endCursor } } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 6; i += 1) {
      const result: GraphQLResult<EncounterPage> = await health.query<EncounterPage>('gp', page, { after });
      const connection = result.body.data!._entities[0]!.encounters;
      seen.push(...connection.edges.map((edge) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(['sam-enc-1', 'sam-enc-2', 'sam-enc-3', 'sam-enc-4', 'sam-enc-5', 'sam-enc-6']);
  });

  it('searches by name, date of birth and postcode', async () => {
    const search = `query($name: String, $dob: Date, $postcode: String) { searchPeople(name: $name, dateOfBirth: $dob,
                     postcode: $postcode) { edges { node { nhsNumber } } } }`;
    const byAll = await health.query<{ searchPeople: { edges: Array<{ node: { nhsNumber: string } }> } }>(
      'gp',
      search,
      { name: 'sam tay', dob: '2001-03-14', postcode: 'rv14qt' },
    );
    expect(byAll.body.data?.searchPeople.edges).toEqual([{ node: { nhsNumber: '9990000018' } }]);
    const none = await health.query('gp', search, {});
    expect(none.body.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'name', serviceName: 'health' },
    });
    const badDate = await health.query('gp', search, { dob: '14/03/2001' });
    expect(badDate.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'dateOfBirth' });
  });

  it('refuses an invalid NHS number with BAD_USER_INPUT naming the argument', async () => {
    const { body } = await health.query('gp', samQuery, sam('9990000017'));
    expect(body.data).toEqual({ _entities: [null] });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message:
          'Argument "representations" is not a valid NHS number: it must be 10 digits ' +
          'with a correct Modulus 11 check digit.',
        extensions: {
          code: 'BAD_USER_INPUT',
          argumentName: 'representations',
          agency: healthSubgraph.agency.displayName,
          serviceName: 'health',
        },
      }),
    ]);
  });

  it('answers nothing, _entities included, without a valid token', async () => {
    const entities = `{ _entities(representations: [{ __typename: "Person", nhsNumber: "9990000018" }]) { ... on
      Person {
                       name { full } } } }`;
    for (const result of [
      await health.query(undefined, entities),
      await health.query(undefined, samQuery, sam('9990000018')),
    ]) {
      expect(result.status).toBe(401);
      expect(result.body.data).toBeUndefined();
      expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });
  describe("Sam's health timeline", () => {
    const agency = healthSubgraph.agency.displayName;
    const timeline = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person {
                       nhsNumber healthTimeline { id occurredOn kind title detail agency provenance { recordedBy
                       recordedByRole organisation { code name } recordedAt } } } } }`;
    const asPeople = (...nhsNumbers: string[]) => ({
      representations: nhsNumbers.map((nhsNumber) => ({ __typename: 'Person', nhsNumber })),
    });
    type Timeline = {
      _entities: Array<{
        nhsNumber: string;
        healthTimeline: Array<{ id: string; occurredOn: string; provenance: { recordedAt: string } }> | null;
      }>;
    };
    const auditOf = async (requestId: string | null) =>
      (
        (await health.subgraph.database.db.execute(
          sql`select actor_subject, nhs_number, categories from audit_events where request_id = ${requestId} order
            by id`,
        )) as unknown as {
          rows: Array<{ actor_subject: string; nhs_number: string; categories: string[] }>;
        }
      ).rows;

    it('lists every encounter for his GP, newest first, safeguarding included, and audits the read', async () => {
      const { body, headers } = await health.query<Timeline>('gp', timeline, asPeople('9990000018'));
      expect(body.errors).toBeUndefined();
      const entries = body.data!._entities[0]!.healthTimeline!;
      expect(entries.map((entry) => entry.id)).toEqual(
        ['sam-enc-1', 'sam-enc-2', 'sam-enc-3', 'sam-enc-4', 'sam-enc-5', 'sam-enc-6'].map(
          (id) => `health:encounter:${id}`,
        ),
      );
      expect(entries[0]).toEqual({
        id: 'health:encounter:sam-enc-1',
        occurredOn: '2026-10-06',
        kind: 'ENCOUNTER',
        title: 'Diabetes review',
        detail:
          'Home visit: HbA1c 64 mmol/mol, improving. Reviewed injection ' +
          'technique with Lucy (support worker); Mark not yet trained, ' +
          'booked him on insulin training.',
        agency,
        provenance: {
          recordedBy: 'Tom Hughes',
          recordedByRole: 'Diabetes specialist nurse',
          organisation: { code: 'DEMOC1', name: 'Riverside Community Health Services' },
          recordedAt: '2026-10-06T11:00:00.000Z',
        },
      });
      expect(entries.at(-1)).toMatchObject({
        id: 'health:encounter:sam-enc-6',
        occurredOn: '2025-12-09',
        title: 'Safeguarding discussion',
      });
      const days = entries.map((entry) => entry.occurredOn);
      expect(days).toEqual([...days].sort().reverse());
      expect(await auditOf(headers.get('x-request-id'))).toEqual([
        { actor_subject: 'w-gp-shah', nhs_number: '9990000018', categories: ['encounters'] },
      ]);
    });

    it('withholds the safeguarding discussion from a practice nurse', async () => {
      const { body } = await health.query<Timeline>('practice-nurse', timeline, asPeople('9990000018'));
      expect(body.errors).toBeUndefined();
      expect(body.data!._entities[0]!.healthTimeline!.map((entry) => entry.id)).toEqual(
        ['sam-enc-1', 'sam-enc-2', 'sam-enc-3', 'sam-enc-4', 'sam-enc-5'].map((id) => `health:encounter:${id}`),
      );
    });

    it.each(['social-worker', 'carer', 'unrelated-gp'])(
      'refuses %s, who may not see his encounters, with FORBIDDEN, and audits nothing',
      async (user) => {
        const { body, headers } = await health.query<Timeline>(user, timeline, asPeople('9990000018'));
        expect(body.data!._entities).toEqual([{ nhsNumber: '9990000018', healthTimeline: null }]);
        expect(body.errors).toEqual([
          expect.objectContaining({
            message: `${agency} does not share this part of the record with you.`,
            path: ['_entities', 0, 'healthTimeline'],
            extensions: { code: 'FORBIDDEN', agency, serviceName: 'health' },
          }),
        ]);
        expect(await auditOf(headers.get('x-request-id'))).toEqual([]);
      },
    );

    it('reads the timelines of many people with the same few statements as of one', async () => {
      const practice = (
        (await health.subgraph.database.db.execute(
          sql`select nhs_number from patients where gp_practice_code = 'DEMOP1' order by nhs_number limit 30`,
        )) as unknown as { rows: Array<{ nhs_number: string }> }
      ).rows.map((row) => row.nhs_number);
      const statementsFor = async (nhsNumbers: string[]) => {
        const before = health.subgraph.database.statements.count;
        const { body } = await health.query<Timeline>('gp', timeline, asPeople(...nhsNumbers));
        expect(body.errors).toBeUndefined();
        expect(body.data!._entities.every((person) => Array.isArray(person.healthTimeline))).toBe(true);
        return health.subgraph.database.statements.count - before;
      };
      const one = await statementsFor(practice.slice(0, 1));
      const many = await statementsFor(practice);
      // The access facts (one statement), the patients (as any Person resolved here costs), one for
      // all the encounters, and the one audit insert: the same for thirty people as for one.
      expect(many).toBe(one);
      expect(one).toBe(4);
    });
  });

  it(
    'resolves clinicians as entities, in one statement, null for ' +
      'an unknown id and BAD_USER_INPUT for an invalid one',
    async () => {
      const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on
                    HealthClinician { id name jobTitle organisation { code name } email phone } } }`;
      const before = health.subgraph.database.statements.count;
      const { body } = await health.query<{ _entities: unknown[] }>('care-worker', query, {
        representations: [
          { __typename: 'HealthClinician', id: 'w-dsn-hughes' },
          { __typename: 'HealthClinician', id: 'w-nobody' },
          { __typename: 'HealthClinician', id: 'w-gp-shah' },
          { __typename: 'HealthClinician', id: { not: 'an id' } },
        ],
      });
      expect(body.data?._entities).toEqual([
        {
          id: 'w-dsn-hughes',
          name: 'Tom Hughes',
          jobTitle: 'Diabetes specialist nurse',
          organisation: { code: 'DEMOC1', name: 'Riverside Community Health Services' },
          email: 'tom.hughes@democ1.example.nhs.uk',
          phone: '01632 960201',
        },
        null,
        expect.objectContaining({ id: 'w-gp-shah', name: 'Dr Priya Shah' }),
        null,
      ]);
      expect(body.errors).toEqual([
        expect.objectContaining({
          path: ['_entities', 3],
          extensions: {
            code: 'BAD_USER_INPUT',
            argumentName: 'representations',
            agency: healthSubgraph.agency.displayName,
            serviceName: 'health',
          },
        }),
      ]);
      // The clinicians in one statement and their organisations in another, however many are asked for.
      expect(health.subgraph.database.statements.count - before).toBe(2);
    },
  );
});

describe('health subgraph restarting on the same PGlite folder', () => {
  it('migrates idempotently and seeds only on the first start', async () => {
    const idp = await startIdentityProvider();
    const dataDir = await mkdtemp(join(tmpdir(), 'joined-up-health-'));
    const start = () =>
      runSubgraph(healthSubgraph, {
        port: 0,
        dataDir,
        identity: idp.identity,
        environment: 'test',
        seed: { people: 50 },
        logLevel: 'silent',
      });
    try {
      const first = await start();
      await first.stop();
      const second = await start();
      const counts = await second.database.db.execute(
        sql`select (select count(*)::int from patients) as patients, (select count(*)::int from seed_runs) as
             seeds, (select count(*)::int from drizzle.__drizzle_migrations) as migrations`,
      );
      // Every migration in the journal, applied once.
      const journal = JSON.parse(await readFile(new URL('../drizzle/meta/_journal.json', import.meta.url), 'utf8')) as {
        entries: unknown[];
      };
      expect((counts as unknown as { rows: unknown[] }).rows).toEqual([
        { patients: 50, seeds: 1, migrations: journal.entries.length },
      ]);
      // A database seeded by an older version of the demo data is brought up to date on start.
      await second.database.db.execute(sql`insert into seed_runs (people, version) values (50, 1)`);
      await second.stop();
      const third = await start();
      const after = await third.database.db.execute(
        sql`select count(*)::int as seeds, max(version)::int as version, (select count(*)::int from patients) as
             patients from seed_runs`,
      );
      expect((after as unknown as { rows: unknown[] }).rows).toEqual([
        { seeds: 3, version: healthSubgraph.seedVersion, patients: 50 },
      ]);
      await third.stop();
    } finally {
      await idp.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
