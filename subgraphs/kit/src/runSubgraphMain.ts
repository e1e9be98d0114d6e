import { loadSubgraphConfig } from './config.ts';
import { createLogger } from './createLogger.ts';
import { runSubgraph, type SubgraphModule } from './runSubgraph.ts';

/**
 * What an agency's entry point does: read its configuration from the environment (variables
 * prefixed with the agency's name), run, and stop cleanly on SIGINT or SIGTERM so in-flight
 * requests finish and the database closes.
 */
export async function runSubgraphMain<TSchema extends Record<string, unknown>, TLoaders>(
  module: SubgraphModule<TSchema, TLoaders>,
  defaults: { prefix: string; defaultPort: number },
): Promise<void> {
  const config = loadSubgraphConfig(process.env, { ...defaults, defaultDataDir: `.data/${module.agency.name}` });
  const running = await runSubgraph(module, { ...config, logger: createLogger(module.agency.name, config.logLevel) });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void running.stop().then(() => process.exit(0)));
  }
}
