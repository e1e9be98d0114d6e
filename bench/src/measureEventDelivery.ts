import { randomUUID } from 'node:crypto';
import { createEventEngine, createLogger } from '@joined-up/core';
import { demoUsers, generateSigningKey } from '@joined-up/dev';
import { type Federation, startFederation } from '@joined-up/dev/federation';
import { readRegisteredOperations } from '@joined-up/schema';

/** One engine, one number of subscribed screens: how long an admission takes to reach them all. */
export interface EventDeliveryEntry {
  engine: 'in-process' | 'nats';
  clients: number;
  /**
   * `own`: every screen a sign-in of its own (its own token), so each is read through the federation
   * apart; `shared`: the screens share their users' sign-ins (tabs), whose identical reads are shared.
   */
  signIns: 'own' | 'shared';
  /** Admissions recorded one at a time: the hospital's write sent to each screen's event. */
  p50Ms: number;
  p95Ms: number;
  /** Admissions recorded 4 at a time, as fast as they are taken: admissions a second, to every screen. */
  eventsPerSecond: number;
  /** Notifications on screens a second in that run (each admission reaches every screen). */
  deliveriesPerSecond: number;
  /** Screens that missed an admission, or had one twice: nothing lost, nothing doubled. */
  missed: number;
  doubled: number;
}

const sam = '9990000018';
const admit = /* GraphQL */ `
  mutation BenchAdmit($input: HospitalAdmissionRecordInput!) {
    recordHospitalAdmission(input: $input) {
      admission {
        id
      }
    }
  }
`;
const live = readRegisteredOperations().find(
  (operation) => operation.client === 'app' && operation.name === 'LiveNotifications',
)!;

/** A screen subscribed as the web app is: the registered subscription by id, over Server-Sent Events. */
interface Screen {
  /** Each admission's id as it arrived, with the time. */
  received: Array<{ recordId: string; at: number }>;
  opened: Promise<void>;
  close(): void;
}

function openScreen(gatewayUrl: string, token: string): Screen {
  const aborting = new AbortController();
  const received: Screen['received'] = [];
  const opened = (async () => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { accept: 'text/event-stream', 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ documentId: live.id }),
      signal: aborting.signal,
    });
    if (!response.ok || !response.headers.get('content-type')?.startsWith('text/event-stream'))
      throw new Error(`the gateway refused a subscription: ${response.status} ${await response.text()}`);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let text = '';
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
        if (done) return;
        text += value;
        let end: number;
        while ((end = text.indexOf('\n\n')) !== -1) {
          const message = text.slice(0, end);
          text = text.slice(end + 2);
          const data = /^data: (.*)$/m.exec(message)?.[1];
          if (!message.startsWith('event: next') || !data) continue;
          const recordId = (JSON.parse(data) as { data?: { myNotifications?: { recordId?: string } } }).data
            ?.myNotifications?.recordId;
          if (recordId) received.push({ recordId, at: performance.now() });
        }
      }
    })();
  })();
  return { received, opened, close: () => aborting.abort() };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return true;
}

