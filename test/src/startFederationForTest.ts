import { generateSigningKey, type SigningKey } from '@joined-up/dev';
import { type Federation, type FederationOptions, startFederation } from '@joined-up/dev/federation';
import { graphqlRequest, type GraphQLResult } from './graphqlRequest.ts';
import { signTestToken } from './signTestToken.ts';
import { testAudience, testIssuer } from './startIdentityProvider.ts';

/** The whole federation on free ports with in-memory databases, for one end-to-end test file. */
export interface TestFederation {
  federation: Federation;
  key: SigningKey;
  gatewayUrl: string;
  /** Runs an operation through the gateway as a demo user (no token when `as` is undefined). */
  query<TData = Record<string, unknown>>(as: string | undefined, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResult<TData>>;
  /** Statements each agency's database has run so far. */
  statementCounts(): Record<string, number>;
  tokenFor(username: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startFederationForTest(options: { people?: number; without?: string[]; gateway?: FederationOptions['gateway'] } = {}): Promise<TestFederation> {
  const key = await generateSigningKey();
  const federation = await startFederation({
    people: options.people ?? 300,
    key,
    issuer: testIssuer,
    audience: testAudience,
    environment: 'test',
    logLevel: 'silent',
    ...(options.without ? { without: options.without } : {}),
    ...(options.gateway ? { gateway: options.gateway } : {}),
  });
  const tokenFor = (username: string) => signTestToken(key, username);
  return {
    federation,
    key,
    gatewayUrl: federation.gateway.url,
    query: async (as, query, variables, headers) =>
      graphqlRequest(federation.gateway.url, { query, variables: variables ?? {}, token: as === undefined ? undefined : await tokenFor(as), ...(headers ? { headers } : {}) }),
    statementCounts: () => Object.fromEntries(Object.entries(federation.subgraphs).map(([name, subgraph]) => [name, subgraph.database.statements.count])),
    tokenFor,
    stop: () => federation.stop(),
  };
}
