import type { EventEngine } from './EventEngine.ts';
import { createInProcessEngine } from './createInProcessEngine.ts';
import { createNatsEngine, type NatsEngineOptions } from './createNatsEngine.ts';

/** NATS JetStream when a URL is given (NATS_URL), the in-process engine otherwise. */
export async function createEventEngine(
  options: { natsUrl?: string | undefined } & Omit<NatsEngineOptions, 'url'> = {},
): Promise<EventEngine> {
  const { natsUrl, ...nats } = options;
  return natsUrl ? createNatsEngine({ ...nats, url: natsUrl }) : createInProcessEngine();
}
