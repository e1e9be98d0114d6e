import { randomUUID } from 'node:crypto';
import { addDays, type Database } from '@joined-up/kit';
import { startSubgraphForTest, type TestEngine, type TestSubgraph } from '@joined-up/test';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socialCareSubgraph } from './index.ts';
import { scanReviewsDue } from './startReviewDueScan.ts';
import type { SocialCareTables } from './tables.ts';

const sam = '9990000018';
const today = () => new Date().toISOString().slice(0, 10);
const start = /* GraphQL */ `
  mutation Start($input: SocialCareStartServiceInput!) {
    startSocialCareService(input: $input) {
      replayed
      service {
        id
        serviceType {
          code
        }
        provider {
          code
        }
        hoursPerWeek
        startDate
        endDate
        provenance {
          recordedBy
        }
      }
    }
  }
`;
const end = /* GraphQL */ `
  mutation End($input: SocialCareEndServiceInput!) {
    endSocialCareService(input: $input) {
      replayed
      service {
        id
        endDate
      }
    }
  }
`;
type Started = { startSocialCareService: { replayed: boolean; service: { id: string } & Record<string, unknown> } };
type Ended = { endSocialCareService: { replayed: boolean; service: { id: string; endDate: string } } };

describe.each<TestEngine>(['pglite', 'postgresql'])('social care events on %s', (engine) => {
  let subgraph: TestSubgraph;
  const db = () => subgraph.subgraph.database.db as unknown as Database<SocialCareTables>;
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await db().execute(query)) as unknown as { rows: T[] }).rows;
  const outboxOf = (type: string, recordId?: string) =>
    rows<{ id: string; record_id: string; nhs_number: string; occurred_at: string }>(
      sql`select id, record_id, nhs_number, occurred_at from outbox_events
          where type = ${type} and (${recordId ?? null}::text is null or record_id = ${recordId ?? null})`,
    );
  const supportedLiving = () => ({
    nhsNumber: sam,
    idempotencyKey: randomUUID(),
    serviceType: 'Short Term Support: Other Short Term',
    serviceComponent: 'Short Term Residential Care',
    supportSetting: 'Community',
    deliveryMechanism: 'CASSR Commissioned Support',
    primarySupportReason: 'Learning Disability Support',
    providerCode: 'DEMOSL1',
    hoursPerWeek: 10,
    startDate: today(),
  });

  beforeAll(async () => {
    subgraph = await startSubgraphForTest(socialCareSubgraph, { engine, people: 40 });
  });
  afterAll(async () => subgraph?.stop());

  it('records a service Sam’s social worker starts, with its event, once per key', async () => {
    const input = supportedLiving();
    const first = await subgraph.query<Started>('social-worker', start, { input });
    expect(first.body.errors).toBeUndefined();
    const service = first.body.data!.startSocialCareService.service;
    expect(service).toMatchObject({
      serviceType: { code: 'Short Term Support: Other Short Term' },
      provider: { code: 'DEMOSL1' },
      hoursPerWeek: 10,
      startDate: input.startDate,
      endDate: null,
      provenance: { recordedBy: 'Daniel Moore' },
    });
    const again = await subgraph.query<Started>('social-worker', start, { input });
    expect(again.body.data!.startSocialCareService).toMatchObject({ replayed: true, service: { id: service.id } });
    expect(await outboxOf('social-care.service-started', service.id)).toEqual([
      expect.objectContaining({ nhs_number: sam }),
    ]);
  });

  it('refuses a service from anyone but the allocated social worker, and bad input naming the field', async () => {
    const before = (await outboxOf('social-care.service-started')).length;
    for (const user of ['care-worker', 'coordinator', 'carer']) {
      const { body } = await subgraph.query(user, start, { input: supportedLiving() });
      expect(body.errors?.[0]?.extensions?.['code'], user).toBe('FORBIDDEN');
    }
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ startDate: addDays(today(), 3) }, 'input.startDate'],
      [{ serviceType: 'Daily visits' }, 'input.serviceType'],
      [{ providerCode: 'DEMOLA1' }, 'input.providerCode'],
      [{ hoursPerWeek: 200 }, 'input.hoursPerWeek'],
    ];
    for (const [change, argumentName] of cases) {
      const { body } = await subgraph.query('social-worker', start, { input: { ...supportedLiving(), ...change } });
      expect(body.errors?.[0]?.extensions, argumentName).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    }
    expect((await outboxOf('social-care.service-started')).length).toBe(before);
  });

  it('ends a service once: the event is recorded, a retry replays, a second ending conflicts', async () => {
    const started = await subgraph.query<Started>('social-worker', start, { input: supportedLiving() });
    const serviceId = started.body.data!.startSocialCareService.service.id;
    const input = { serviceId, idempotencyKey: randomUUID(), endDate: today() };
    const ended = await subgraph.query<Ended>('social-worker', end, { input });
    expect(ended.body.errors).toBeUndefined();
    expect(ended.body.data!.endSocialCareService).toEqual({
      replayed: false,
      service: { id: serviceId, endDate: today() },
    });
    const retried = await subgraph.query<Ended>('social-worker', end, { input });
    expect(retried.body.data!.endSocialCareService.replayed).toBe(true);
    const second = await subgraph.query('social-worker', end, { input: { ...input, idempotencyKey: randomUUID() } });
    expect(second.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    expect(await outboxOf('social-care.service-ended', serviceId)).toHaveLength(1);
    const unknown = await subgraph.query('social-worker', end, { input: { ...input, serviceId: randomUUID() } });
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'input.serviceId',
    });
  });

  it('announces a review due within four weeks once per plan and due date, however often it scans', async () => {
    const services = { agency: socialCareSubgraph.agency, db: db() };
    const [plan] = await rows<{ id: string }>(
      sql`select id from plans where nhs_number = ${sam} and status <> 'ENDED' order by agreed_on desc limit 1`,
    );
    const dueOn = addDays(today(), 10);
    await db().execute(sql`update plans set next_review_due = ${dueOn} where id = ${plan!.id}`);
    await scanReviewsDue(services);
    expect(await scanReviewsDue(services)).toBe(0);
    expect(await outboxOf('social-care.review-due', plan!.id)).toEqual([expect.objectContaining({ nhs_number: sam })]);
    // Moved to a date beyond the notice period: nothing yet; back within it on a new date: a new event.
    await db().execute(sql`update plans set next_review_due = ${addDays(today(), 60)} where id = ${plan!.id}`);
    expect(await scanReviewsDue(services)).toBe(0);
    await db().execute(sql`update plans set next_review_due = ${addDays(today(), 20)} where id = ${plan!.id}`);
    expect(await scanReviewsDue(services)).toBe(1);
    expect(await outboxOf('social-care.review-due', plan!.id)).toHaveLength(2);
  });
});
