import type { EventEngine, Stoppable, Topic } from './EventEngine.ts';

export interface NatsEngineOptions {
  /** nats://host:port (NATS_URL). */
  url: string;
  /** Prefix of the streams' names, so that tests and deployments can keep theirs apart. @default CARE */
  streamPrefix?: string;
  /** How long a delivered message may go unacknowledged before JetStream redelivers it. @default 30_000 */
  ackWaitMs?: number;
  /** How long JetStream remembers a message id to drop a second publish of it. @default 2 hours */
  duplicateWindowMs?: number;
}

const streamName = (prefix: string, topic: Topic) => `${prefix}_${topic.split('.').at(-1)!.toUpperCase()}`;

/**
 * The event engine on NATS JetStream: one durable stream per topic (file storage, so a restarted
 * server keeps them), publishes carrying Nats-Msg-Id so a relay's second publish of an event is
 * dropped inside the duplicate window, and durable pull consumers acknowledged only once their
 * handler has committed, so a consumer that dies mid-message gets it again.
 */
export async function createNatsEngine(options: NatsEngineOptions): Promise<EventEngine> {
  const prefix = options.streamPrefix ?? 'CARE';
  // The NATS client is loaded when an engine on NATS is asked for, not with `@joined-up/core`: a
  // process on the in-process engine (npm start, the tests) never carries it.
  const [{ AckPolicy, DeliverPolicy, jetstream, jetstreamManager }, { connect, nanos }] = await Promise.all([
    import('@nats-io/jetstream'),
    import('@nats-io/transport-node'),
  ]);
  const connection = await connect({ servers: options.url, name: 'joined-up', maxReconnectAttempts: -1 });
  const manager = await jetstreamManager(connection);
  const stream = jetstream(connection);
  const subjectOf = (topic: Topic) => `${prefix.toLowerCase()}.${topic}`;
  for (const topic of ['care.events', 'care.notifications'] as const) {
    const config = {
      name: streamName(prefix, topic),
      subjects: [subjectOf(topic)],
      duplicate_window: nanos(options.duplicateWindowMs ?? 2 * 3_600_000),
    };
    try {
      await manager.streams.info(config.name);
    } catch {
      await manager.streams.add(config);
    }
  }
  const consumers = new Set<Stoppable>();
  const encoder = new TextEncoder();
  return {
    kind: 'nats',
    publish: async (topic, message) => {
      await stream.publish(subjectOf(topic), encoder.encode(JSON.stringify(message)), { msgID: message.id });
    },
    consume: async <T>(topic: Topic, durable: string, handle: (message: T) => Promise<void>) => {
      const name = streamName(prefix, topic);
      try {
        await manager.consumers.info(name, durable);
      } catch {
        await manager.consumers.add(name, {
          durable_name: durable,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          ack_wait: nanos(options.ackWaitMs ?? 30_000),
        });
      }
      const consumer = await stream.consumers.get(name, durable);
      const messages = await consumer.consume({ max_messages: 256 });
      const loop = (async () => {
        for await (const message of messages) {
          try {
            await handle(message.json<T>());
            message.ack();
          } catch {
            message.nak(500);
          }
        }
      })();
      const stoppable = {
        stop: async () => {
          consumers.delete(stoppable);
          await messages.close();
          await loop;
        },
      };
      consumers.add(stoppable);
      return stoppable;
    },
    // A plain subscription: JetStream's publishes reach core subscribers of the subject too.
    listen: async <T>(topic: Topic, handle: (message: T) => void) => {
      const subscription = connection.subscribe(subjectOf(topic), {
        callback: (error, message) => {
          if (!error) handle(message.json<T>());
        },
      });
      return { stop: async () => subscription.unsubscribe() };
    },
    close: async () => {
      await Promise.all([...consumers].map((consumer) => consumer.stop()));
      await connection.drain();
    },
  };
}
