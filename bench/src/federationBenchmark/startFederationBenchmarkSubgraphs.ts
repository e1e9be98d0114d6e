import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createGraphQLRequestListener } from './createGraphQLRequestListener.ts';
import type { FederationBenchmarkSubgraphName } from './FederationBenchmarkSubgraph.ts';
import { federationBenchmarkSubgraphs } from './federationBenchmarkSubgraphs.ts';

/** Where to serve the benchmark subgraphs. */
export interface FederationBenchmarkSubgraphsOptions {
  /** Interface to listen on; 127.0.0.1 by default. */
  host?: string;
  /** Ports for accounts, inventory, products and reviews, in that order; 0 or missing picks a free one. */
  ports?: number[];
}

/** The four benchmark subgraphs, listening, and the supergraph composed against them. */
export interface FederationBenchmarkSubgraphs {
  /** Each subgraph's GraphQL endpoint, such as http://127.0.0.1:4001/graphql. */
  urls: Record<FederationBenchmarkSubgraphName, string>;
  /** The supergraph composed from the four subgraphs with these URLs. */
  supergraphSdl: string;
  stop(): Promise<void>;
}

/**
 * Serves the four subgraphs of The Guild's gateway benchmark over HTTP, each on its own port at
 * /graphql as in the benchmark's federation layout, and composes their supergraph.
 */
export async function startFederationBenchmarkSubgraphs(
  options: FederationBenchmarkSubgraphsOptions = {},
): Promise<FederationBenchmarkSubgraphs> {
  const host = options.host ?? '127.0.0.1';
  const ports = options.ports ?? [];
  if (ports.length > federationBenchmarkSubgraphs.length) {
    throw new RangeError(
      `Give at most ${federationBenchmarkSubgraphs.length} ports, ` +
        `one for each of ` +
        `${federationBenchmarkSubgraphs.map(({ name }) => name).join(', ')}.`,
    );
  }
  const servers: Server[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      ),
    );
  };

  try {
    const urls: Partial<Record<FederationBenchmarkSubgraphName, string>> = {};
    for (const [index, subgraph] of federationBenchmarkSubgraphs.entries()) {
      const schema = buildSubgraphSchema([{ typeDefs: subgraph.typeDefs, resolvers: subgraph.resolvers }]);
      const server = createServer(createGraphQLRequestListener(schema));
      // Gateways pool keep-alive connections to subgraphs; holding idle ones open longer than the
      // gateways' own idle timeouts stops a request from landing on a socket the server is closing.
      server.keepAliveTimeout = 65_000;
      server.headersTimeout = 66_000;
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(ports[index] ?? 0, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      urls[subgraph.name] = `http://${urlHost(host)}:${(server.address() as AddressInfo).port}/graphql`;
    }

    const composition = composeServices(
      federationBenchmarkSubgraphs.map(({ name, typeDefs }) => ({ name, typeDefs, url: urls[name] })),
    );
    if (composition.errors) {
      throw new Error(
        `The benchmark subgraphs do not compose:\n${composition.errors.map((error) => error.message).join('\n')}`,
      );
    }
    return {
      urls: urls as Record<FederationBenchmarkSubgraphName, string>,
      supergraphSdl: composition.supergraphSdl,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

// A wildcard address is not one a client can dial; an IPv6 literal needs brackets in a URL.
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
