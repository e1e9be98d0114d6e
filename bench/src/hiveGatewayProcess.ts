import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';

// The "hive-gateway" target: The Guild's Hive Gateway runtime over the same supergraph, with
// in-flight request deduplication off in both directions (on by default for subgraph requests),
// so that every client request costs the same work as it does through the other gateways. It
// forwards the caller's Authorization header, as the agencies require.
const [supergraphPath = '', port = '4000'] = process.argv.slice(2);
const gateway = createGatewayRuntime({
  supergraph: readFileSync(supergraphPath, 'utf8'),
  graphqlEndpoint: '/graphql',
  logging: 'error',
  transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
  inboundInflightRequestDeduplication: false,
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? '' }),
  },
});
const server = createServer(gateway);
server.listen(Number(port));
process.once('SIGTERM', () => {
  server.close();
  void Promise.resolve(gateway.dispose()).then(() => process.exit(0));
});
