import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, runSubgraph } from '@joined-up/kit';
import { type GraphQLResult, startIdentityProvider, startSubgraphForTest, type TestEngine, type TestSubgraph } from '@joined-up/test';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthSubgraph } from './index.ts';

type EncounterPage = { person: { encounters: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } } };

const samQuery = /* GraphQL */ `
  query Sam($nhsNumber: NHSNumber!) {
    person(nhsNumber: $nhsNumber) {
      nhsNumber
      name { full }
      dateOfBirth
      gpPractice { code name federation { name } }
      problems { code { system code display } status provenance { recordedBy organisation { code name } recordedAt } }
      medications(status: ACTIVE) { name }
      alerts { category }
      individualRequirements { category }
      clinicians { relationship clinician { name jobTitle organisation { name } } }
    }
  }
`;

describe.each<TestEngine>(['pglite', 'postgresql'])('health subgraph on %s', (engine) => {
  let health: TestSubgraph;
  beforeAll(async () => {
    health = await startSubgraphForTest(healthSubgraph, { engine, people: 400 });
  });
  afterAll(async () => health?.stop());

  it("returns Sam's record with SNOMED CT codes and provenance", async () => {
    const { status, body } = await health.query('gp', samQuery, { nhsNumber: '999 000 0018' });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const person = body.data?.['person'] as Record<string, unknown>;
    expect(person).toMatchObject({
      nhsNumber: '9990000018',
      name: { full: 'Sam Taylor' },
      dateOfBirth: '2001-03-14',
      gpPractice: { code: 'DEMOP1', name: 'Riverside Medical Centre', federation: { name: 'Riverside GP Federation' } },
    });
    expect(person['problems']).toEqual([
      { code: { system: 'http://snomed.info/sct', code: '46635009', display: 'Type 1 diabetes mellitus' }, status: 'ACTIVE', provenance: { recordedBy: 'Dr Priya Shah', organisation: { code: 'DEMOP1', name: 'Riverside Medical Centre' }, recordedAt: '2012-09-12T09:30:00.000Z' } },
      { code: { system: 'http://snomed.info/sct', code: '35919005', display: 'Autism spectrum disorder' }, status: 'ACTIVE', provenance: { recordedBy: 'Dr Priya Shah', organisation: { code: 'DEMOP1', name: 'Riverside Medical Centre' }, recordedAt: '2005-06-20T10:00:00.000Z' } },
      { code: { system: 'http://snomed.info/sct', code: '110359009', display: 'Intellectual disability' }, status: 'ACTIVE', provenance: { recordedBy: 'Dr Priya Shah', organisation: { code: 'DEMOP1', name: 'Riverside Medical Centre' }, recordedAt: '2005-06-20T10:05:00.000Z' } },
    ]);
    expect(person['medications']).toHaveLength(3);
    expect(person['alerts']).toEqual([{ category: 'Clinical risk' }, { category: 'Medication support' }]);
    expect((person['clinicians'] as unknown[]).length).toBe(5);
  });

  it('pages through encounters newest first without repeating or skipping', async () => {
    const page = `query($after: String) { person(nhsNumber: "9990000018") { encounters(first: 2, after: $after) { edges { node { id occurredAt } } pageInfo { hasNextPage endCursor } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 6; i += 1) {
      const result: GraphQLResult<EncounterPage> = await health.query<EncounterPage>('gp', page, { after });
      const connection = result.body.data!.person.encounters;
      seen.push(...connection.edges.map((edge) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(['sam-enc-1', 'sam-enc-2', 'sam-enc-3', 'sam-enc-4', 'sam-enc-5', 'sam-enc-6']);
  });

  it('searches by name, date of birth and postcode', async () => {
    const search = `query($name: String, $dob: Date, $postcode: String) { searchPeople(name: $name, dateOfBirth: $dob, postcode: $postcode) { edges { node { nhsNumber } } } }`;
    const byAll = await health.query<{ searchPeople: { edges: Array<{ node: { nhsNumber: string } }> } }>('gp', search, { name: 'sam tay', dob: '2001-03-14', postcode: 'rv14qt' });
    expect(byAll.body.data?.searchPeople.edges).toEqual([{ node: { nhsNumber: '9990000018' } }]);
    const none = await health.query('gp', search, {});
    expect(none.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'name', serviceName: 'health' } });
    const badDate = await health.query('gp', search, { dob: '14/03/2001' });
    expect(badDate.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'dateOfBirth' });
  });

  it('refuses an invalid NHS number with BAD_USER_INPUT naming the argument', async () => {
    const { body } = await health.query('gp', samQuery, { nhsNumber: '9990000017' });
    expect(body.data).toEqual({ person: null });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'Argument "nhsNumber" is not a valid NHS number: it must be 10 digits with a correct Modulus 11 check digit.',
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'nhsNumber', agency: healthSubgraph.agency.displayName, serviceName: 'health' },
      }),
    ]);
  });

  it('answers nothing, _entities included, without a valid token', async () => {
    const entities = `{ _entities(representations: [{ __typename: "Person", nhsNumber: "9990000018" }]) { ... on Person { name { full } } } }`;
    for (const result of [await health.query(undefined, entities), await health.query(undefined, samQuery, { nhsNumber: '9990000018' })]) {
      expect(result.status).toBe(401);
      expect(result.body.data).toBeUndefined();
      expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });
});

describe('health subgraph restarting on the same PGlite folder', () => {
  it('migrates idempotently and seeds only on the first start', async () => {
    const idp = await startIdentityProvider();
    const dataDir = await mkdtemp(join(tmpdir(), 'joined-up-health-'));
    const start = () =>
      runSubgraph(healthSubgraph, { port: 0, dataDir, identity: idp.identity, environment: 'test', seed: { people: 50 }, logger: createLogger('health', 'silent') });
    try {
      const first = await start();
      await first.stop();
      const second = await start();
      const counts = await second.database.db.execute(
        sql`select (select count(*)::int from patients) as patients, (select count(*)::int from seed_runs) as seeds, (select count(*)::int from drizzle.__drizzle_migrations) as migrations`,
      );
      expect((counts as unknown as { rows: unknown[] }).rows).toEqual([{ patients: 50, seeds: 1, migrations: 7 }]);
      // A database seeded by an older version of the demo data is brought up to date on start.
      await second.database.db.execute(sql`insert into seed_runs (people, version) values (50, 1)`);
      await second.stop();
      const third = await start();
      const after = await third.database.db.execute(sql`select count(*)::int as seeds, max(version)::int as version, (select count(*)::int from patients) as patients from seed_runs`);
      expect((after as unknown as { rows: unknown[] }).rows).toEqual([{ seeds: 3, version: healthSubgraph.seedVersion, patients: 50 }]);
      await third.stop();
    } finally {
      await idp.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
