import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { DocumentNode } from 'graphql';

/** The four subgraphs of The Guild's gateway benchmark (graphql-hive/graphql-gateways-benchmark). */
export type FederationBenchmarkSubgraphName = 'accounts' | 'inventory' | 'products' | 'reviews';

/** One benchmark subgraph, in the form buildSubgraphSchema and composeServices take. */
export interface FederationBenchmarkSubgraph {
  name: FederationBenchmarkSubgraphName;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap;
}
