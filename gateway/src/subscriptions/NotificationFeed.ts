import { type CareNotification, type EventEngine, type Logger, type Stoppable, topics } from '@joined-up/core';

/** One subscriber's notifications as they arrive; `close` ends the iteration and unsubscribes. */
export interface NotificationQueue extends AsyncIterableIterator<CareNotification> {
  close(): void;
}

/**
 * Most notifications held for one subscriber who is slow to take them. A screen that falls this
 * far behind has its subscription ended (the inbox still has every one), rather than the gateway
 * holding an unbounded queue for it.
 */
const maxWaiting = 100;

interface Subscriber {
  deliver(notification: CareNotification): void;
  close(): void;
}

/**
 * The gateway's ear on care coordination's live topic: every gateway process listens (each serves
 * its own connected screens) and hands each notification to the subscriptions of its recipient
 * alone. Nothing is kept: a notification nobody here is subscribed for is dropped, as the inbox
 * (the myNotifications query) holds them all.
 */
export class NotificationFeed {
  readonly #subscribers: Map<string, Set<Subscriber>>;
  readonly #listening: Stoppable;

  private constructor(listening: Stoppable, subscribers: Map<string, Set<Subscriber>>) {
    this.#listening = listening;
    this.#subscribers = subscribers;
  }

  static async start(engine: EventEngine, logger: Logger): Promise<NotificationFeed> {
    const subscribers = new Map<string, Set<Subscriber>>();
    const listening = await engine.listen<CareNotification>(topics.notifications, (notification) => {
      if (typeof notification?.recipientSubject !== 'string' || typeof notification.id !== 'string') {
        logger.warn({ notification }, 'ignored a notification without a recipient or an id');
        return;
      }
      for (const subscriber of subscribers.get(notification.recipientSubject) ?? []) {
        subscriber.deliver(notification);
      }
    });
    return new NotificationFeed(listening, subscribers);
  }

  /** How many subscriptions are open, for the metrics. */
  get subscriptions(): number {
    let open = 0;
    for (const set of this.#subscribers.values()) open += set.size;
    return open;
  }

  /** The notifications for `subject` from now on, each once even if the engine delivers it twice. */
  subscribe(subject: string): NotificationQueue {
    const waiting: CareNotification[] = [];
    const seen = new Set<string>();
    let wake: (() => void) | undefined;
    let closed = false;
    const deliver = (notification: CareNotification): void => {
      // Care coordination publishes again after a redelivery, with the same ids: a screen shows one.
      if (closed || seen.has(notification.id)) return;
      seen.add(notification.id);
      if (seen.size > 1_000) seen.delete(seen.values().next().value!);
      if (waiting.length >= maxWaiting) return close();
      waiting.push(notification);
      wake?.();
    };
    const close = (): void => {
      closed = true;
      const set = this.#subscribers.get(subject);
      set?.delete(subscriber);
      if (set?.size === 0) this.#subscribers.delete(subject);
      wake?.();
    };
    const subscriber: Subscriber = { deliver, close };
    const set = this.#subscribers.get(subject) ?? new Set();
    set.add(subscriber);
    this.#subscribers.set(subject, set);
    const queue: NotificationQueue = {
      close,
      [Symbol.asyncIterator]: () => queue,
      next: async () => {
        while (waiting.length === 0 && !closed) await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        const value = waiting.shift();
        return value ? { value, done: false } : { value: undefined, done: true };
      },
      return: async () => {
        close();
        return { value: undefined, done: true };
      },
    };
    return queue;
  }

  async stop(): Promise<void> {
    await this.#listening.stop();
    // Every open subscription ends: its screen reconnects, to another gateway if this one is stopping.
    for (const set of [...this.#subscribers.values()]) for (const subscriber of [...set]) subscriber.close();
  }
}
