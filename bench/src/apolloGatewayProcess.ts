import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { withSecurityFeaturesDelegated } from '../../gateway/src/withSecurityFeaturesDelegated.ts';
import { forkWorkers } from './forkWorkers.ts';

// The "apollo-gateway" target: bare @apollo/gateway on Apollo Server with default settings, over
// the same supergraph, in one process or one node:cluster worker per core. The one addition is
// forwarding the caller's Authorization header, without which the agencies refuse every request
// (they verify tokens themselves); and, as for ours, the supergraph's
// @authenticated/@requiresScopes/@policy links downgraded from `for: SECURITY`, which Apollo
// Gateway refuses to load (the subgraphs enforce those directives).
const [supergraphPath = '', port = '4000', workers = '1'] = process.argv.slice(2);
type Context = { authorization?: string | undefined };
await forkWorkers(Number(workers), async () => {
  const gateway = new ApolloGateway({
    supergraphSdl: withSecurityFeaturesDelegated(readFileSync(supergraphPath, 'utf8')),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<Context>({
        url,
        willSendRequest({ request, context }) {
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
        },
      }),
  });
  const server = new ApolloServer<Context>({ gateway });
  await startStandaloneServer(server, {
    listen: { port: Number(port) },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
});
