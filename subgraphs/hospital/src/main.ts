import { runSubgraphMain } from '@joined-up/kit';
import { hospitalSubgraph } from './index.ts';

// Entry point for one process or container; configuration comes from HOSPITAL_* and JOINED_UP_* variables.
await runSubgraphMain(hospitalSubgraph, { defaultPort: 4005 });
