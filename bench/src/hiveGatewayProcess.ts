import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { forkWorkers } from './forkWorkers.ts';

// The "hive-gateway" and "hive-gateway-rust" targets: The Guild's Hive Gateway runtime over the
// same supergraph, in one process or one forked worker per core, with in-flight request
// deduplication off in both directions (on by default for subgraph requests), so that every client
// request costs the same work as it does through the other gateways. It forwards the caller's
// Authorization header, as the agencies require. With `rust` it plans with Hive Router's Rust
// query planner (@graphql-hive/router-runtime) instead of the JavaScript one; nothing else differs.
const [supergraphPath = '', port = '4000', workers = '1', planner = 'js'] = process.argv.slice(2);
await forkWorkers(Number(workers), async () => {
  const gateway = createGatewayRuntime({
    supergraph: readFileSync(supergraphPath, 'utf8'),
    graphqlEndpoint: '/graphql',
    logging: 'error',
    transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
    inboundInflightRequestDeduplication: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? '' }),
    },
    ...(planner === 'rust' ? { unifiedGraphHandler } : {}),
  });
  const server = createServer(gateway);
  server.listen(Number(port));
  process.once('SIGTERM', () => {
    server.close();
    void Promise.resolve(gateway.dispose()).then(() => process.exit(0));
  });
});
