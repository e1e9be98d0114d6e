import { type DemoUser, signToken } from '@joined-up/dev';
import { type Database, isValidNhsNumber } from '@joined-up/kit';
import { graphqlRequest, startSubgraphForTest, type TestEngine, type TestSubgraph } from '@joined-up/test';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { careCoordinationSubgraph } from './index.ts';
import type { CareCoordinationTables } from './tables.ts';

const measuresQuery = /* GraphQL */ `
  query ($scope: CareCoordinationMeasureScope!, $asOf: Date) {
    coordinationMeasures(scope: $scope, asOf: $asOf) {
      people
      peopleWithTwoOrMoreAgencies
      withSharedPlan
      withNamedCoordinator
      shareWithPlanAndCoordinator
      reviewsOverdue
      referralWaits {
        answered
        waiting
        medianDays
        p90Days
      }
      experience {
        statement {
          code
        }
        responses
        shareAgreeing
      }
    }
  }
`;
type Measures = {
  people: number | null;
  peopleWithTwoOrMoreAgencies: number | null;
  withSharedPlan: number | null;
  withNamedCoordinator: number | null;
  shareWithPlanAndCoordinator: number | null;
  reviewsOverdue: number | null;
  referralWaits: { answered: number | null; waiting: number | null; medianDays: number | null; p90Days: number | null };
  experience: Array<{ statement: { code: string }; responses: number | null; shareAgreeing: number | null }>;
};

/** The partnership's own privacy officer (the demo one is the GP federation's). */
const partnershipPrivacyOfficer: DemoUser = {
  username: 'pp-privacy-officer',
  subject: 'w-pp-privacy',
  name: 'Priya Shah',
  role: 'privacy-officer',
  organisation: { code: 'DEMOPP1', name: 'Riverside Place Partnership', sector: 'care-coordination' },
  description: "The place partnership's privacy officer",
};

/** Every count in the measures, by name, so a reading can be compared with the next. */
function countsOf(measures: Measures): Record<string, number | null> {
  return {
    people: measures.people,
    peopleWithTwoOrMoreAgencies: measures.peopleWithTwoOrMoreAgencies,
    withSharedPlan: measures.withSharedPlan,
    withNamedCoordinator: measures.withNamedCoordinator,
    reviewsOverdue: measures.reviewsOverdue,
    answered: measures.referralWaits.answered,
    waiting: measures.referralWaits.waiting,
    ...Object.fromEntries(measures.experience.map((entry) => [entry.statement.code, entry.responses])),
  };
}

/** NHS numbers no seed uses (the 999 test range, past the generated population), with valid check digits. */
function* freshNhsNumbers(): Generator<string> {
  for (let serial = 900_000; ; serial += 1) {
    const candidate = `999${String(serial).padStart(6, '0')}`;
    for (let check = 0; check <= 9; check += 1) {
      if (isValidNhsNumber(`${candidate}${check}`)) yield `${candidate}${check}`;
    }
  }
}

