import { runSubgraphMain } from '@joined-up/kit';
import { healthSubgraph } from './index.ts';

// Entry point for one process or container; configuration comes from HEALTH_* and JOINED_UP_* variables.
await runSubgraphMain(healthSubgraph, { defaultPort: 4001 });
