import { readSubgraphList } from '@joined-up/schema';
import { createLogger } from '@joined-up/core';
import { type RunningSubgraph, runSubgraph, type SubgraphModule } from '@joined-up/kit';
import { createPostgresDatabase, type TestPostgresDatabase } from './createPostgresDatabase.ts';
import { graphqlRequest, type GraphQLResult } from './graphqlRequest.ts';
import { startIdentityProvider, type TestIdentityProvider } from './startIdentityProvider.ts';

export type TestEngine = 'pglite' | 'postgresql';

/** One agency subgraph on a free port with its own identity provider and database. */
export interface TestSubgraph {
  subgraph: RunningSubgraph;
  idp: TestIdentityProvider;
  /** Runs an operation as a demo user (or with no token when `as` is undefined). */
  query<TData = Record<string, unknown>>(
    as: string | undefined,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResult<TData>>;
  stop(): Promise<void>;
}

/**
 * Starts a subgraph for an integration test on the chosen engine: in-memory PGlite, or a fresh
 * database on the machine's PostgreSQL that is dropped afterwards.
 */
const foundingSectors = ['health', 'social-care', 'voluntary-sector', 'care-coordination'];

export async function startSubgraphForTest<TSchema extends Record<string, unknown>, TLoaders>(
  module: SubgraphModule<TSchema, TLoaders>,
  options: { engine: TestEngine; people?: number },
): Promise<TestSubgraph> {
  const idp = await startIdentityProvider();
  let database: TestPostgresDatabase | undefined;
  if (options.engine === 'postgresql') database = await createPostgresDatabase(`jtest_${module.agency.name}`);
  const subgraph = await runSubgraph(module, {
    port: 0,
    databaseUrl: database?.url,
    identity: idp.identity,
    environment: 'test',
    seed: { people: options.people ?? 300 },
    logger: createLogger(module.agency.name, 'silent'),
    // One agency's tests run in a partnership of their own, so that an agency joining later changes
    // no other agency's tests: the four founding sectors, and the agency's own.
    sectors: [
      ...new Set([
        ...foundingSectors,
        ...readSubgraphList()
          .filter((entry) => entry.name === module.agency.name)
          .map((entry) => entry.sector),
      ]),
    ],
  });
  return {
    subgraph: subgraph as unknown as RunningSubgraph,
    idp,
    query: async (as, query, variables) =>
      graphqlRequest(subgraph.url, {
        query,
        variables: variables ?? {},
        token: as === undefined ? undefined : await idp.tokenFor(as),
      }),
    stop: async () => {
      await subgraph.stop();
      await idp.stop();
      await database?.drop();
    },
  };
}
