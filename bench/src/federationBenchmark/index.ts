// The workload of The Guild's gateway benchmark (graphql-hive/graphql-gateways-benchmark): its four
// subgraphs, ported from Rust, and the query its k6 script sends.
export { accounts } from './accounts.ts';
export type { FederationBenchmarkSubgraph, FederationBenchmarkSubgraphName } from './FederationBenchmarkSubgraph.ts';
export { federationBenchmarkOperationName, federationBenchmarkQuery } from './federationBenchmarkQuery.ts';
export { federationBenchmarkSubgraphs } from './federationBenchmarkSubgraphs.ts';
export { inventory } from './inventory.ts';
export { products } from './products.ts';
export { reviews } from './reviews.ts';
export {
  startFederationBenchmarkSubgraphs,
  type FederationBenchmarkSubgraphs,
  type FederationBenchmarkSubgraphsOptions,
} from './startFederationBenchmarkSubgraphs.ts';
