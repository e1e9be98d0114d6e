import { randomUUID } from 'node:crypto';
import { type DemoUser, signToken } from '@joined-up/dev';
import type { Database } from '@joined-up/kit';
import { graphqlRequest, startSubgraphForTest, type TestEngine, type TestSubgraph } from '@joined-up/test';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careCoordinationSubgraph } from './index.ts';
import type { CareCoordinationTables } from './tables.ts';

const people = 300;
const sam = '9990000018';
const key = () => randomUUID();
const representation = (extra: Record<string, unknown> = {}) => ({
  representations: [{ __typename: 'Person', nhsNumber: sam, ...extra }],
});
const planQuery = /* GraphQL */ `
  query Plan($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Person {
        carePlan {
          id
          version
          status
          aboutMe
          whatMattersToMe
          aboutMeProvenance {
            recordedBy
            recordedByRole
          }
          goals {
            id
            description
            status
            actions {
              id
              description
              dueOn
              status
              overdue
              ownerOrganisation {
                code
              }
              owner {
                id
                role
              }
            }
          }
          contingencyPlan {
            whatToDo
            whoToContact
            provenance {
              recordedBy
            }
          }
          lastReviewedOn
          nextReviewDue
          reviewOverdue
          reviews {
            reviewedOn
            summary
          }
          changes {
            version
            summary
            provenance {
              recordedBy
            }
          }
        }
      }
    }
  }
`;
/** A hospital discharge coordinator: the hospital runs no subgraph, but is in the place's directory for referrals. */
const dischargeCoordinator: DemoUser = {
  username: 'w-hd-oyelaran',
  subject: 'w-hd-oyelaran',
  name: 'Funmi Oyelaran',
  role: 'district-nurse',
  organisation: { code: 'DEMOH1', name: 'Riverside General Hospital', sector: 'health' },
  description: 'Discharge coordinator, Riverside General Hospital',
};
const sendReferral = `mutation($input: CareCoordinationSendReferralInput!) { sendReferral(input: $input) { replayed
                       referral { id status toSector toOrganisation { name } fromOrganisation { name } } } }`;
const worklistQuery = `{ referralWorklist(status: [SENT]) { edges { node { id service person { nhsNumber } } } } }`;
const planVersion = `mutation($input: CareCoordinationUpdateAboutMeInput!) { updateAboutMe(input: $input) { replayed
                      carePlan { version aboutMe whatMattersToMe } } }`;
const addGoal = `mutation($input: CareCoordinationAddCarePlanGoalInput!) { addCarePlanGoal(input: $input) { replayed
                  carePlan { version goals { id description } } } }`;

interface PlanResult {
  _entities: Array<{
    carePlan: {
      version: number;
      aboutMe: string;
      goals: Array<{ id: string; description: string; actions: Array<Record<string, unknown>> }>;
      changes: Array<{ version: number; summary: string }>;
    } & Record<string, unknown>;
  }>;
}

