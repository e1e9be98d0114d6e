import { readFileSync } from 'node:fs';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { listen, type RunningServer } from '@joined-up/core';
import { supergraphPath } from '@joined-up/schema';
import { hiveGatewayConfig, withSubgraphUrls } from '../../deploy/hive-gateway/hiveGatewayConfig.ts';

/**
 * Hive Gateway, with the committed configuration (deploy/hive-gateway), in front of subgraphs
 * already running, on a free port: the committed supergraph with their URLs put in.
 */
export async function startHiveGateway(urls: Record<string, string>): Promise<RunningServer> {
  const runtime = createGatewayRuntime(
    hiveGatewayConfig({ supergraph: withSubgraphUrls(readFileSync(supergraphPath, 'utf8'), urls) }),
  );
  return listen(runtime, 0, '/graphql', async () => {
    await runtime.dispose();
  });
}
