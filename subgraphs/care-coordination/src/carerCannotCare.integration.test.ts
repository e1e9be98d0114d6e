import { randomUUID } from 'node:crypto';
import { startSubgraphForTest, type TestEngine, type TestSubgraph } from '@joined-up/test';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careCoordinationSubgraph } from './index.ts';

const sam = '9990000018';
const declare = /* GraphQL */ `
  mutation Declare($input: CareCoordinationDeclareCarerCannotCareInput!) {
    declareCarerCannotCare(input: $input) {
      replayed
      carePlan {
        version
        planInForce
        carerUnavailability {
          until
          reason
          provenance {
            recordedBy
            recordedByRole
          }
        }
        contingencyPlan {
          whatToDo
        }
        changes {
          summary
        }
      }
    }
  }
`;
type Declared = {
  declareCarerCannotCare: {
    replayed: boolean;
    carePlan: Record<string, unknown> & { version: number; changes: Array<{ summary: string }> };
  };
};
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

describe.each<TestEngine>(['pglite', 'postgresql'])('care coordination events on %s', (engine) => {
  let subgraph: TestSubgraph;
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await subgraph.subgraph.database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const outboxOf = (type: string) =>
    rows<{ id: string; record_id: string; nhs_number: string }>(
      sql`select id, record_id, nhs_number from outbox_events where type = ${type}`,
    );

  beforeAll(async () => {
    subgraph = await startSubgraphForTest(careCoordinationSubgraph, { engine, people: 40 });
  });
  afterAll(async () => subgraph?.stop());

  it('lets Sam’s mother declare she cannot care: the contingency plan is in force, announced once', async () => {
    const input = {
      nhsNumber: sam,
      idempotencyKey: randomUUID(),
      reason: 'I am going into hospital.',
      until: inAMonth(),
    };
    const first = await subgraph.query<Declared>('carer', declare, { input });
    expect(first.body.errors).toBeUndefined();
    const plan = first.body.data!.declareCarerCannotCare.carePlan;
    expect(plan).toMatchObject({
      planInForce: 'CONTINGENCY',
      carerUnavailability: {
        until: input.until,
        reason: 'I am going into hospital.',
        provenance: { recordedBy: 'Margaret Taylor', recordedByRole: 'Carer acting for the person' },
      },
      contingencyPlan: { whatToDo: expect.stringMatching(/\w/) },
    });
    expect(plan.changes[0]!.summary).toMatch(/declared the carer cannot care until .*contingency plan is in force/);
    const again = await subgraph.query<Declared>('carer', declare, { input });
    expect(again.body.data!.declareCarerCannotCare).toMatchObject({
      replayed: true,
      carePlan: { version: plan.version },
    });
    const [planRow] = await rows<{ id: string }>(sql`select id from care_plans where nhs_number = ${sam}`);
    const events = await outboxOf('care-coordination.carer-cannot-care');
    expect(events).toEqual([expect.objectContaining({ record_id: planRow!.id, nhs_number: sam })]);
    const [audited] = await rows<{ count: number }>(
      sql`select count(*)::int as count from audit_events where actor_subject = 'citizen-margaret'
          and action = 'write' and categories @> array['contingency']`,
    );
    expect(audited!.count).toBeGreaterThanOrEqual(1);
  });

  it('lets anyone on the care team declare it, and no one without a relationship', async () => {
    const declared = await subgraph.query<Declared>('care-worker', declare, {
      input: { nhsNumber: sam, idempotencyKey: randomUUID(), reason: 'Margaret has had a fall.' },
    });
    expect(declared.body.errors).toBeUndefined();
    expect(declared.body.data!.declareCarerCannotCare.carePlan).toMatchObject({
      planInForce: 'CONTINGENCY',
      carerUnavailability: { until: null, reason: 'Margaret has had a fall.' },
    });
    const before = (await outboxOf('care-coordination.carer-cannot-care')).length;
    const refused = await subgraph.query('unrelated-gp', declare, {
      input: { nhsNumber: sam, idempotencyKey: randomUUID(), reason: 'Unknown.' },
    });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const past = await subgraph.query('carer', declare, {
      input: { nhsNumber: sam, idempotencyKey: randomUUID(), reason: 'Unwell.', until: '2020-01-01' },
    });
    expect(past.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.until' });
    const anonymous = await subgraph.query(undefined, declare, {
      input: { nhsNumber: sam, idempotencyKey: randomUUID(), reason: 'Unwell.' },
    });
    expect(anonymous.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect((await outboxOf('care-coordination.carer-cannot-care')).length).toBe(before);
  });

  it('announces a plan started as the first change of it', async () => {
    const [member] = await rows<{ nhs_number: string; worker_id: string }>(
      sql`select m.nhs_number, m.worker_id from care_team_members m where m.worker_id = 'w-cc-green'
          and not exists (select 1 from care_plans p where p.nhs_number = m.nhs_number) limit 1`,
    );
    const started = await subgraph.query<{ startCarePlan: { carePlan: { id: string } } }>(
      'coordinator',
      `mutation($input: CareCoordinationStartCarePlanInput!) { startCarePlan(input: $input) { carePlan { id } } }`,
      { input: { nhsNumber: member!.nhs_number, idempotencyKey: randomUUID() } },
    );
    expect(started.body.errors).toBeUndefined();
    const planId = started.body.data!.startCarePlan.carePlan.id;
    expect((await outboxOf('care-coordination.plan-changed')).filter((event) => event.record_id === planId)).toEqual([
      expect.objectContaining({ nhs_number: member!.nhs_number }),
    ]);
  });

  it('announces a plan change, a referral sent and its answer, each in the transaction that made it', async () => {
    const [{ version } = { version: 0 }] = await rows<{ version: number }>(
      sql`select version from care_plans where nhs_number = ${sam}`,
    );
    const beforePlan = (await outboxOf('care-coordination.plan-changed')).length;
    const goal = await subgraph.query(
      'coordinator',
      `mutation($input: CareCoordinationAddCarePlanGoalInput!) { addCarePlanGoal(input: $input) { replayed } }`,
      { input: { nhsNumber: sam, idempotencyKey: randomUUID(), expectedVersion: version, description: 'Swim.' } },
    );
    expect(goal.body.errors).toBeUndefined();
    expect((await outboxOf('care-coordination.plan-changed')).length).toBe(beforePlan + 1);
    const sent = await subgraph.query<{ sendReferral: { referral: { id: string } } }>(
      'gp',
      `mutation($input: CareCoordinationSendReferralInput!) { sendReferral(input: $input) { referral { id } } }`,
      {
        input: {
          nhsNumber: sam,
          idempotencyKey: randomUUID(),
          toOrganisationCode: 'DEMOV2',
          service: 'Social prescribing',
          reason: 'Would like a swimming group.',
        },
      },
    );
    expect(sent.body.errors).toBeUndefined();
    const referralId = sent.body.data!.sendReferral.referral.id;
    expect(await outboxOf('care-coordination.referral-sent')).toEqual(
      expect.arrayContaining([expect.objectContaining({ record_id: referralId, nhs_number: sam })]),
    );
    // The charity's answer is announced too, once, though it is retried with its key.
    const respond = `mutation($input: CareCoordinationRespondToReferralInput!) {
      respondToReferral(input: $input) { replayed } }`;
    const answer = { referralId, idempotencyKey: randomUUID(), status: 'ACCEPTED' };
    for (const replayed of [false, true]) {
      const accepted = await subgraph.query<{ respondToReferral: { replayed: boolean } }>('link-worker', respond, {
        input: answer,
      });
      expect(accepted.body.errors).toBeUndefined();
      expect(accepted.body.data!.respondToReferral.replayed).toBe(replayed);
    }
    expect(
      (await outboxOf('care-coordination.referral-accepted')).filter((event) => event.record_id === referralId),
    ).toHaveLength(1);
  });
});
