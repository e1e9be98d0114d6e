// Test infrastructure shared by integration and end-to-end tests (private package).
export { createPostgresDatabase, postgresAdminUrl, type TestPostgresDatabase } from './createPostgresDatabase.ts';
export { graphqlRequest, type GraphQLResult } from './graphqlRequest.ts';
export { startIdentityProvider, testAudience, testIssuer, type TestIdentityProvider } from './startIdentityProvider.ts';
export { startSubgraphForTest, type TestEngine, type TestSubgraph } from './startSubgraphForTest.ts';
export { badTokens, signTestToken } from './signTestToken.ts';
export {
  cis2StyleClaims,
  nhsLoginStyleClaims,
  type OidcIssuer,
  staffRoleCodes,
  startOidcIssuer,
} from './startOidcIssuer.ts';
