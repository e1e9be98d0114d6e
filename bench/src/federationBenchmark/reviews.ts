// The reviews subgraph of The Guild's gateway benchmark, ported from its Rust source:
// graphql-hive/graphql-gateways-benchmark, federation/subgraphs/reviews/subgraph.rs (commit 00759497),
// an async-graphql service. Same schema, data and resolvers; the descriptions are ours.
import { parse } from 'graphql';
import type { FederationBenchmarkSubgraph } from './FederationBenchmarkSubgraph.ts';

interface Review {
  id: string;
  body: string | null;
  product: { upc: string } | null;
}

const loremIpsum =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed ' +
  'do eiusmod tempor incididunt ut labore et dolore magna ' +
  'aliqua. Ut enim ad minim veniam, quis nostrud exercitation ' +
  'ullamco laboris nisi ut aliquip ex ea commodo consequat. ' +
  'Duis aute irure dolor in reprehenderit in voluptate velit ' +
  'esse cillum dolore eu fugiat nulla pariatur. Excepteur sint ' +
  'occaecat cupidatat non proident, sunt in culpa qui officia ' +
  'deserunt mollit anim id est laborum.';
const sedUtPerspiciatis =
  'Sed ut perspiciatis unde omnis iste natus error sit ' +
  'voluptatem accusantium doloremque laudantium, totam rem ' +
  'aperiam, eaque ipsa quae ab illo inventore veritatis et ' +
  'quasi architecto beatae vitae dicta sunt explicabo. Nemo ' +
  'enim ipsam voluptatem quia voluptas sit aspernatur aut odit ' +
  'aut fugi';
const sedQuiaConsequuntur =
  'sed quia consequuntur magni dolores eos qui ratione ' +
  'voluptatem sequi nesciunt. Neque porro quisquam est, qui ' +
  'dolorem ipsum quia dolor sit amet, consectetur, adipisci ' +
  'velit, sed quia non numquam eius modi tempora incidunt ut ' +
  'labore et dolore magnam aliquam quaerat voluptatem.';
const utEnimAdMinima =
  'Ut enim ad minima veniam, quis nostrum exercitationem ullam ' +
  'corporis suscipit laboriosam, nisi ut aliquid ex ea commodi ' +
  'consequatur? Quis autem';
const atVeroEos =
  'At vero eos et accusamus et iusto odio dignissimos ducimus ' +
  'qui blanditiis praesentium voluptatum deleniti atque ' +
  'corrupti quos dolores et quas molestias excepturi sint ' +
  'occaecati cupiditate non provident, similique sunt in culpa ' +
  'qui officia deserunt mollitia animi, id est laborum et ' +
  'dolorum fuga. Et harum quidem rerum facilis est et expedita ' +
  'distinctio. Nam libero tempore, cum soluta nobis est ' +
  'eligendi optio cumque nihil impedit quo minus id quod maxime ' +
  'placeat facere possimus, omnis voluptas assumenda est, omnis ' +
  'dolor repellendus. Temporibus autem quibusdam et aut ' +
  'officiis debitis aut rerum necessitatibus saepe eveniet ut ' +
  'et voluptates repudiandae sint et molestiae non recusandae. ' +
  'Itaque earum rerum hic tenetur a sapiente delectus, ut aut ' +
  'reiciendis voluptatibus maiores alias consequatur aut ' +
  'perferendis doloribus asperiores repellat.';

// The Rust REVIEWS table, in its order: id, body, the reviewed product's upc.
const reviewsTable: readonly Review[] = (
  [
    ['1', loremIpsum, '1'],
    ['2', sedUtPerspiciatis, '1'],
    ['3', sedQuiaConsequuntur, '1'],
    ['4', utEnimAdMinima, '1'],
    ['5', loremIpsum, '2'],
    ['6', sedUtPerspiciatis, '2'],
    ['7', sedQuiaConsequuntur, '2'],
    ['8', utEnimAdMinima, '2'],
    ['9', utEnimAdMinima, '3'],
    ['10', utEnimAdMinima, '4'],
    ['11', atVeroEos, '4'],
  ] as const
).map(([id, body, upc]) => ({ id, body, product: { upc } }));

// Rust gives every user, whoever they are, REVIEWS[0..2] as their reviews.
const everyUsersReviews = reviewsTable.slice(0, 2);

const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@provides"])

  """
  A review of The Guild's gateway benchmark (graphql-hive/graphql-gateways-benchmark), ported from its Rust subgraph
  reviews (federation/subgraphs/reviews/subgraph.rs).
  """
  type Review @key(fields: "id") {
    "The benchmark review's id, '1' to '11'."
    id: ID!
    "The benchmark review's text, lorem ipsum."
    body: String
    "The benchmark product reviewed."
    product: Product
    "The benchmark review's author: always user 1, 'urigo', whose reviews are reviews 1 and 2, as in the Rust original."
    author: User @provides(fields: "username")
  }

  """
  A user of The Guild's gateway benchmark (graphql-hive/graphql-gateways-benchmark), ported from its Rust subgraphs:
  accounts owns it (federation/subgraphs/accounts/subgraph.rs) and reviews extends it
  (federation/subgraphs/reviews/subgraph.rs).
  """
  type User @key(fields: "id") {
    "The benchmark user's id: '1' to '6' in accounts."
    id: ID!
    "The benchmark user's handle. Reviews provides it on Review.author, where it is always 'urigo'."
    username: String @external
    """
    The benchmark user's reviews: always reviews 1 and 2, whoever the user, as in the Rust original. From reviews
    (federation/subgraphs/reviews/subgraph.rs).
    """
    reviews: [Review]
  }

  """
  A product of The Guild's gateway benchmark (graphql-hive/graphql-gateways-benchmark), ported from its Rust subgraphs:
  products owns it (federation/subgraphs/products/subgraph.rs); inventory and reviews extend it
  (federation/subgraphs/inventory/subgraph.rs, federation/subgraphs/reviews/subgraph.rs).
  """
  type Product @key(fields: "upc") {
    "The benchmark product's code, '1' to '9'."
    upc: String!
    "The benchmark reviews of this product, in table order. From reviews (federation/subgraphs/reviews/subgraph.rs)."
    reviews: [Review]
  }
`);

/** The benchmark's reviews subgraph: reviews 1 to 11, their authors and the reviews of products. */
export const reviews: FederationBenchmarkSubgraph = {
  name: 'reviews',
  typeDefs,
  resolvers: {
    Review: {
      // The Rust entity resolver unwraps the lookup, so an unknown id panics there; here it gives null.
      __resolveReference: ({ id }: { id: string }) => reviewsTable.find((review) => review.id === id) ?? null,
      // Rust: always user 1 with the username it provides, 'urigo'.
      author: () => ({ id: '1', username: 'urigo', reviews: everyUsersReviews }),
    },
    User: {
      // Rust find_user_by_id accepts any id and answers username 'user' (never asked for: it is
      // external here) and the same two reviews.
      __resolveReference: ({ id }: { id: string }) => ({ id, username: 'user', reviews: everyUsersReviews }),
    },
    Product: {
      // Rust find_product_by_id accepts any upc, known or not.
      __resolveReference: ({ upc }: { upc: string }) => ({ upc }),
      reviews: ({ upc }: { upc: string }) => reviewsTable.filter((review) => review.product?.upc === upc),
    },
  },
};
