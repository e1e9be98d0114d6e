import type { EventEngine, Stoppable, Topic } from './EventEngine.ts';

interface Log {
  messages: Array<{ id: string }>;
  ids: Set<string>;
  /** Where each durable consumer has got to, kept while the engine lives, as JetStream keeps it. */
  cursors: Map<string, number>;
  wake: Set<() => void>;
  listeners: Set<(message: unknown) => void>;
}

/**
 * The engine `npm start` uses with no broker: every service runs in one process, so an
 * append-only log per topic in memory gives the same guarantees JetStream does while the process
 * lives (de-duplication by id, durable cursors, redelivery until a handler succeeds).
 */
export function createInProcessEngine(options: { retryMs?: number } = {}): EventEngine {
  const retryMs = options.retryMs ?? 200;
  const logs = new Map<Topic, Log>();
  const logOf = (topic: Topic) => {
    let log = logs.get(topic);
    if (!log) {
      log = { messages: [], ids: new Set(), cursors: new Map(), wake: new Set(), listeners: new Set() };
      logs.set(topic, log);
    }
    return log;
  };
  let closed = false;
  const stoppers = new Set<() => void>();
  return {
    kind: 'in-process',
    publish: async (topic, message) => {
      const log = logOf(topic);
      if (closed || log.ids.has(message.id)) return;
      log.ids.add(message.id);
      log.messages.push(message);
      for (const wake of log.wake) wake();
      // Listeners hear it after the publisher's turn, as they would from a broker.
      for (const listener of log.listeners) queueMicrotask(() => listener(message));
    },
    consume: async <T>(topic: Topic, durable: string, handle: (message: T) => Promise<void>): Promise<Stoppable> => {
      const log = logOf(topic);
      let running = true;
      let wakeUp: (() => void) | undefined;
      const waitForMore = () =>
        new Promise<void>((resolve) => {
          wakeUp = resolve;
          log.wake.add(resolve);
        }).finally(() => wakeUp && log.wake.delete(wakeUp));
      const stop = () => {
        running = false;
        wakeUp?.();
      };
      stoppers.add(stop);
      const loop = (async () => {
        while (running) {
          const at = log.cursors.get(durable) ?? 0;
          const message = log.messages[at];
          if (!message) {
            await waitForMore();
            continue;
          }
          try {
            await handle(message as T);
            log.cursors.set(durable, at + 1);
          } catch {
            // Redelivered after a pause, as JetStream redelivers a message not acknowledged.
            await new Promise((resolve) => setTimeout(resolve, retryMs));
          }
        }
      })();
      return {
        stop: async () => {
          stop();
          stoppers.delete(stop);
          await loop;
        },
      };
    },
    listen: async <T>(topic: Topic, handle: (message: T) => void): Promise<Stoppable> => {
      const listener = handle as (message: unknown) => void;
      logOf(topic).listeners.add(listener);
      return { stop: async () => void logOf(topic).listeners.delete(listener) };
    },
    close: async () => {
      closed = true;
      for (const stop of stoppers) stop();
    },
  };
}