describe.each<TestEngine>(['pglite', 'postgresql'])('care-coordination subgraph on %s', (engine) => {
  let subgraph: TestSubgraph;
  const db = () => subgraph.subgraph.database.db as unknown as Database<CareCoordinationTables>;
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await db().execute(query)) as unknown as { rows: T[] }).rows;
  const currentVersion = async () =>
    (await rows<{ version: number }>(sql`select version from care_plans where nhs_number = ${sam}`))[0]!.version;

  beforeAll(async () => {
    subgraph = await startSubgraphForTest(careCoordinationSubgraph, { engine, people });
  });
  afterAll(async () => subgraph?.stop());

  it(
    "returns Sam's one shared plan: About me in his words, goals " +
      'with actions owned by agencies, contingency, reviews and ' +
      'every change',
    async () => {
      const { body } = await subgraph.query<PlanResult>('coordinator', planQuery, representation());
      expect(body.errors).toBeUndefined();
      const plan = body.data!._entities[0]!.carePlan;
      expect(plan.status).toBe('AGREED');
      expect(plan.aboutMe).toMatch(/^I'm Sam\./);
      expect(plan['aboutMeProvenance']).toEqual({
        recordedBy: 'Margaret Taylor',
        recordedByRole: 'Carer acting for the person',
      });
      expect(plan.goals.map((goal) => goal.description)).toEqual([
        'I want to keep living in my own flat.',
        'I want to go climbing every Saturday.',
      ]);
      expect(plan.goals[0]!.actions[0]).toMatchObject({
        ownerOrganisation: { code: 'DEMOC1' },
        owner: { id: 'sam-team-diabetes-nurse', role: 'Diabetes specialist nurse' },
        status: 'DONE',
      });
      expect(plan['contingencyPlan']).toMatchObject({
        whoToContact: expect.arrayContaining(['Rachel Green, care coordinator: 01632 960601']),
      });
      expect(plan.changes[0]).toMatchObject({ version: plan.version });
      expect(plan.changes.map((change) => change.version)).toEqual(
        [...Array(plan.version).keys()].map((i) => plan.version - i),
      );
    },
  );

  it(
    'returns the care team as references to the agencies that ' +
      'employ each worker, the carer as a person, and one named ' +
      'coordinator',
    async () => {
      const { body } = await subgraph.query<{
        _entities: Array<{ careTeam: Array<Record<string, unknown>>; careCoordinator: Record<string, unknown> }>;
      }>(
        'gp',
        `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person {
        careTeam { id kind role sector organisation { code } clinician { id } socialCareWorker { id
          } voluntarySectorWorker { id } partnershipWorker { id name phone } carer { nhsNumber }
          carerName carerRelationship isCoordinator }
        careCoordinator { id partnershipWorker { name } } } } }`,
        representation(),
      );
      expect(body.errors).toBeUndefined();
      const team = body.data!._entities[0]!.careTeam;
      expect(team.find((member) => member['id'] === 'sam-team-gp')).toMatchObject({
        kind: 'CLINICIAN',
        sector: 'health',
        clinician: { id: 'w-gp-shah' },
        socialCareWorker: null,
      });
      expect(team.find((member) => member['id'] === 'sam-team-lead-support-worker')).toMatchObject({
        kind: 'SOCIAL_CARE_WORKER',
        socialCareWorker: { id: 'w-cw-evans' },
      });
      expect(team.find((member) => member['id'] === 'sam-team-link-worker')).toMatchObject({
        kind: 'VOLUNTARY_SECTOR_WORKER',
        voluntarySectorWorker: { id: 'w-lw-hassan' },
      });
      expect(team.find((member) => member['id'] === 'sam-team-mother')).toMatchObject({
        kind: 'UNPAID_CARER',
        sector: null,
        carer: { nhsNumber: '9990000026' },
        carerName: 'Margaret Taylor',
        carerRelationship: 'Mother',
      });
      expect(team.filter((member) => member['isCoordinator'])).toHaveLength(1);
      expect(body.data!._entities[0]!.careCoordinator).toEqual({
        id: 'sam-team-coordinator',
        partnershipWorker: { name: 'Rachel Green' },
      });
    },
  );

  it('shows the plan to the team, Sam and his mother, and to no one without a relationship', async () => {
    for (const user of ['coordinator', 'care-worker', 'link-worker', 'sam', 'carer']) {
      const { body } = await subgraph.query<PlanResult>(user, planQuery, representation());
      expect(body.errors, user).toBeUndefined();
      expect(body.data!._entities[0]!.carePlan.version, user).toBeGreaterThan(0);
    }
    const { body } = await subgraph.query<PlanResult>('unrelated-gp', planQuery, representation());
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', agency: 'Riverside Place Partnership' });
    expect(body.data!._entities[0]!.carePlan).toBeNull();
  });

  it(
    "lets Sam's mother write About me; a professional may not, " +
      'and a stale version is refused with the current one',
    async () => {
      const version = await currentVersion();
      const input = {
        nhsNumber: sam,
        idempotencyKey: key(),
        expectedVersion: version,
        whatMattersToMe: ['Staying in my own flat this time', 'Cooking my own tea on Thursdays'],
      };
      const written = await subgraph.query<{
        updateAboutMe: { replayed: boolean; carePlan: { version: number; whatMattersToMe: string[] } };
      }>('carer', planVersion, { input });
      expect(written.body.errors).toBeUndefined();
      expect(written.body.data!.updateAboutMe).toMatchObject({
        replayed: false,
        carePlan: { version: version + 1, whatMattersToMe: input.whatMattersToMe },
      });

      const retried = await subgraph.query<{ updateAboutMe: { replayed: boolean; carePlan: { version: number } } }>(
        'carer',
        planVersion,
        { input },
      );
      expect(retried.body.data!.updateAboutMe).toMatchObject({ replayed: true, carePlan: { version: version + 1 } });

      const stale = await subgraph.query('sam', planVersion, {
        input: { ...input, idempotencyKey: key(), aboutMe: 'I like trains.' },
      });
      expect(stale.body.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        currentVersion: version + 1,
        argumentName: 'input.expectedVersion',
      });

      const professional = await subgraph.query('gp', planVersion, {
        input: { ...input, idempotencyKey: key(), expectedVersion: version + 1 },
      });
      expect(professional.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(await currentVersion()).toBe(version + 1);
    },
  );

  it('refuses a reused idempotency key for a different change, and invalid input naming the field', async () => {
    const version = await currentVersion();
    const reused = key();
    await subgraph.query('coordinator', addGoal, {
      input: {
        nhsNumber: sam,
        idempotencyKey: reused,
        expectedVersion: version,
        description: 'Make a friend I can text.',
      },
    });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ idempotencyKey: reused, description: 'Something else entirely.' }, 'input.idempotencyKey'],
      [{ idempotencyKey: 'short' }, 'input.idempotencyKey'],
      [{ description: '   ' }, 'input.description'],
      [{ description: 'x'.repeat(501) }, 'input.description'],
      [{ expectedVersion: 0 }, 'input.expectedVersion'],
      [{ nhsNumber: '9990000019' }, 'input.nhsNumber'],
    ];
    for (const [change, field] of cases) {
      const { body } = await subgraph.query('coordinator', addGoal, {
        input: {
          nhsNumber: sam,
          idempotencyKey: key(),
          expectedVersion: version + 1,
          description: 'A goal.',
          ...change,
        },
      });
      expect(body.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: field });
    }
    const action = await subgraph.query(
      'coordinator',
      `mutation($input: CareCoordinationAddCarePlanActionInput!) { addCarePlanAction(input: $input) {
        carePlan { version } } }`,
      {
        input: {
          nhsNumber: sam,
          idempotencyKey: key(),
          expectedVersion: version + 1,
          goalId: 'sam-goal-flat',
          description: 'Book a review.',
          ownerMemberId: 'sam-team-mother',
          dueOn: '2099-01-01',
        },
      },
    );
    expect(action.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'input.ownerMemberId',
    });
    expect(await currentVersion()).toBe(version + 1);
  });

  it('writes each change with its audit row in the same transaction', async () => {
    const version = await currentVersion();
    const { headers } = await subgraph.query('diabetes-nurse', addGoal, {
      input: {
        nhsNumber: sam,
        idempotencyKey: key(),
        expectedVersion: version,
        description: 'Check my own blood sugar before climbing.',
      },
    });
    const audit = await rows<{ action: string; categories: string[]; actor_subject: string }>(
      sql`select action, categories, actor_subject from audit_events where request_id =
           ${headers.get('x-request-id')} order by action`,
    );
    expect(audit).toEqual([
      { action: 'read', categories: ['care-plan'], actor_subject: 'w-dsn-hughes' },
      { action: 'write', categories: ['goals'], actor_subject: 'w-dsn-hughes' },
    ]);
  });

  it(
    'puts a referral in the receiving organisation’s worklist at ' +
      'once, and lets only that organisation answer it, once',
    async () => {
      const sent = await subgraph.query<{
        sendReferral: { referral: { id: string; status: string; toSector: string } };
      }>(
        'gp',
        `mutation($input: CareCoordinationSendReferralInput!) { sendReferral(input: $input) { referral { id
        status toSector } } }`,
        {
          input: {
            nhsNumber: sam,
            idempotencyKey: key(),
            toOrganisationCode: 'DEMOV2',
            service: 'Social prescribing',
            reason: 'Would like a cooking group.',
          },
        },
      );
      expect(sent.body.errors).toBeUndefined();
      const { id } = sent.body.data!.sendReferral.referral;
      expect(sent.body.data!.sendReferral.referral).toMatchObject({ status: 'SENT', toSector: 'voluntary-sector' });

      const worklist = await subgraph.query<{ referralWorklist: { edges: Array<{ node: { id: string } }> } }>(
        'link-worker',
        `{ referralWorklist(status: [SENT]) { edges { node { id } } } }`,
      );
      expect(worklist.body.data!.referralWorklist.edges.map((edge) => edge.node.id)).toContain(id);

      const respond = `mutation($input: CareCoordinationRespondToReferralInput!) { respondToReferral(input: $input) {
                      replayed referral { status waitDays statusHistory { status reason } } } }`;
      const elsewhere = await subgraph.query('social-worker', respond, {
        input: { referralId: id, idempotencyKey: key(), status: 'ACCEPTED' },
      });
      expect(elsewhere.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
      const noReason = await subgraph.query('link-worker', respond, {
        input: { referralId: id, idempotencyKey: key(), status: 'DECLINED' },
      });
      expect(noReason.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argumentName: 'input.reason',
      });
      const accepted = await subgraph.query<{
        respondToReferral: { referral: { status: string; waitDays: number; statusHistory: Array<{ status: string }> } };
      }>('link-worker', respond, {
        input: { referralId: id, idempotencyKey: key(), status: 'ACCEPTED' },
      });
      expect(accepted.body.data!.respondToReferral.referral).toMatchObject({
        status: 'ACCEPTED',
        waitDays: 0,
        statusHistory: [{ status: 'SENT' }, { status: 'ACCEPTED' }],
      });
      const again = await subgraph.query('link-worker', respond, {
        input: { referralId: id, idempotencyKey: key(), status: 'DECLINED', reason: 'Changed our mind.' },
      });
      expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', current: 'ACCEPTED' });
    },
  );

  it(
    'carries a GP’s referral to social care, and a social ' +
      'worker’s referral to the diabetes nurses, each to its ' +
      'worklist; a referrer the partnership shows no relationship to is refused as for an unknown person',
    async () => {
      const dischargeOf = async (nhsNumber: string) =>
        graphqlRequest(subgraph.subgraph.url, {
          query: sendReferral,
          variables: {
            input: {
              nhsNumber,
              idempotencyKey: key(),
              toOrganisationCode: 'DEMOLA1',
              service: 'Hospital discharge: care and support at home',
              reason: 'Hip replacement; going home Friday, needs help with washing and dressing for six weeks.',
              priority: 'URGENT',
            },
          },
          token: await signToken(dischargeCoordinator, subgraph.idp.key, subgraph.idp.identity),
        });
      // The hospital is on no one's care team here: Sam's mother, whom the partnership knows as his
      // carer, and an NHS number no one holds get the same refusal, word for word.
      const known = await dischargeOf('9990000026');
      const unknownPerson = await dischargeOf('9434765919');
      expect(known.body).toEqual(unknownPerson.body);
      expect(known.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      const discharge = await subgraph.query<{
        sendReferral: { referral: { id: string; toSector: string; fromOrganisation: { name: string } } };
      }>('gp', sendReferral, {
        input: {
          nhsNumber: sam,
          idempotencyKey: key(),
          toOrganisationCode: 'DEMOLA1',
          service: 'Care and support at home',
          reason: 'Back from hospital on Friday; needs help with his insulin at breakfast for two weeks.',
          priority: 'URGENT',
        },
      });
      expect(discharge.body.errors).toBeUndefined();
      expect(discharge.body.data!.sendReferral.referral).toMatchObject({
        toSector: 'social-care',
        fromOrganisation: { name: 'Riverside Medical Centre' },
      });
      const councilWorklist = await subgraph.query<{ referralWorklist: { edges: Array<{ node: { id: string } }> } }>(
        'social-worker',
        worklistQuery,
      );
      expect(councilWorklist.body.data!.referralWorklist.edges.map((edge) => edge.node.id)).toContain(
        discharge.body.data!.sendReferral.referral.id,
      );

      const toNurses = await subgraph.query<{
        sendReferral: { referral: { id: string; toOrganisation: { name: string } } };
      }>('social-worker', sendReferral, {
        input: {
          nhsNumber: sam,
          idempotencyKey: key(),
          toOrganisationCode: 'DEMOC1',
          service: 'Diabetes specialist nursing',
          reason: 'Please train the new night support worker in insulin administration.',
        },
      });
      expect(toNurses.body.data!.sendReferral.referral.toOrganisation.name).toBe('Riverside Community Health Services');
      const nursesWorklist = await subgraph.query<{ referralWorklist: { edges: Array<{ node: { id: string } }> } }>(
        'diabetes-nurse',
        worklistQuery,
      );
      expect(nursesWorklist.body.data!.referralWorklist.edges.map((edge) => edge.node.id)).toEqual([
        toNurses.body.data!.sendReferral.referral.id,
      ]);
      // The council does not see the nurses' worklist, nor the nurses the council's.
      expect(councilWorklist.body.data!.referralWorklist.edges.map((edge) => edge.node.id)).not.toContain(
        toNurses.body.data!.sendReferral.referral.id,
      );

      const unknown = await subgraph.query('social-worker', sendReferral, {
        input: { nhsNumber: sam, idempotencyKey: key(), toOrganisationCode: 'NOPE1', service: 'X', reason: 'Y' },
      });
      expect(unknown.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argumentName: 'input.toOrganisationCode',
      });
      const citizen = await subgraph.query('sam', sendReferral, {
        input: { nhsNumber: sam, idempotencyKey: key(), toOrganisationCode: 'DEMOC1', service: 'X', reason: 'Y' },
      });
      expect(citizen.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    },
  );

  it('refuses to name a second coordinator over one the caller did not see', async () => {
    const mutation = `mutation($input: CareCoordinationSetCareCoordinatorInput!) { setCareCoordinator(input: $input) {
                       member { id isCoordinator } } }`;
    const stale = await subgraph.query('social-worker', mutation, {
      input: { nhsNumber: sam, idempotencyKey: key(), memberId: 'sam-team-social-worker' },
    });
    expect(stale.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', current: 'sam-team-coordinator' });
    const carer = await subgraph.query('social-worker', mutation, {
      input: {
        nhsNumber: sam,
        idempotencyKey: key(),
        memberId: 'sam-team-mother',
        replacingMemberId: 'sam-team-coordinator',
      },
    });
    expect(carer.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'input.memberId',
    });
  });

  it('checks the assigned care workers against the skills Sam needs, and flags the gap', async () => {
    const careWorkers = [
      {
        worker: {
          id: 'w-cw-evans',
          competencies: [
            { name: 'Insulin administration', expiresOn: '2099-11-10' },
            { name: 'Autism awareness', expiresOn: null },
          ],
        },
      },
      {
        worker: {
          id: 'w-cw-jones',
          competencies: [
            { name: 'Autism awareness', expiresOn: null },
            { name: 'Insulin administration', expiresOn: '2020-01-01' },
          ],
        },
      },
    ];
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person {
                    skillCoverage { skill gap checked workers { worker { id } holdsSkill expiresOn } } } } }`;
    const { body } = await subgraph.query<{ _entities: Array<{ skillCoverage: Array<Record<string, unknown>> }> }>(
      'coordinator',
      query,
      representation({ careWorkers }),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities[0]!.skillCoverage).toEqual([
      {
        skill: 'Insulin administration',
        gap: true,
        checked: true,
        workers: [
          { worker: { id: 'w-cw-evans' }, holdsSkill: true, expiresOn: '2099-11-10' },
          { worker: { id: 'w-cw-jones' }, holdsSkill: false, expiresOn: null },
        ],
      },
      {
        skill: 'Autism awareness',
        gap: false,
        checked: true,
        workers: [expect.objectContaining({ holdsSkill: true }), expect.objectContaining({ holdsSkill: true })],
      },
    ]);
    const unshared = await subgraph.query<{ _entities: Array<{ skillCoverage: Array<Record<string, unknown>> }> }>(
      'coordinator',
      query,
      representation({ careWorkers: null }),
    );
    expect(unshared.body.data!._entities[0]!.skillCoverage[0]).toMatchObject({
      checked: false,
      gap: false,
      workers: [],
    });
  });

  it('merges every agency’s timeline entries with its own, newest first, and pages without repeats', async () => {
    const entry = (agency: string, id: string, occurredOn: string) => ({
      id,
      occurredOn,
      kind: 'ENCOUNTER',
      title: `${agency} ${id}`,
      detail: null,
      agency,
      provenance: {
        recordedBy: 'Someone',
        recordedByRole: 'GP',
        organisation: { code: 'DEMOP1', name: 'Riverside Medical Centre' },
        recordedAt: `${occurredOn}T09:00:00.000Z`,
      },
    });
    const extra = {
      healthTimeline: [
        entry('Health', 'health:encounter:1', '2026-10-01'),
        entry('Health', 'health:encounter:2', '2024-01-01'),
      ],
      socialCareTimeline: null,
      voluntarySectorTimeline: [entry('Voluntary', 'voluntary-sector:engagement:1', '2026-06-01')],
    };
    const query = `query($representations: [_Any!]!, $after: String) { _entities(representations: $representations) {
                    ... on Person { timeline(first: 4, after: $after) { edges { cursor node { id occurredOn kind agency
                    } } pageInfo { hasNextPage endCursor } } } } }`;
    type TimelinePage = {
      _entities: Array<{
        timeline: {
          edges: Array<{ node: { id: string; occurredOn: string } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      }>;
    };
    const seen: Array<{ id: string; occurredOn: string }> = [];
    let after: string | null = null;
    do {
      const { body }: { body: { data?: TimelinePage | null; errors?: unknown[] } } = await subgraph.query<TimelinePage>(
        'coordinator',
        query,
        { ...representation(extra), after },
      );
      expect(body.errors).toBeUndefined();
      const page: TimelinePage['_entities'][number]['timeline'] = body.data!._entities[0]!.timeline;
      seen.push(...page.edges.map((edge) => edge.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen.map((node) => node.id)).size).toBe(seen.length);
    expect(seen.map((node) => node.occurredOn)).toEqual([...seen.map((node) => node.occurredOn)].sort().reverse());
    expect(seen.map((node) => node.id)).toEqual(
      expect.arrayContaining(['health:encounter:1', 'health:encounter:2', 'voluntary-sector:engagement:1']),
    );
    expect(seen.some((node) => node.id.startsWith('care-coordination:plan-change:'))).toBe(true);
    expect(seen.some((node) => node.id.startsWith('care-coordination:referral-status:'))).toBe(true);
    const forged = await subgraph.query('coordinator', query, { ...representation(extra), after: 'bm9wZQ' });
    expect(forged.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });

  it('measures coordination for the population and a coordinator’s caseload, for coordinators only', async () => {
    const query = `query($scope: CareCoordinationMeasureScope!) { coordinationMeasures(scope: $scope) {
      people peopleWithTwoOrMoreAgencies withSharedPlan withNamedCoordinator shareWithPlanAndCoordinator reviewsOverdue
      referralWaits { answered waiting medianDays p90Days } experience { statement { code }
        responses shareAgreeing } } }`;
    const population = await subgraph.query<{
      coordinationMeasures: Record<string, number | null> & { referralWaits: Record<string, number | null> };
    }>('coordinator', query, { scope: 'POPULATION' });
    expect(population.body.errors).toBeUndefined();
    const measures = population.body.data!.coordinationMeasures;
    // Each count carries its week's noise (disclosureControl.ts), a few either way: compared with room for it.
    expect(measures['people']).toBeGreaterThan(measures['peopleWithTwoOrMoreAgencies']!);
    expect(measures['withSharedPlan']).toBeLessThanOrEqual(measures['peopleWithTwoOrMoreAgencies']! + 20);
    // A share or percentile over a count suppressed this week is null.
    const share = measures['shareWithPlanAndCoordinator'] ?? 0;
    expect(share >= 0 && share <= 1, `${share}`).toBe(true);
    const { medianDays, p90Days } = measures.referralWaits;
    if (medianDays !== null && medianDays !== undefined) expect(p90Days).toBeGreaterThanOrEqual(medianDays);
    const caseload = await subgraph.query<{ coordinationMeasures: Record<string, number | null> }>(
      'coordinator',
      query,
      { scope: 'MY_CASELOAD' },
    );
    expect(caseload.body.errors).toBeUndefined();
    expect(caseload.body.data!.coordinationMeasures['people'] ?? 0).toBeLessThan(measures['people']!);
    const citizen = await subgraph.query('sam', query, { scope: 'POPULATION' });
    expect(citizen.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const gp = await subgraph.query('gp', query, { scope: 'POPULATION' });
    expect(gp.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('rewords a goal once per key, records the old and new words, and refuses a stale version', async () => {
    const updateGoal = `mutation($input: CareCoordinationUpdateCarePlanGoalInput!) { updateCarePlanGoal(input: $input) {
                         replayed carePlan { version goals { id description status } changes { summary } } } }`;
    type Updated = {
      updateCarePlanGoal: {
        replayed: boolean;
        carePlan: {
          version: number;
          goals: Array<{ id: string; description: string; status: string }>;
          changes: Array<{ summary: string }>;
        };
      };
    };
    const version = await currentVersion();
    const input = {
      nhsNumber: sam,
      idempotencyKey: key(),
      expectedVersion: version,
      goalId: 'sam-goal-climbing',
      description: 'I want to go climbing every Saturday, and lead a route by summer.',
    };
    const written = await subgraph.query<Updated>('coordinator', updateGoal, { input });
    expect(written.body.errors).toBeUndefined();
    const plan = written.body.data!.updateCarePlanGoal.carePlan;
    expect(plan.version).toBe(version + 1);
    expect(plan.goals.find((goal) => goal.id === 'sam-goal-climbing')).toEqual({
      id: 'sam-goal-climbing',
      description: input.description,
      status: 'ACTIVE',
    });
    expect(plan.changes[0]!.summary).toBe(
      `Goal reworded: I want to go climbing every Saturday. is now ${input.description}`,
    );
    const retried = await subgraph.query<Updated>('coordinator', updateGoal, { input });
    expect(retried.body.data!.updateCarePlanGoal).toMatchObject({ replayed: true, carePlan: { version: version + 1 } });
    const stale = await subgraph.query('gp', updateGoal, {
      input: { ...input, idempotencyKey: key(), status: 'ACHIEVED' },
    });
    expect(stale.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: version + 1 });
    const empty = await subgraph.query('coordinator', updateGoal, {
      input: { nhsNumber: sam, idempotencyKey: key(), expectedVersion: version + 1, goalId: 'sam-goal-climbing' },
    });
    expect(empty.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'input.description',
    });
    const notOurs = await subgraph.query('coordinator', updateGoal, {
      input: { ...input, idempotencyKey: key(), expectedVersion: version + 1, goalId: 'no-such-goal' },
    });
    expect(notOurs.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'input.goalId',
    });
    expect(await currentVersion()).toBe(version + 1);
  });

  it('counts a care-team place only for a caller of the organisation the membership names', async () => {
    // Members are named by free text: someone who may edit the team types another agency's worker
    // id. Dr Brown (Castle Street, DEMOP2) named as a member of another practice is not on the team,
    // here or at any agency that accepts the partnership's care team; Sam's GP, named for her own, is.
    const addMember = `mutation($input: CareCoordinationAddCareTeamMemberInput!) { addCareTeamMember(input: $input) {
                         member { id } } }`;
    const told = `{ careCoordinationRelationshipsWithCaller(nhsNumbers: ["${sam}"], forSector: "health") {
      nhsNumber relationships } }`;
    const added = await subgraph.query('coordinator', addMember, {
      input: {
        nhsNumber: sam,
        idempotencyKey: key(),
        kind: 'CLINICIAN',
        workerId: 'w-gp-brown',
        organisationCode: 'DEMOGP1',
        organisationName: 'Riverside Medical Centre',
        role: 'Locum GP',
      },
    });
    expect(added.body.errors).toBeUndefined();
    const relationshipsOf = async (username: string) => {
      const { body } = await subgraph.query<{
        careCoordinationRelationshipsWithCaller: Array<{ relationships: string[] }>;
      }>(username, told);
      expect(body.errors).toBeUndefined();
      return body.data!.careCoordinationRelationshipsWithCaller.flatMap((entry) => entry.relationships);
    };
    expect(await relationshipsOf('unrelated-gp')).not.toContain('care-team');
    expect(await relationshipsOf('gp')).toContain('care-team');
  });

  it(
    'removes a team member once per key with its audit row; a member already removed is a CONFLICT, ' +
      'and the coordinator and owners of open actions stay',
    async () => {
      const addMember = `mutation($input: CareCoordinationAddCareTeamMemberInput!) { addCareTeamMember(input: $input) {
                           member { id } } }`;
      const remove = `mutation($input: CareCoordinationRemoveCareTeamMemberInput!) {
                        removeCareTeamMember(input: $input) { removedMemberId replayed } }`;
      const added = await subgraph.query<{ addCareTeamMember: { member: { id: string } } }>('coordinator', addMember, {
        input: {
          nhsNumber: sam,
          idempotencyKey: key(),
          kind: 'CLINICIAN',
          workerId: `w-locum-${key()}`,
          organisationCode: 'DEMOGP1',
          organisationName: 'Riverside Medical Centre',
          role: 'Locum GP',
        },
      });
      expect(added.body.errors).toBeUndefined();
      const memberId = added.body.data!.addCareTeamMember.member.id;
      const input = { nhsNumber: sam, idempotencyKey: key(), memberId };
      const removed = await subgraph.query<{ removeCareTeamMember: { removedMemberId: string; replayed: boolean } }>(
        'coordinator',
        remove,
        { input },
      );
      expect(removed.body.errors).toBeUndefined();
      expect(removed.body.data!.removeCareTeamMember).toEqual({ removedMemberId: memberId, replayed: false });
      const audit = await rows<{ action: string; categories: string[] }>(
        sql`select action, categories from audit_events where request_id = ${removed.headers.get('x-request-id')}
             order by action`,
      );
      expect(audit).toContainEqual({ action: 'write', categories: ['care-team-changes'] });
      const team = await rows<{ id: string }>(sql`select id from care_team_members where id = ${memberId}`);
      expect(team).toEqual([]);

      const retried = await subgraph.query<{ removeCareTeamMember: { replayed: boolean } }>('coordinator', remove, {
        input,
      });
      expect(retried.body.data!.removeCareTeamMember.replayed).toBe(true);
      // Someone else's removal of the member already gone: they saw a team that has changed.
      const again = await subgraph.query('social-worker', remove, { input: { ...input, idempotencyKey: key() } });
      expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', argumentName: 'input.memberId' });

      const coordinator = await subgraph.query('coordinator', remove, {
        input: { nhsNumber: sam, idempotencyKey: key(), memberId: 'sam-team-coordinator' },
      });
      expect(coordinator.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argumentName: 'input.memberId',
      });
      const owner = await subgraph.query('coordinator', remove, {
        input: { nhsNumber: sam, idempotencyKey: key(), memberId: 'sam-team-diabetes-nurse' },
      });
      expect(owner.body.errors?.[0]).toMatchObject({
        message: expect.stringContaining('open action'),
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'input.memberId' },
      });
      const notAllowed = await subgraph.query('care-worker', remove, {
        input: { nhsNumber: sam, idempotencyKey: key(), memberId: 'sam-team-link-worker' },
      });
      expect(notAllowed.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    },
  );

  it('loses no edit and applies none twice when many people edit one plan at once', async () => {
    const writers = ['coordinator', 'gp', 'diabetes-nurse', 'social-worker', 'care-worker', 'link-worker'];
    const perWriter = 4;
    const start = await currentVersion();
    const goalsBefore = (
      await rows<{ n: number }>(
        sql`select count(*)::int as n from care_plan_goals g join care_plans p on p.id = g.plan_id where
             p.nhs_number = ${sam}`,
      )
    )[0]!.n;
    let conflicts = 0;
    let replays = 0;
    // Each writer adds goals the way a client should: read the version, write, and on CONFLICT
    // read again and retry with a new key. Every successful write is also sent a second time
    // with its key, as a client would after a lost response.
    const work = writers.map(async (user, w) => {
      for (let i = 0; i < perWriter; i += 1) {
        const description = `Race goal ${w}-${i}`;
        for (;;) {
          const input = { nhsNumber: sam, idempotencyKey: key(), expectedVersion: await currentVersion(), description };
          const { body } = await subgraph.query<{ addCarePlanGoal: { replayed: boolean } }>(user, addGoal, { input });
          if (body.errors?.[0]?.extensions?.['code'] === 'CONFLICT') {
            conflicts += 1;
            continue;
          }
          expect(body.errors, `${user} ${description}`).toBeUndefined();
          const retry = await subgraph.query<{ addCarePlanGoal: { replayed: boolean } }>(user, addGoal, { input });
          if (retry.body.data?.addCarePlanGoal.replayed) replays += 1;
          break;
        }
      }
    });
    await Promise.all(work);
    const total = writers.length * perWriter;
    expect(replays).toBe(total);
    expect(await currentVersion()).toBe(start + total);
    const goals = await rows<{ description: string }>(
      sql`select g.description from care_plan_goals g join care_plans p on p.id = g.plan_id where p.nhs_number
           = ${sam} and g.description like 'Race goal %'`,
    );
    expect(goals).toHaveLength(total);
    expect(new Set(goals.map((goal) => goal.description)).size).toBe(total);
    expect(
      (
        await rows<{ n: number }>(
          sql`select count(*)::int as n from care_plan_goals g join care_plans p on p.id = g.plan_id where
               p.nhs_number = ${sam}`,
        )
      )[0]!.n,
    ).toBe(goalsBefore + total);
    const versions = await rows<{ version: number }>(
      sql`select c.version from care_plan_changes c join care_plans p on p.id = c.plan_id where p.nhs_number =
           ${sam} and c.version > ${start} order by c.version`,
    );
    expect(versions.map((row) => row.version)).toEqual([...Array(total).keys()].map((i) => start + i + 1));
    // On PostgreSQL the writers really do collide; PGlite serialises them, so conflicts may be rare.
    if (engine === 'postgresql') expect(conflicts).toBeGreaterThan(0);
  });
});
