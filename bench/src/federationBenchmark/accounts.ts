// The accounts subgraph of The Guild's gateway benchmark, ported from its Rust source:
// graphql-hive/graphql-gateways-benchmark, federation/subgraphs/accounts/subgraph.rs (commit 00759497),
// an async-graphql service. Same schema, data and resolvers; the descriptions are ours.
import { parse } from 'graphql';
import type { FederationBenchmarkSubgraph } from './FederationBenchmarkSubgraph.ts';

interface User {
  id: string;
  name: string | null;
  username: string | null;
  birthday: number | null;
}

// The Rust USERS table, in its order.
const usersTable: readonly User[] = [
  { id: '1', name: 'Uri Goldshtein', username: 'urigo', birthday: 1234567890 },
  { id: '2', name: 'Dotan Simha', username: 'dotansimha', birthday: 1234567890 },
  { id: '3', name: 'Kamil Kisiela', username: 'kamilkisiela', birthday: 1234567890 },
  { id: '4', name: 'Arda Tanrikulu', username: 'ardatan', birthday: 1234567890 },
  { id: '5', name: 'Gil Gardosh', username: 'gilgardosh', birthday: 1234567890 },
  { id: '6', name: 'Laurin Quast', username: 'laurin', birthday: 1234567890 },
];

const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])

  """
  Entry points of The Guild's gateway benchmark (graphql-hive/graphql-gateways-benchmark), ported from its Rust
  subgraphs under federation/subgraphs/.
  """
  type Query {
    "The benchmark's current user: always user 1, 'urigo'. From accounts (federation/subgraphs/accounts/subgraph.rs)."
    me: User
    """
    The benchmark user with this id, or null when there is none. From accounts
    (federation/subgraphs/accounts/subgraph.rs).
    """
    user("The benchmark user's id, '1' to '6'." id: ID!): User
    "All six benchmark users, in order. From accounts (federation/subgraphs/accounts/subgraph.rs)."
    users: [User]
  }

  """
  A user of The Guild's gateway benchmark (graphql-hive/graphql-gateways-benchmark), ported from its Rust subgraphs:
  accounts owns it (federation/subgraphs/accounts/subgraph.rs) and reviews extends it
  (federation/subgraphs/reviews/subgraph.rs).
  """
  type User @key(fields: "id") {
    "The benchmark user's id: '1' to '6' in accounts."
    id: ID!
    "The benchmark user's full name."
    name: String
    "The benchmark user's handle. Reviews provides it on Review.author, where it is always 'urigo'."
    # Shareable because reviews resolves it too, through @provides; Federation 2 requires the mark.
    username: String @shareable
    "The benchmark user's birthday as a number: 1234567890 for every user."
    birthday: Int
  }
`);

/** The benchmark's accounts subgraph: users 1 to 6. */
export const accounts: FederationBenchmarkSubgraph = {
  name: 'accounts',
  typeDefs,
  resolvers: {
    Query: {
      me: () => usersTable[0],
      user: (_source: unknown, { id }: { id: string }) => usersTable.find((user) => user.id === id) ?? null,
      users: () => usersTable,
    },
    User: {
      // The Rust entity resolver unwraps the lookup, so an unknown id panics there; here it gives null.
      __resolveReference: ({ id }: { id: string }) => usersTable.find((user) => user.id === id) ?? null,
    },
  },
};
