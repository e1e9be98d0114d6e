import type { RequestListener } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { createHttpHandler, createTokenVerifier, type IdentityConfig, type Logger, requestLogging, sendJson } from '@joined-up/kit';
import { checkSubgraphHealth } from './checkSubgraphHealth.ts';
import { createExplorer } from './explorer/createExplorer.ts';
import { formatGatewayError } from './formatGatewayError.ts';
import type { GatewayContext } from './GatewayContext.ts';
import { JoinedUpDataSource } from './JoinedUpDataSource.ts';
import { validateNhsNumberArguments } from './validateNhsNumberArguments.ts';

/** An agency subgraph as the gateway reaches it. */
export interface GatewaySubgraph {
  name: string;
  displayName: string;
  url: string;
}

export interface GatewayOptions {
  /** The composed supergraph SDL (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Where each subgraph is; overrides the URLs recorded in the supergraph. */
  subgraphs: GatewaySubgraph[];
  identity: IdentityConfig;
  environment: 'development' | 'production' | 'test';
  logger: Logger;
  /** Largest request body, in bytes. @default 100_000 */
  maxBodyBytes?: number;
  /** Per-subgraph request timeout. @default 10_000 */
  subgraphTimeoutMs?: number;
  /** The development identity provider, for the explorer's user picker; undefined hides it. */
  identityProviderUrl?: string | undefined;
}

export interface Gateway {
  listener: RequestListener;
  stop(): Promise<void>;
}

/**
 * Builds the gateway: Apollo Gateway over the static supergraph, behind token verification,
 * with health and (outside production) the offline explorer. It holds no person data.
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const production = options.environment === 'production';
  const agencies = new Map(options.subgraphs.map((subgraph) => [subgraph.name, subgraph.displayName]));
  const byName = new Map(options.subgraphs.map((subgraph) => [subgraph.name, subgraph]));
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const subgraph = byName.get(name);
      return new JoinedUpDataSource({
        name,
        displayName: subgraph?.displayName ?? name,
        url: subgraph?.url ?? (url as string),
        timeoutMs: options.subgraphTimeoutMs ?? 10_000,
      });
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), validateNhsNumberArguments<GatewayContext>(), requestLogging<GatewayContext>(options.logger)],
    formatError: (formatted) => formatGatewayError(formatted, agencies, production),
  });
  await apollo.start();
  const verifyToken = createTokenVerifier(options.identity);
  const explorer = production ? undefined : createExplorer({ graphqlPath: '/graphql', identityProviderUrl: options.identityProviderUrl });
  const listener = createHttpHandler<GatewayContext>({
    apollo,
    logger: options.logger,
    maxBodyBytes: options.maxBodyBytes ?? 100_000,
    context: async (request, requestId) => {
      const caller = await verifyToken(request.headers.authorization);
      return { requestId, caller, logger: options.logger.child({ requestId, caller: caller.subject }) };
    },
    ...(explorer ? { beforeGraphQL: (request, response) => explorer.beforeGraphQL(request, response) } : {}),
    routes: {
      ...explorer?.routes,
      '/health': async (_request, response) => {
        const subgraphs = await checkSubgraphHealth(options.subgraphs);
        const status = subgraphs.every((subgraph) => subgraph.status === 'ok') ? 'ok' : 'degraded';
        sendJson(response, 200, { status, subgraphs });
      },
    },
  });
  return { listener, stop: () => apollo.stop() };
}
