import { accounts } from './accounts.ts';
import type { FederationBenchmarkSubgraph } from './FederationBenchmarkSubgraph.ts';
import { inventory } from './inventory.ts';
import { products } from './products.ts';
import { reviews } from './reviews.ts';

/** The benchmark's four subgraphs, in the order of its published supergraph (ports 4001 to 4004 there). */
export const federationBenchmarkSubgraphs: readonly FederationBenchmarkSubgraph[] = [
  accounts,
  inventory,
  products,
  reviews,
];
