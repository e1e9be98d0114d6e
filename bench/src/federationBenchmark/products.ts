// The products subgraph of The Guild's gateway benchmark, ported from its Rust source:
// graphql-hive/graphql-gateways-benchmark, federation/subgraphs/products/subgraph.rs (commit 00759497),
// an async-graphql service. Same schema, data and resolvers; the descriptions are ours.
import { parse } from 'graphql';
import type { FederationBenchmarkSubgraph } from './FederationBenchmarkSubgraph.ts';

interface Product {
  upc: string;
  name: string | null;
  price: number | null;
  weight: number | null;
}

// The Rust PRODUCTS table, in its order.
const productsTable: readonly Product[] = [
  { upc: '1', name: 'Table', price: 899, weight: 100 },
  { upc: '2', name: 'Couch', price: 1299, weight: 1000 },
  { upc: '3', name: 'Glass', price: 15, weight: 20 },
  { upc: '4', name: 'Chair', price: 499, weight: 100 },
  { upc: '5', name: 'TV', price: 1299, weight: 1000 },
  { upc: '6', name: 'Lamp', price: 6999, weight: 300 },
  { upc: '7', name: 'Grill', price: 3999, weight: 2000 },
  { upc: '8', name: 'Fridge', price: 100000, weight: 6000 },
  { upc: '9', name: 'Sofa', price: 9999, weight: 800 },
];

const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  """
  Entry points of The Guild's gateway benchmark (graphql-hive/graphql-gateways-benchmark), ported from its Rust
  subgraphs under federation/subgraphs/.
  """
  type Query {
    "The first benchmark products, in table order. From products (federation/subgraphs/products/subgraph.rs)."
    topProducts(
      "How many products: 5 when omitted or null; a negative count gives all nine, as the Rust cast to usize does."
      first: Int = 5
    ): [Product]
  }

  """
  A product of The Guild's gateway benchmark (graphql-hive/graphql-gateways-benchmark), ported from its Rust subgraphs:
  products owns it (federation/subgraphs/products/subgraph.rs); inventory and reviews extend it
  (federation/subgraphs/inventory/subgraph.rs, federation/subgraphs/reviews/subgraph.rs).
  """
  type Product @key(fields: "upc") {
    "The benchmark product's code, '1' to '9'."
    upc: String!
    "The benchmark product's name."
    name: String
    "The benchmark product's price, from products."
    price: Int
    "The benchmark product's weight, from products."
    weight: Int
  }
`);

/** The benchmark's products subgraph: products 1 to 9 with names, prices and weights. */
export const products: FederationBenchmarkSubgraph = {
  name: 'products',
  typeDefs,
  resolvers: {
    Query: {
      // Rust: take(first.unwrap_or(5) as usize); a negative i32 cast to usize is huge, so it takes all.
      topProducts: (_source: unknown, { first }: { first: number | null }) => {
        const count = first ?? 5;
        return count < 0 ? productsTable : productsTable.slice(0, count);
      },
    },
    Product: {
      // The Rust entity resolver unwraps the lookup, so an unknown upc panics there; here it gives null.
      __resolveReference: ({ upc }: { upc: string }) => productsTable.find((product) => product.upc === upc) ?? null,
    },
  },
};
