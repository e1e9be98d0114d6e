import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, describe, expect, it } from 'vitest';
import { createInProcessEngine } from './createInProcessEngine.ts';
import { createNatsEngine } from './createNatsEngine.ts';
import { type EventEngine, topics } from './EventEngine.ts';

const natsUrl = process.env['JOINED_UP_TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222';
const until = async (check: () => boolean, ms = 20_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

type Engines = { name: string; make: () => Promise<EventEngine> };
// Each test run has its own streams on the machine's NATS, so runs never see each other's messages.
const prefix = `TEST${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;
const opened: EventEngine[] = [];
const engines: Engines[] = [
  { name: 'in-process', make: async () => createInProcessEngine({ retryMs: 20 }) },
  {
    name: 'NATS JetStream',
    make: async () => createNatsEngine({ url: natsUrl, streamPrefix: prefix, ackWaitMs: 1000 }),
  },
];
afterAll(async () => {
  await Promise.all(opened.map((engine) => engine.close()));
  const connection = await connect({ servers: natsUrl });
  const manager = await jetstreamManager(connection);
  for (const name of [`${prefix}_EVENTS`, `${prefix}_NOTIFICATIONS`]) await manager.streams.delete(name);
  await connection.close();
});

describe.each(engines)('the $name event engine', ({ make }) => {
  it('drops a second publish of the same id, and a durable consumer resumes where it stopped', async () => {
    const engine = await make();
    opened.push(engine);
    const durable = `resume-${randomUUID()}`;
    const run = randomUUID();
    const ids = Array.from({ length: 20 }, (_, i) => `${run}-${i}`);
    for (const id of ids.slice(0, 10)) await engine.publish(topics.events, { id, run });
    await engine.publish(topics.events, { id: ids[3]!, run });
    const seen: string[] = [];
    const first = await engine.consume<{ id: string; run: string }>(topics.events, durable, async (message) => {
      if (message.run === run) seen.push(message.id);
    });
    await until(() => seen.length >= 10);
    await first.stop();
    // Published while no consumer runs: delivered when it returns.
    for (const id of ids.slice(10)) await engine.publish(topics.events, { id, run });
    const second = await engine.consume<{ id: string; run: string }>(topics.events, durable, async (message) => {
      if (message.run === run) seen.push(message.id);
    });
    await until(() => seen.length >= 20);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await second.stop();
    expect(seen).toEqual(ids);
  });

  it('redelivers what a consumer failed on, and a killed consumer loses nothing', async () => {
    const engine = await make();
    opened.push(engine);
    const durable = `killed-${randomUUID()}`;
    const run = randomUUID();
    const total = 200;
    for (let i = 0; i < total; i += 1) await engine.publish(topics.events, { id: `${run}-${i}`, run });
    // What an idempotent consumer keeps: each id once, however often it is handed one.
    const done = new Set<string>();
    let handled = 0;
    let failOnce = true;
    let killed = false;
    const dying = await engine.consume<{ id: string; run: string }>(topics.events, durable, async (message) => {
      if (message.run !== run) return;
      // Killed: from here on nothing it was handed is acknowledged.
      if (killed || done.size === 120) {
        killed = true;
        throw new Error('killed');
      }
      if (failOnce && done.size === 50) {
        failOnce = false;
        throw new Error('a failure mid-stream');
      }
      handled += 1;
      done.add(message.id);
    });
    await until(() => killed);
    await dying.stop();
    const afterKill = done.size;
    const restarted = await engine.consume<{ id: string; run: string }>(topics.events, durable, async (message) => {
      if (message.run !== run) return;
      handled += 1;
      done.add(message.id);
    });
    await until(() => done.size >= total);
    await restarted.stop();
    expect(afterKill).toBeLessThan(total);
    expect(done.size).toBe(total);
    expect(handled).toBeGreaterThanOrEqual(total);
  });

  it('lets a listener hear what is published while it listens', async () => {
    const engine = await make();
    opened.push(engine);
    const run = randomUUID();
    const heard: string[] = [];
    const listener = await engine.listen<{ id: string; run: string }>(topics.notifications, (message) => {
      if (message.run === run) heard.push(message.id);
    });
    await engine.publish(topics.notifications, { id: `${run}-a`, run });
    await engine.publish(topics.notifications, { id: `${run}-b`, run });
    await until(() => heard.length === 2);
    await listener.stop();
    expect(heard).toEqual([`${run}-a`, `${run}-b`]);
  });
});
