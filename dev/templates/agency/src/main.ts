import { runSubgraphMain } from '@joined-up/kit';
import { __FIELD__Subgraph } from './index.ts';

// Entry point for one process or container; configuration comes from __ENV__* and JOINED_UP_* variables.
await runSubgraphMain(__FIELD__Subgraph, { defaultPort: __PORT__ });
