import { loadSubgraphConfig, runSubgraph } from '@joined-up/kit';
import { defaultPopulationSize } from '@joined-up/population';
import { healthSubgraph } from './index.ts';

// Entry point for one container or process: configuration comes from HEALTH_* variables.
const config = loadSubgraphConfig(process.env, { prefix: 'HEALTH', defaultPort: 4001, defaultDataDir: '.data/health' });
const running = await runSubgraph(healthSubgraph, {
  ...config,
  seed: process.env['JOINED_UP_SEED'] === 'false' ? false : { people: Number(process.env['JOINED_UP_PEOPLE'] ?? defaultPopulationSize) },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void running.stop().then(() => process.exit(0)));