describe.each<TestEngine>(['pglite', 'postgresql'])('coordination measures on %s', (engine) => {
  let subgraph: TestSubgraph;
  const nhsNumbers = freshNhsNumbers();
  const db = () => subgraph.subgraph.database.db as unknown as Database<CareCoordinationTables>;
  /** The population's measures of the week `asOf` falls in (this week's when null). */
  const measure = async (asOf: string | null = null, as = 'coordinator') => {
    const { body } = await subgraph.query<{ coordinationMeasures: Measures }>(as, measuresQuery, {
      scope: 'POPULATION',
      asOf,
    });
    expect(body.errors).toBeUndefined();
    return body.data!.coordinationMeasures;
  };
  const provenance = sql`'w-test', 'Test Writer', 'Care coordinator', 'DEMOPP1', 'Riverside Place Partnership'`;
  /**
   * One more person, with whatever status the attack is about: a care team across two agencies
   * (a GP and a social worker) and, if asked, a named coordinator, a plan due for review on a
   * given day, and an answer agreeing with an experience statement.
   */
  const addPerson = async (status: { plan?: string; coordinator?: boolean; agrees?: boolean }) => {
    const nhsNumber = nhsNumbers.next().value!;
    const member = (id: string, worker: string, sector: string, organisation: string, coordinator: boolean) =>
      db().execute(sql`insert into care_team_members (id, nhs_number, kind, worker_id, sector,
        member_organisation_code, role, is_coordinator, since, recorded_by_id, recorded_by_name, recorded_by_role,
        organisation_code, organisation_name)
        values (${`${nhsNumber}-${id}`}, ${nhsNumber}, 'CLINICIAN', ${worker}, ${sector}, ${organisation}, 'Member',
          ${coordinator}, '2026-01-05', ${provenance})`);
    await member('gp', 'w-test-gp', 'health', 'DEMOP1', false);
    await member('sw', 'w-test-sw', 'social-care', 'DEMOLA1', false);
    if (status.coordinator) await member('cc', 'w-test-cc', 'care-coordination', 'DEMOPP1', true);
    if (status.plan) {
      await db().execute(sql`insert into care_plans (id, nhs_number, version, status, next_review_due,
        recorded_by_id, recorded_by_name, recorded_by_role, organisation_code, organisation_name)
        values (${`${nhsNumber}-plan`}, ${nhsNumber}, 1, 'AGREED', ${status.plan}, ${provenance})`);
    }
    if (status.agrees) {
      await db().execute(sql`insert into experience_responses (id, nhs_number, statement_code, answer, answered_on,
        recorded_by_id, recorded_by_name, recorded_by_role, organisation_code, organisation_name)
        values (${`${nhsNumber}-nv-plan`}, ${nhsNumber}, 'NV-PLAN', 'AGREE', '2026-11-01', ${provenance})`);
    }
    return nhsNumber;
  };

  beforeAll(async () => {
    subgraph = await startSubgraphForTest(careCoordinationSubgraph, { engine, people: 300 });
  });
  afterAll(async () => subgraph?.stop());

  it("are read by the place's coordinators and the partnership's privacy officer, and no one else", async () => {
    const refused = async (as: string, scope: string) => {
      const { body } = await subgraph.query(as, measuresQuery, { scope });
      return body.errors?.[0]?.extensions?.['code'];
    };
    expect(await refused('gp', 'POPULATION')).toBe('FORBIDDEN');
    expect(await refused('social-worker', 'POPULATION')).toBe('FORBIDDEN');
    expect(await refused('gp', 'MY_CASELOAD')).toBe('FORBIDDEN');
    // Another agency's privacy officer reviews that agency's audit, not the partnership's population.
    expect(await refused('privacy-officer', 'POPULATION')).toBe('FORBIDDEN');
    expect(await refused('sam', 'POPULATION')).toBe('FORBIDDEN');
    expect(await refused('coordinator', 'MY_CASELOAD')).toBeUndefined();
    const officer = await graphqlRequest<{ coordinationMeasures: Measures }>(subgraph.subgraph.url, {
      query: measuresQuery,
      variables: { scope: 'POPULATION' },
      token: await signToken(partnershipPrivacyOfficer, subgraph.idp.key, subgraph.idp.identity),
    });
    expect(officer.body.errors).toBeUndefined();
    const { body } = await subgraph.query('privacy-officer', measuresQuery, { scope: 'MY_CASELOAD' });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('publish only counts over 7 rounded to 5, and shares and percentiles of those alone', async () => {
    const measures = await measure();
    const counts = Object.values(countsOf(measures));
    expect(counts.some((count) => count !== null)).toBe(true);
    for (const count of counts) if (count !== null) expect(count % 5 === 0 && count > 7, `${count}`).toBe(true);
    for (const entry of measures.experience) {
      if (entry.shareAgreeing === null) continue;
      // A share of published counts: some multiple of 5 over the published responses, to two places.
      const agreeing = Array.from({ length: entry.responses! / 5 + 1 }, (_, index) => index * 5);
      expect(agreeing.map((part) => Math.round((part / entry.responses!) * 100) / 100)).toContain(entry.shareAgreeing);
    }
    const { medianDays, p90Days, answered } = measures.referralWaits;
    if (medianDays !== null) {
      expect(answered).toBeGreaterThanOrEqual(20);
      expect(Number.isInteger(medianDays) && Number.isInteger(p90Days)).toBe(true);
    }
  });

  it('show nothing of one person when the population changes between readings in a week', async () => {
    // The attack: read, add one person whose status the attacker wants to learn, read again. With
    // exact counts every figure moves by one; with rounding alone, one change in five moves a
    // figure by 5, and then says for certain that the person has the status.
    const before = await measure();
    for (let step = 0; step < 10; step += 1) {
      await addPerson({ plan: '2026-06-01', coordinator: true, agrees: true });
      expect(await measure()).toEqual(before);
    }
    // The population's are the week's for every reader: a second reader draws no second noise.
    const officer = await graphqlRequest<{ coordinationMeasures: Measures }>(subgraph.subgraph.url, {
      query: measuresQuery,
      variables: { scope: 'POPULATION' },
      token: await signToken(partnershipPrivacyOfficer, subgraph.idp.key, subgraph.idp.identity),
    });
    expect(officer.body.data?.coordinationMeasures).toEqual(before);
  });

  describe('week by week', () => {
    // A Monday far from the real clock, so that these weeks are no other test's.
    const firstMonday = Date.parse('2031-03-10T09:00:00Z');
    const week = 7 * 86_400_000;
    const at = (time: number) => vi.setSystemTime(time);
    const day = (time: number) => new Date(time).toISOString().slice(0, 10);
    beforeAll(() => void vi.useFakeTimers({ toFake: ['Date'] }));
    afterAll(() => void vi.useRealTimers());

    it('show the same figures every day of a week, and refuse a week not begun or never read', async () => {
      // One plan falls due each day of the week: read every day, as the attack on plain
      // suppression did, and the overdue count must not step by one person a day.
      at(firstMonday);
      for (let index = 0; index < 7; index += 1) await addPerson({ plan: day(firstMonday + index * 86_400_000) });
      const monday = await measure(null);
      for (let index = 1; index < 7; index += 1) {
        at(firstMonday + index * 86_400_000);
        expect(await measure(null)).toEqual(monday);
        // A day of the week asked for is the week's, taken on its first reading.
        expect(await measure(day(firstMonday + index * 86_400_000))).toEqual(monday);
      }
      const refused = async (asOf: string) => {
        const { body } = await subgraph.query('coordinator', measuresQuery, { scope: 'POPULATION', asOf });
        return body.errors?.[0]?.extensions;
      };
      expect(await refused(day(firstMonday + week))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'asOf' });
      // Taking a past week now would be a fresh draw over today's population, one more to average.
      expect(await refused(day(firstMonday - week))).toMatchObject({ code: 'NOT_FOUND' });
      at(firstMonday + 3 * week);
      expect(await measure(day(firstMonday + 2 * 86_400_000))).toEqual(monday);
    });

    it('draw new noise each week, so a move from one week to the next proves nothing of one person', async () => {
      // Week after week the reader adds one person, with a named coordinator or (every other time)
      // without, and compares the week after with the week before. With rounding alone the count
      // of people with a named coordinator never moved for a person without one: any move was proof.
      const movedWithout: boolean[] = [];
      const movedWith: boolean[] = [];
      for (let trial = 0; trial < 24; trial += 1) {
        at(firstMonday + (10 + 2 * trial) * week);
        const before = (await measure(null)).withNamedCoordinator;
        const has = trial % 2 === 0;
        await addPerson({ coordinator: has });
        at(firstMonday + (11 + 2 * trial) * week);
        const after = (await measure(null)).withNamedCoordinator;
        (has ? movedWith : movedWithout).push(after !== before);
      }
      expect(movedWithout.filter(Boolean).length, 'weeks moved without the status').toBeGreaterThan(0);
      expect(movedWith.filter(Boolean).length, 'weeks moved with the status').toBeGreaterThan(0);
    });
  });
});