async function tokenOf(federation: Federation, username: string): Promise<string> {
  const response = await fetch(`http://localhost:${federation.identity.port}/token?user=${username}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/**
 * The whole federation in this process (PGlite, 300 people) on one event engine. The ward nurse
 * records Sam's admissions through the gateway; the hospital's outbox, the relay, the engine, care
 * coordination's governed delivery and the gateway's live feed carry each to every subscribed
 * screen of his care team, each screen reading the payload through the federation with its own
 * token as the web app does.
 */
export async function measureEventDelivery(options: {
  engine: 'in-process' | 'nats';
  clients: number[];
  events: number;
  signIns: 'own' | 'shared';
  natsUrl?: string;
}): Promise<EventDeliveryEntry[]> {
  const events = await createEventEngine({
    natsUrl: options.engine === 'nats' ? (options.natsUrl ?? 'nats://127.0.0.1:4222') : undefined,
    // Streams of the benchmark's own, apart from a developer's.
    streamPrefix: 'BENCH',
  });
  const federation = await startFederation({
    people: 300,
    key: await generateSigningKey(),
    issuer: 'http://localhost/joined-up-bench',
    audience: 'joined-up',
    environment: 'test',
    logLevel: 'silent',
    events,
    // The limits guard against a runaway caller; here a thousand screens share a handful of users.
    gateway: { rateLimit: { limit: 1_000_000_000, windowSeconds: 60 } },
    subgraphLimits: { rateLimit: { limit: 1_000_000_000, windowSeconds: 60 } },
  });
  const gatewayUrl = federation.gateway.url;
  const nurse = await tokenOf(federation, 'ward-nurse');
  const record = async () => {
    const sent = performance.now();
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${nurse}` },
      body: JSON.stringify({
        query: admit,
        variables: {
          input: {
            idempotencyKey: `bench-${randomUUID()}`,
            nhsNumber: sam,
            method: 'Emergency',
            ward: 'Ward 7, Acute Medical Unit, Riverside General Hospital',
            wardPhone: '01632 960857',
            consultant: 'Dr Olivia Grant',
            reason: { code: '302866003', display: 'Hypoglycaemia' },
          },
        },
      }),
    });
    const body = (await response.json()) as { data?: { recordHospitalAdmission: { admission: { id: string } } } };
    if (!body.data) throw new Error(`the admission was refused: ${JSON.stringify(body)}`);
    return { id: body.data.recordHospitalAdmission.admission.id, sent };
  };
  const logger = createLogger('bench-events', 'info');
  try {
    // Who hears of Sam's admission: one screen per demo user, and an admission to see who is told.
    const candidates = await Promise.all(
      demoUsers.map(async (user) => ({ user: user.username, token: await tokenOf(federation, user.username) })),
    );
    const probes = candidates.map((candidate) => ({ ...candidate, screen: openScreen(gatewayUrl, candidate.token) }));
    await Promise.all(probes.map((probe) => probe.screen.opened));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const probe = await record();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const recipients = probes.filter((candidate) => candidate.screen.received.some((r) => r.recordId === probe.id));
    for (const candidate of probes) candidate.screen.close();
    if (recipients.length === 0) throw new Error('nobody was told of the admission');
    logger.info(`${options.engine}: Sam's admission reaches ${recipients.map((r) => r.user).join(', ')}`);

    const entries: EventDeliveryEntry[] = [];
    for (const clients of options.clients) {
      const tokens = await Promise.all(
        Array.from({ length: clients }, (_, index) => {
          const recipient = recipients[index % recipients.length]!;
          return options.signIns === 'own' ? tokenOf(federation, recipient.user) : Promise.resolve(recipient.token);
        }),
      );
      const screens = tokens.map((token) => openScreen(gatewayUrl, token));
      await Promise.all(screens.map((screen) => screen.opened));
      // Registered once the stream is open; a warm-up admission shows every screen listening.
      const warm = await record();
      await until(() => screens.every((screen) => screen.received.some((r) => r.recordId === warm.id)), 60_000);
      const recorded: Array<{ id: string; sent: number }> = [];
      // Latency: one admission at a time, each waited for on every screen.
      for (let event = 0; event < options.events; event++) {
        const admission = await record();
        recorded.push(admission);
        await until(() => screens.every((screen) => screen.received.some((r) => r.recordId === admission.id)), 30_000);
      }
      const latencies = recorded.flatMap((admission) =>
        screens.flatMap((screen) =>
          screen.received.filter((r) => r.recordId === admission.id).map((r) => r.at - admission.sent),
        ),
      );
      // Throughput: admissions four at a time, until every screen has every one.
      const burst: Array<{ id: string; sent: number }> = [];
      const started = performance.now();
      for (let event = 0; event < options.events; event += 4)
        burst.push(...(await Promise.all(Array.from({ length: Math.min(4, options.events - event) }, record))));
      const ids = new Set(burst.map((admission) => admission.id));
      await until(
        () => screens.every((screen) => screen.received.filter((r) => ids.has(r.recordId)).length >= ids.size),
        120_000,
      );
      const finished = Math.max(
        ...screens.flatMap((screen) => screen.received.filter((r) => ids.has(r.recordId)).map((r) => r.at)),
      );
      const all = [...recorded, ...burst];
      let missed = 0;
      let doubled = 0;
      for (const screen of screens)
        for (const admission of all) {
          const times = screen.received.filter((r) => r.recordId === admission.id).length;
          if (times === 0) missed += 1;
          if (times > 1) doubled += 1;
        }
      const seconds = (finished - started) / 1000;
      const sorted = latencies.sort((a, b) => a - b);
      entries.push({
        engine: options.engine,
        clients,
        signIns: options.signIns,
        p50Ms: Math.round(percentile(sorted, 50)),
        p95Ms: Math.round(percentile(sorted, 95)),
        eventsPerSecond: Math.round((ids.size / seconds) * 10) / 10,
        deliveriesPerSecond: Math.round((ids.size * clients) / seconds),
        missed,
        doubled,
      });
      logger.info(entries.at(-1), 'measured');
      for (const screen of screens) screen.close();
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return entries;
  } finally {
    await federation.stop();
    await events.close();
  }
}
