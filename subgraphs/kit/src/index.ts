// The kit's public surface: what every agency subgraph uses. Everything else is internal.

// Running a subgraph: configuration, the module an agency provides, server, logging.
export type { Caller, CallerOrganisation, Sector } from './Caller.ts';
export {
  configurationError,
  defaultSeedPeople,
  developmentIdentity,
  loadIdentityConfig,
  loadSubgraphConfig,
  parseEnvironment,
  parsePort,
  parseSeed,
  type IdentityConfig,
  type SubgraphConfig,
} from './config.ts';
export { createHttpHandler, sendError, sendJson, type HttpRoute } from './createHttpHandler.ts';
export { createLogger, type Logger } from './createLogger.ts';
export {
  createSubgraphServer,
  subgraphTypeDefs,
  type Agency,
  type AgencyAccess,
  type SubgraphContext,
  type SubgraphServer,
} from './createSubgraphServer.ts';
export { cacheVerifiedTokens, type VerifiedTokenCacheOptions } from './cacheVerifiedTokens.ts';
export { createTokenVerifier, type TokenVerifier } from './createTokenVerifier.ts';
export { listen, type RunningServer } from './listen.ts';
export { requestLogging } from './requestLogging.ts';
export {
  runSubgraph,
  type RunningSubgraph,
  type RunSubgraphOptions,
  type SeedProgress,
  type SubgraphModule,
} from './runSubgraph.ts';
export { runSubgraphMain } from './runSubgraphMain.ts';
export { sharedTypeDefs } from './sharedTypeDefs.ts';

// Errors and input.
export { createError, createRequestError, errorCodes, type ErrorCode } from './errorCodes.ts';
export { isValidNhsNumber, nhsCheckDigit, requireNhsNumber } from './nhsNumber.ts';
export { requireEntityId } from './requireEntityId.ts';

// Data: the database, batched loading, pagination, provenance, seeding, dates.
export { addDays } from './addDays.ts';
export { createListLoader, createRowLoader } from './createListLoader.ts';
export { createNewestFirstPageLoader, type NewestFirstColumns } from './createNewestFirstPageLoader.ts';
export { openDatabase, type Database, type OpenedDatabase } from './openDatabase.ts';
export {
  decodeCursor,
  encodeCursor,
  isIsoDate,
  isTimestamp,
  pageSize,
  toConnection,
  type Connection,
  type CursorPosition,
} from './pagination.ts';
export {
  provenanceColumns,
  provenanceOf,
  recordedBy,
  withProvenance,
  type ProvenanceRow,
  type Recorder,
} from './provenanceColumns.ts';
export { recordSeed, seedRuns } from './seedRuns.ts';
export { newestFirst, timelineEntry, type TimelineEntry, type TimelineEntryKind } from './timelineEntry.ts';

// Information governance: policy, the tables every agency holds, enforcement, audit.
export { definePolicy, type AgencyPolicy, type PolicyRule, type SubjectFacts } from './access/AgencyPolicy.ts';
export { auditAppendOnlySql, auditEvents } from './access/auditEvents.ts';
export { auditRow } from './access/createAuditTrail.ts';
export { careTeam, careTeamMember } from './access/careTeam.ts';
export { delegations, sharingDecisions } from './access/consentTables.ts';
export type { AccessControl, Granted, SubjectFactsLoader } from './access/createAccessControl.ts';
export { decideAccess, type AccessDecision } from './access/decideAccess.ts';
export { governanceResolvers } from './access/governanceResolvers.ts';
export { allowedParts, guardPersonFields, withholdSensitive, type GuardedContext } from './access/guardPersonFields.ts';
export { loadConsentFacts } from './access/loadConsentFacts.ts';
export { guardScopes, policyCategories, scopeRequirements, type FieldCategories } from './access/schemaRequirements.ts';
