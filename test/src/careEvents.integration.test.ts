import { randomUUID } from 'node:crypto';
import { createInProcessEngine, createLogger, createNatsEngine, type EventEngine, topics } from '@joined-up/core';
import { loadAgencyModules } from '@joined-up/dev';
import { auditEvents, type RunningSubgraph, runSubgraph } from '@joined-up/kit';
import { partnershipSectors, readSubgraphList } from '@joined-up/schema';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, type TestPostgresDatabase } from './createPostgresDatabase.ts';
import { graphqlRequest } from './graphqlRequest.ts';
import { startIdentityProvider, type TestIdentityProvider } from './startIdentityProvider.ts';

const sam = '9990000018';
// The columns of care coordination's notifications this test reads, as its migrations make them.
// The kit's outbox, as its migrations make it: agencies write it through runIdempotentWrite alone.
const outboxEvents = pgTable('outbox_events', {
  id: text('id').notNull(),
  type: text('type').notNull(),
  nhsNumber: text('nhs_number').notNull(),
  recordId: text('record_id').notNull(),
});
// Whether the relay has marked an outbox row published.
const outboxPublished = pgTable('outbox_events', { id: text('id').notNull(), publishedAt: text('published_at') });
const notificationsTable = pgTable('notifications', {
  eventId: text('event_id').notNull(),
  recipientSubject: text('recipient_subject').notNull(),
  reason: text('reason').notNull(),
});
const natsUrl = process.env['JOINED_UP_TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222';
const modules = Object.fromEntries((await loadAgencyModules()).map(({ entry, module }) => [entry.name, module]));
const until = async (check: () => Promise<boolean>, ms = 60_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
const admit = `mutation ($input: HospitalAdmissionRecordInput!) {
  recordHospitalAdmission(input: $input) { admission { id ward } replayed }
}`;

const prefix = `TEST${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;
const engines = [
  { name: 'in-process', make: async () => createInProcessEngine({ retryMs: 20 }) },
  { name: 'NATS JetStream', make: () => createNatsEngine({ url: natsUrl, streamPrefix: prefix, ackWaitMs: 1000 }) },
];
afterAll(async () => {
  const connection = await connect({ servers: natsUrl });
  const manager = await jetstreamManager(connection);
  for (const name of [`${prefix}_EVENTS`, `${prefix}_NOTIFICATIONS`]) await manager.streams.delete(name);
  await connection.close();
});

describe.each(engines)('care events through the $name engine', ({ make }) => {
  let engine: EventEngine;
  let idp: TestIdentityProvider;
  let database: TestPostgresDatabase;
  let hospital: RunningSubgraph;
  let socialCare: RunningSubgraph;
  let careCoordination: RunningSubgraph;
  const startCareCoordination = () =>
    runSubgraph(modules['care-coordination']!, {
      port: 0,
      databaseUrl: database.url,
      identity: idp.identity,
      environment: 'test',
      seed: { people: 30 },
      logger: createLogger('care-coordination', 'silent'),
      sectors: partnershipSectors(readSubgraphList()),
      events: engine,
    });
  const notificationsOf = async (eventIds: string[] | string) => {
    const table = notificationsTable;
    return careCoordination.database.db
      .select({ event_id: table.eventId, recipient_subject: table.recipientSubject, reason: table.reason })
      .from(table)
      .where(inArray(table.eventId, [eventIds].flat()));
  };

  beforeAll(async () => {
    engine = await make();
    idp = await startIdentityProvider();
    database = await createPostgresDatabase('jtest_events');
    hospital = await runSubgraph(modules['hospital']!, {
      port: 0,
      identity: idp.identity,
      environment: 'test',
      seed: { people: 30 },
      logger: createLogger('hospital', 'silent'),
      sectors: partnershipSectors(readSubgraphList()),
      events: engine,
    });
    socialCare = await runSubgraph(modules['social-care']!, {
      port: 0,
      identity: idp.identity,
      environment: 'test',
      seed: { people: 30 },
      logger: createLogger('social-care', 'silent'),
      sectors: partnershipSectors(readSubgraphList()),
      events: engine,
    });
    careCoordination = await startCareCoordination();
  });
  afterAll(async () => {
    await careCoordination?.stop();
    await socialCare?.stop();
    await hospital?.stop();
    await engine?.close();
    await idp?.stop();
    await database?.drop();
  });

  it("commits the admission's event with it, and tells Sam's care team, coordinator and mother once each", async () => {
    const input = {
      idempotencyKey: `admit-${randomUUID()}`,
      nhsNumber: sam,
      method: 'Emergency',
      ward: 'Ward 7, Acute Medical Unit, Riverside General Hospital',
      wardPhone: '01632 960857',
      consultant: 'Dr Olivia Grant',
      reason: { code: '302866003', display: 'Hypoglycaemia' },
    };
    const token = await idp.tokenFor('ward-nurse');
    const first = await graphqlRequest<{ recordHospitalAdmission: { admission: { id: string }; replayed: boolean } }>(
      hospital.url,
      { query: admit, variables: { input }, token },
    );
    expect(first.body.errors).toBeUndefined();
    const admissionId = first.body.data!.recordHospitalAdmission.admission.id;
    const [event] = await hospital.database.db
      .select()
      .from(outboxEvents)
      .where(eq(outboxEvents.recordId, admissionId));
    expect(event).toMatchObject({ type: 'hospital.admission', nhsNumber: sam });
    await until(async () => (await notificationsOf(event!.id)).length > 0);
    const again = await graphqlRequest<{ recordHospitalAdmission: { replayed: boolean } }>(hospital.url, {
      query: admit,
      variables: { input },
      token,
    });
    expect(again.body.data?.recordHospitalAdmission.replayed).toBe(true);
    expect(await hospital.database.db.$count(outboxEvents, eq(outboxEvents.recordId, admissionId))).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const told = (await notificationsOf(event!.id)).map((row) => [row.recipient_subject, row.reason]);
    expect(told).toEqual(
      expect.arrayContaining([
        ['w-cw-evans', 'CARE_TEAM'],
        ['w-cc-green', 'COORDINATOR'],
        ['citizen-margaret', 'CARER'],
      ]),
    );
    expect(new Set(told.map(([subject]) => subject)).size).toBe(told.length);
    const audited = await careCoordination.database.db.$count(
      auditEvents,
      eq(auditEvents.requestId, `event:${event!.id}`),
    );
    expect(audited).toBe(told.length);
  });

  it('refuses an admission recorded by someone who is not the trust’s staff, and announces nothing', async () => {
    const before = await hospital.database.db.$count(outboxEvents);
    const { body } = await graphqlRequest(hospital.url, {
      query: admit,
      variables: {
        input: {
          idempotencyKey: `admit-${randomUUID()}`,
          nhsNumber: sam,
          method: 'Emergency',
          ward: 'Ward 7',
          wardPhone: '01632 960857',
          consultant: 'Dr Grant',
          reason: { code: '302866003', display: 'Hypoglycaemia' },
        },
      },
      token: await idp.tokenFor('care-worker'),
    });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await hospital.database.db.$count(outboxEvents)).toBe(before);
  });

  it("tells Sam's team of a service his social worker starts, once, though the relay publishes it again", async () => {
    const { body } = await graphqlRequest<{ startSocialCareService: { service: { id: string } } }>(socialCare.url, {
      query: `mutation ($input: SocialCareStartServiceInput!) {
        startSocialCareService(input: $input) { service { id } } }`,
      variables: {
        input: {
          nhsNumber: sam,
          idempotencyKey: `service-${randomUUID()}`,
          serviceType: 'Short Term Support: Other Short Term',
          serviceComponent: 'Short Term Residential Care',
          providerCode: 'DEMOSL1',
          startDate: new Date().toISOString().slice(0, 10),
        },
      },
      token: await idp.tokenFor('social-worker'),
    });
    expect(body.errors).toBeUndefined();
    const serviceId = body.data!.startSocialCareService.service.id;
    const [event] = await socialCare.database.db
      .select()
      .from(outboxEvents)
      .where(eq(outboxEvents.recordId, serviceId));
    expect(event).toMatchObject({ type: 'social-care.service-started', nhsNumber: sam });
    await until(async () => (await notificationsOf(event!.id)).length > 0);
    const told = await notificationsOf(event!.id);
    expect(told.map((row) => [row.recipient_subject, row.reason])).toEqual(
      expect.arrayContaining([
        ['w-cw-evans', 'CARE_TEAM'],
        ['w-sw-moore', 'CARE_TEAM'],
        ['w-cc-green', 'COORDINATOR'],
        ['citizen-margaret', 'CARER'],
      ]),
    );
    // The relay stopped after publishing and before marking: it publishes the row again, under its id.
    await socialCare.database.db.execute(sql`update outbox_events set published_at = null where id = ${event!.id}`);
    socialCare.outbox!.wake();
    await socialCare.outbox!.drain();
    await until(async () => {
      const [row] = await socialCare.database.db
        .select()
        .from(outboxPublished)
        .where(eq(outboxPublished.id, event!.id));
      return row?.publishedAt !== null;
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await notificationsOf(event!.id)).toHaveLength(told.length);
    const audited = await careCoordination.database.db.$count(
      auditEvents,
      eq(auditEvents.requestId, `event:${event!.id}`),
    );
    expect(audited).toBe(told.length);
  });

  it('tells the whole team when Sam’s mother declares she cannot care', async () => {
    const { body } = await graphqlRequest<{
      declareCarerCannotCare: { carePlan: { id: string; planInForce: string } };
    }>(careCoordination.url, {
      query: `mutation ($input: CareCoordinationDeclareCarerCannotCareInput!) {
          declareCarerCannotCare(input: $input) { carePlan { id planInForce } } }`,
      variables: { input: { nhsNumber: sam, idempotencyKey: `declare-${randomUUID()}`, reason: 'Into hospital.' } },
      token: await idp.tokenFor('carer'),
    });
    expect(body.errors).toBeUndefined();
    const plan = body.data!.declareCarerCannotCare.carePlan;
    expect(plan.planInForce).toBe('CONTINGENCY');
    const events = await careCoordination.database.db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.recordId, plan.id), eq(outboxEvents.type, 'care-coordination.carer-cannot-care')));
    expect(events).toHaveLength(1);
    await until(async () => (await notificationsOf(events[0]!.id)).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const told = (await notificationsOf(events[0]!.id)).map((row) => [row.recipient_subject, row.reason]);
    expect(told).toEqual(
      expect.arrayContaining([
        ['w-cw-evans', 'CARE_TEAM'],
        ['w-gp-shah', 'CARE_TEAM'],
        ['w-cc-green', 'COORDINATOR'],
        ['citizen-margaret', 'CARER'],
      ]),
    );
    expect(new Set(told.map(([subject]) => subject)).size).toBe(told.length);
  });

  it('loses nothing and doubles nothing when care coordination is killed mid-stream', async () => {
    const run = randomUUID();
    const ids = Array.from({ length: 100 }, (_, i) => `${run}-${i}`);
    const now = new Date().toISOString();
    for (const id of ids) {
      await engine.publish(topics.events, {
        id,
        type: 'hospital.emergency-attendance',
        agency: 'hospital',
        nhsNumber: sam,
        recordId: id,
        occurredAt: now,
        recordedAt: now,
      });
    }
    await until(async () => new Set((await notificationsOf(ids)).map((row) => row.event_id)).size >= 10, 60_000);
    const handledBeforeKill = new Set((await notificationsOf(ids)).map((row) => row.event_id)).size;
    await careCoordination.stop();
    // Published while care coordination is down: delivered when it returns.
    const late = `${run}-late`;
    await engine.publish(topics.events, {
      id: late,
      type: 'hospital.discharge',
      agency: 'hospital',
      nhsNumber: sam,
      recordId: late,
      occurredAt: now,
      recordedAt: now,
    });
    careCoordination = await startCareCoordination();
    const all = [...ids, late];
    await until(async () => new Set((await notificationsOf(all)).map((row) => row.event_id)).size === all.length);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const rows = await notificationsOf(all);
    const recipients = new Set(rows.map((row) => row.recipient_subject)).size;
    expect(handledBeforeKill).toBeLessThan(ids.length);
    expect(rows.length).toBe(all.length * recipients);
    const audited = await careCoordination.database.db.$count(
      auditEvents,
      and(like(auditEvents.requestId, `event:${run}-%`)),
    );
    expect(audited).toBe(all.length * recipients);
  });
});
