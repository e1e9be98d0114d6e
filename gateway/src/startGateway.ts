import { listen, type RunningServer } from '@joined-up/core';
import { createGateway, type GatewayOptions } from './createGateway.ts';

/**
 * Builds the gateway and listens on `port` (0 for a free one) at `host` (every interface when
 * undefined). Stopping it drains: /ready says so at once, requests in flight finish (up to
 * `shutdownGraceMs`), then Apollo and the pools close.
 */
export async function startGateway(
  options: GatewayOptions & { port: number; host?: string | undefined; shutdownGraceMs?: number },
): Promise<RunningServer> {
  const gateway = await createGateway(options);
  const running = await listen(gateway.listener, options.port, '/graphql', gateway.stop, {
    ...(options.shutdownGraceMs === undefined ? {} : { shutdownGraceMs: options.shutdownGraceMs }),
    onDraining: gateway.beginDraining,
    onUpgrade: gateway.upgrade,
    host: options.host,
  });
  options.logger.info({ url: running.url }, 'gateway listening');
  return running;
}
