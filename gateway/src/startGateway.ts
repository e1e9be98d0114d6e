import { listen, type RunningServer } from '@joined-up/core';
import { createGateway, type GatewayOptions } from './createGateway.ts';

/** Builds the gateway and listens on `port` (0 for a free one). */
export async function startGateway(options: GatewayOptions & { port: number }): Promise<RunningServer> {
  const gateway = await createGateway(options);
  const running = await listen(gateway.listener, options.port, '/graphql', gateway.stop);
  options.logger.info({ url: running.url }, 'gateway listening');
  return running;
}
