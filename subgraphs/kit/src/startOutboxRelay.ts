import { type CareEvent, type EventEngine, type Logger, topics } from '@joined-up/core';
import { asc, inArray, isNull } from 'drizzle-orm';
import type { Database } from './openDatabase.ts';
import { outboxEvents } from './outboxEvents.ts';

/** The relay of an agency's outbox to the event engine. */
export interface OutboxRelay {
  /** Publishes what is waiting now (a write has committed events). */
  wake(): void;
  /** Resolves once everything committed so far has been published (tests, shutdown). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

const batchSize = 200;

/**
 * Publishes the outbox's rows to the engine in commit order, then marks them published. Woken by
 * each write that records events and polling every `pollMs` besides, so that events written while
 * the engine was away, or by another replica, are published when it returns. A crash between
 * publishing and marking publishes a row again under the same id: the engine's de-duplication
 * (Nats-Msg-Id) and the consumers' own drop it, so nothing is lost and nothing doubled.
 */
export function startOutboxRelay(options: {
  agency: string;
  db: Database<Record<string, unknown>>;
  engine: EventEngine;
  logger: Logger;
  /** @default 1000 */
  pollMs?: number;
}): OutboxRelay {
  const { db, engine, logger } = options;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  // Whether rows may be waiting: set by every write and by every failure to publish, cleared by a
  // pass that finds none. While idle the relay reads the outbox once a minute only (for rows another
  // replica wrote), not every poll: an idle agency runs no statement on its own, so what a request
  // costs in SQL is the request's alone.
  let mayBeWaiting = true;
  let ticks = 0;
  const idlePolls = 60;
  const publishWaiting = async () => {
    do {
      again = false;
      const rows = await db
        .select()
        .from(outboxEvents)
        .where(isNull(outboxEvents.publishedAt))
        .orderBy(asc(outboxEvents.position))
        .limit(batchSize);
      for (const row of rows) {
        const event: CareEvent = {
          id: row.id,
          type: row.type,
          agency: options.agency,
          nhsNumber: row.nhsNumber,
          recordId: row.recordId,
          occurredAt: new Date(row.occurredAt).toISOString(),
          recordedAt: new Date(row.recordedAt).toISOString(),
        };
        await engine.publish(topics.events, event);
      }
      if (rows.length > 0) {
        await db
          .update(outboxEvents)
          .set({ publishedAt: new Date().toISOString() })
          .where(
            inArray(
              outboxEvents.id,
              rows.map((row) => row.id),
            ),
          );
      }
      if (rows.length === 0) mayBeWaiting = false;
      if (rows.length === batchSize) again = true;
    } while (again && !stopped);
  };
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = publishWaiting()
      .catch((error: unknown) => {
        mayBeWaiting = true;
        logger.warn({ err: error }, 'outbox relay could not publish; it retries');
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => {
    ticks += 1;
    if (mayBeWaiting || ticks % idlePolls === 0) void run();
  }, options.pollMs ?? 1000);
  timer.unref();
  void run();
  return {
    wake: () => {
      mayBeWaiting = true;
      void run();
    },
    drain: async () => {
      while (running) await running;
      await run();
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      while (running) await running;
    },
  };
}
