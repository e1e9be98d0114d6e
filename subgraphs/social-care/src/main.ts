import { runSubgraphMain } from '@joined-up/kit';
import { socialCareSubgraph } from './index.ts';

// Entry point for one process or container; configuration comes from SOCIAL_CARE_* and JOINED_UP_* variables.
await runSubgraphMain(socialCareSubgraph, { defaultPort: 4002 });
