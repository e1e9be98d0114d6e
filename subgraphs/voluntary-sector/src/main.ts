import { runSubgraphMain } from '@joined-up/kit';
import { voluntarySectorSubgraph } from './index.ts';

// Entry point for one process or container; configuration comes from VOLUNTARY_SECTOR_* and JOINED_UP_* variables.
await runSubgraphMain(voluntarySectorSubgraph, { defaultPort: 4003 });
