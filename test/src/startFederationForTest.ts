import { generateSigningKey, type SigningKey } from '@joined-up/dev';
import { type Federation, type FederationOptions, startFederation } from '@joined-up/dev/federation';
import { auditEvents } from '@joined-up/kit';
import { directorySubgraph } from '@joined-up/schema';
import { eq } from 'drizzle-orm';
import { createAgenciesAnswering } from './agenciesAnswering.ts';
import { graphqlRequest, type GraphQLResult } from './graphqlRequest.ts';
import { signTestToken } from './signTestToken.ts';
import { startHiveGateway } from './startHiveGateway.ts';
import { testAudience, testIssuer } from './startIdentityProvider.ts';

/** The whole federation on free ports with in-memory databases, for one end-to-end test file. */
export interface TestFederation {
  federation: Federation;
  key: SigningKey;
  gatewayUrl: string;
  /** Runs an operation through the gateway as a demo user (no token when `as` is undefined). */
  query<TData = Record<string, unknown>>(
    as: string | undefined,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResult<TData>>;
  /** Statements each agency's database has run so far. */
  statementCounts(): Record<string, number>;
  tokenFor(username: string): Promise<string>;
  /** How many (request, agency) answers of person data were checked, and those not audited. */
  unauditedReads(): Promise<{ checked: number; missing: string[] }>;
  stop(): Promise<void>;
}

export async function startFederationForTest(
  options: {
    people?: number;
    without?: string[];
    gateway?: FederationOptions['gateway'];
    subgraphLimits?: FederationOptions['subgraphLimits'];
    /**
     * Which gateway the test's requests go through: ours, or Hive Gateway on the Rust query planner
     * with its committed configuration, in front of the same subgraphs. @default 'joined-up'
     */
    engine?: 'joined-up' | 'hive';
    /** Real OIDC issuers accepted beside the test identity provider. */
    externalIssuers?: FederationOptions['externalIssuers'];
    /** Every service's environment: development keeps an unexpected error's words. @default 'test' */
    environment?: 'development' | 'test';
  } = {},
): Promise<TestFederation> {
  const key = await generateSigningKey();
  const federation = await startFederation({
    people: options.people ?? 300,
    key,
    issuer: testIssuer,
    audience: testAudience,
    environment: options.environment ?? 'test',
    logLevel: 'silent',
    // A loaded CI machine can take longer than production's 1.5 s to answer an agency's question
    // about relationships recorded elsewhere; a suite's answers must not depend on the machine's load.
    relationshipsTimeoutMs: 15_000,
    ...(options.without ? { without: options.without } : {}),
    ...(options.gateway ? { gateway: options.gateway } : {}),
    ...(options.subgraphLimits ? { subgraphLimits: options.subgraphLimits } : {}),
    ...(options.externalIssuers ? { externalIssuers: options.externalIssuers } : {}),
  });
  const hive =
    options.engine === 'hive'
      ? await startHiveGateway(
          Object.fromEntries([
            ...Object.entries(federation.subgraphs).map(([name, subgraph]) => [name, subgraph.url]),
            // Hive Gateway reaches the directory (person, people) over HTTP; ours runs it in-process.
            [directorySubgraph.name, federation.directory.url],
          ]),
        ).catch(async (error: unknown) => {
          await federation.stop();
          throw error;
        })
      : undefined;
  const gatewayUrl = hive?.url ?? federation.gateway.url;
  const tokenFor = (username: string) => signTestToken(key, username);
  // Every response through the gateway is kept, so a suite can check that each read of person
  // data was audited by the agency that answered it.
  const answered: Array<{ requestId: string; agencies: Set<string> }> = [];
  const agenciesAnswering = createAgenciesAnswering();
  let counter = 0;
  return {
    federation,
    key,
    gatewayUrl,
    query: async (as, query, variables, headers) => {
      const requestId = headers?.['x-request-id'] ?? `e2e-${process.pid}-${(counter += 1)}`;
      const result = await graphqlRequest(gatewayUrl, {
        query,
        variables: variables ?? {},
        token: as === undefined ? undefined : await tokenFor(as),
        headers: { ...headers, 'x-request-id': requestId },
      });
      // The gateway's own id, which the agencies' audits are keyed by (the test's is only a correlation id).
      const audited = result.headers.get('x-request-id') ?? requestId;
      answered.push({ requestId: audited, agencies: agenciesAnswering(query, result.body.data) });
      return result as never;
    },
    unauditedReads: async () => {
      const missing: string[] = [];
      let checked = 0;
      for (const { requestId, agencies } of answered) {
        for (const agency of agencies) {
          const subgraph = federation.subgraphs[agency];
          if (!subgraph) continue;
          checked += 1;
          const rows = await subgraph.database.db
            .select({ id: auditEvents.id })
            .from(auditEvents)
            .where(eq(auditEvents.requestId, requestId))
            .limit(1);
          if (rows.length === 0) missing.push(`${requestId} in ${agency}`);
        }
      }
      return { checked, missing };
    },
    statementCounts: () =>
      Object.fromEntries(
        Object.entries(federation.subgraphs).map(([name, subgraph]) => [name, subgraph.database.statements.count]),
      ),
    tokenFor,
    stop: async () => {
      await hive?.stop();
      await federation.stop();
    },
  };
}
