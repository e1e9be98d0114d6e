import { randomUUID } from 'node:crypto';
import { type Database } from '@joined-up/kit';
import { startSubgraphForTest, type TestEngine, type TestSubgraph } from '@joined-up/test';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { voluntarySectorSubgraph } from './index.ts';
import type { VoluntarySectorTables } from './tables.ts';

const sam = '9990000018';
const accept = /* GraphQL */ `
  mutation Accept($input: VoluntarySectorAcceptReferralInput!) {
    acceptVoluntarySectorReferral(input: $input) {
      replayed
      referral {
        id
        status
        linkWorker {
          id
        }
        statusHistory {
          status
          changedBy
          reason
        }
      }
    }
  }
`;
const close = /* GraphQL */ `
  mutation Close($input: VoluntarySectorCloseReferralInput!) {
    closeVoluntarySectorReferral(input: $input) {
      replayed
      referral {
        id
        status
        statusHistory {
          status
          reason
        }
      }
    }
  }
`;
type Answer<K extends string> = {
  [key in K]: { replayed: boolean; referral: { id: string; status: string } & Record<string, unknown> };
};

describe.each<TestEngine>(['pglite', 'postgresql'])('voluntary sector events on %s', (engine) => {
  let subgraph: TestSubgraph;
  const db = () => subgraph.subgraph.database.db as unknown as Database<VoluntarySectorTables>;
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await db().execute(query)) as unknown as { rows: T[] }).rows;
  const outboxOf = (type: string, recordId: string) =>
    rows<{ id: string; nhs_number: string }>(
      sql`select id, nhs_number from outbox_events where type = ${type} and record_id = ${recordId}`,
    );
  /** A referral from Sam's GP to Community Links, as it arrives: SENT, no worker yet. */
  const newReferral = async () => {
    const id = randomUUID();
    await db().execute(sql`insert into referrals (id, nhs_number, referred_on, referrer_name, referrer_role,
      referrer_organisation_name, referrer_organisation_code, referred_to_code, reason, status, agreed_to_share,
      recorded_by_id, recorded_by_name, recorded_by_role, organisation_code, organisation_name)
      values (${id}, ${sam}, current_date, 'Dr Priya Shah', 'GP', 'Riverside Medical Practice', 'DEMOGP1', 'DEMOV2',
      'Would like a walking group.', 'SENT', '{}', 'w-gp-shah', 'Dr Priya Shah', 'GP', 'DEMOGP1',
      'Riverside Medical Practice')`);
    await db().execute(sql`insert into referral_status_changes (id, referral_id, status, changed_on, changed_by,
      recorded_by_id, recorded_by_name, recorded_by_role, organisation_code, organisation_name)
      values (${randomUUID()}, ${id}, 'SENT', current_date, 'Dr Priya Shah, GP', 'w-gp-shah', 'Dr Priya Shah', 'GP',
      'DEMOGP1', 'Riverside Medical Practice')`);
    return id;
  };

  beforeAll(async () => {
    subgraph = await startSubgraphForTest(voluntarySectorSubgraph, { engine, people: 40 });
  });
  afterAll(async () => subgraph?.stop());

  it('lets the receiving link worker take a referral on, once per key, announcing it once', async () => {
    const referralId = await newReferral();
    const input = { referralId, idempotencyKey: randomUUID() };
    const first = await subgraph.query<Answer<'acceptVoluntarySectorReferral'>>('link-worker', accept, { input });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.acceptVoluntarySectorReferral).toEqual({
      replayed: false,
      referral: {
        id: referralId,
        status: 'ACCEPTED',
        linkWorker: { id: 'w-lw-hassan' },
        statusHistory: [
          { status: 'SENT', changedBy: 'Dr Priya Shah, GP', reason: null },
          { status: 'ACCEPTED', changedBy: 'Amira Hassan, Link worker', reason: null },
        ],
      },
    });
    const again = await subgraph.query<Answer<'acceptVoluntarySectorReferral'>>('link-worker', accept, { input });
    expect(again.body.data!.acceptVoluntarySectorReferral.replayed).toBe(true);
    const twice = await subgraph.query('link-worker', accept, { input: { ...input, idempotencyKey: randomUUID() } });
    expect(twice.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', current: 'ACCEPTED' });
    expect(await outboxOf('voluntary-sector.referral-accepted', referralId)).toEqual([
      expect.objectContaining({ nhs_number: sam }),
    ]);
  });

  it('closes a referral: completed once taken on, declined only with a reason before', async () => {
    const taken = await newReferral();
    await subgraph.query('link-worker', accept, { input: { referralId: taken, idempotencyKey: randomUUID() } });
    const completed = await subgraph.query<Answer<'closeVoluntarySectorReferral'>>('link-worker', close, {
      input: { referralId: taken, idempotencyKey: randomUUID(), outcome: 'COMPLETED', reason: 'Goes to the group.' },
    });
    expect(completed.body.errors).toBeUndefined();
    expect(completed.body.data!.closeVoluntarySectorReferral.referral.status).toBe('COMPLETED');
    expect(await outboxOf('voluntary-sector.referral-closed', taken)).toHaveLength(1);

    const sent = await newReferral();
    const noReason = await subgraph.query('link-worker', close, {
      input: { referralId: sent, idempotencyKey: randomUUID(), outcome: 'DECLINED' },
    });
    expect(noReason.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'input.reason',
    });
    const early = await subgraph.query('link-worker', close, {
      input: { referralId: sent, idempotencyKey: randomUUID(), outcome: 'COMPLETED' },
    });
    expect(early.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', current: 'SENT' });
    const declined = await subgraph.query<Answer<'closeVoluntarySectorReferral'>>('link-worker', close, {
      input: {
        referralId: sent,
        idempotencyKey: randomUUID(),
        outcome: 'DECLINED',
        reason: 'Sam chose another group.',
      },
    });
    expect(declined.body.data!.closeVoluntarySectorReferral.referral.status).toBe('DECLINED');
    expect(await outboxOf('voluntary-sector.referral-closed', sent)).toHaveLength(1);
  });

  it('refuses anyone outside the receiving organisation alike, whether the referral exists or not', async () => {
    const referralId = await newReferral();
    for (const [user, id] of [
      ['gp', referralId],
      ['coordinator', referralId],
      ['link-worker', randomUUID()],
    ] as const) {
      const { body } = await subgraph.query(user, accept, { input: { referralId: id, idempotencyKey: randomUUID() } });
      expect(body.errors?.[0]?.extensions, user).toMatchObject({ code: 'NOT_FOUND', argumentName: 'input.referralId' });
    }
    // A carer's token cannot write records at all: refused before any referral is looked up.
    const carer = await subgraph.query('carer', accept, { input: { referralId, idempotencyKey: randomUUID() } });
    expect(carer.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const elsewhere = await subgraph.query('link-worker', accept, {
      input: { referralId, idempotencyKey: randomUUID(), linkWorkerId: 'w-cs-bennett' },
    });
    expect(elsewhere.body.errors?.[0]?.extensions).toMatchObject({ argumentName: 'input.linkWorkerId' });
    expect(await outboxOf('voluntary-sector.referral-accepted', referralId)).toEqual([]);
  });
});
