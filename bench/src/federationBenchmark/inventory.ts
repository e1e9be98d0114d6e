// The inventory subgraph of The Guild's gateway benchmark, ported from its Rust source:
// graphql-hive/graphql-gateways-benchmark, federation/subgraphs/inventory/subgraph.rs (commit 00759497),
// an async-graphql service. Same schema, data and resolvers; the descriptions are ours.
import { parse } from 'graphql';
import type { FederationBenchmarkSubgraph } from './FederationBenchmarkSubgraph.ts';

interface StockedProduct {
  upc: string;
  inStock: boolean | null;
  price: number | null;
  weight: number | null;
}

// The Rust INVENTORY table, in its order. It holds no price or weight (None in Rust): the entity
// resolver returns these rows and ignores the price and weight the gateway sends for @requires,
// so shippingEstimate is always null. The benchmark's k6 script expects exactly that.
const inventoryTable: readonly StockedProduct[] = (
  [
    ['1', true],
    ['2', false],
    ['3', false],
    ['4', false],
    ['5', true],
    ['6', true],
    ['7', true],
    ['8', false],
    ['9', true],
  ] as const
).map(([upc, inStock]) => ({ upc, inStock, price: null, weight: null }));

const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])

  """
  A product of The Guild's gateway benchmark (graphql-hive/graphql-gateways-benchmark), ported from its Rust subgraphs:
  products owns it (federation/subgraphs/products/subgraph.rs); inventory and reviews extend it
  (federation/subgraphs/inventory/subgraph.rs, federation/subgraphs/reviews/subgraph.rs).
  """
  type Product @key(fields: "upc") {
    "The benchmark product's code, '1' to '9'."
    upc: String!
    "The benchmark product's weight, from products."
    weight: Int @external
    "The benchmark product's price, from products."
    price: Int @external
    "Whether the benchmark product is in stock. From inventory (federation/subgraphs/inventory/subgraph.rs)."
    inStock: Boolean
    """
    The benchmark's shipping estimate: 0 above a price of 1000, else half the weight. Always null in practice, as in the
    Rust original: inventory resolves the product by upc alone from a table with no price or weight. From inventory
    (federation/subgraphs/inventory/subgraph.rs).
    """
    shippingEstimate: Int @requires(fields: "price weight")
  }
`);

/** The benchmark's inventory subgraph: stock for products 1 to 9 and a shipping estimate. */
export const inventory: FederationBenchmarkSubgraph = {
  name: 'inventory',
  typeDefs,
  resolvers: {
    Product: {
      // Rust find_product_by_id takes only the upc and unwraps the lookup (an unknown upc panics
      // there; here it gives null). The representation's price and weight are dropped on purpose.
      __resolveReference: ({ upc }: { upc: string }) => inventoryTable.find((product) => product.upc === upc) ?? null,
      // Rust shipping_estimate, with i64 division truncating.
      shippingEstimate: ({ price, weight }: StockedProduct) => {
        if (price === null) return null;
        if (price > 1000) return 0;
        return weight === null ? null : Math.trunc(weight / 2);
      },
    },
  },
};
