import { runSubgraphMain } from '@joined-up/kit';
import { careCoordinationSubgraph } from './index.ts';

// Entry point for one process or container; configuration comes from CARE_COORDINATION_* and JOINED_UP_* variables.
await runSubgraphMain(careCoordinationSubgraph, { defaultPort: 4004 });
