// The kit's public surface: what every agency subgraph uses. Everything else is internal.
export type { Caller, CallerOrganisation, Sector } from './Caller.ts';
export { type IdentityConfig, type SubgraphConfig, developmentIdentity, loadSubgraphConfig, loadIdentityConfig, parsePort, parseEnvironment, configurationError } from './config.ts';
export { createHttpHandler, requestIdOf, sendError, sendJson, type HttpRoute } from './createHttpHandler.ts';
export { createListLoader, createRowLoader } from './createListLoader.ts';
export { createLogger, type Logger } from './createLogger.ts';
export { createSubgraphServer, subgraphTypeDefs, type Agency, type SubgraphContext, type SubgraphServer } from './createSubgraphServer.ts';
export { createTokenVerifier, callerFromClaims, type TokenVerifier } from './createTokenVerifier.ts';
export { createError, createRequestError, errorCodes, hasErrorCode, type ErrorCode } from './errorCodes.ts';
export { listen, type RunningServer } from './listen.ts';
export { isValidNhsNumber, nhsCheckDigit, requireNhsNumber } from './nhsNumber.ts';
export { openDatabase, pingDatabase, type Database, type OpenedDatabase } from './openDatabase.ts';
export { decodeCursor, encodeCursor, pageSize, toConnection, maxPageSize, type Connection, type CursorPosition } from './pagination.ts';
export { runSubgraph, type SubgraphModule, type RunSubgraphOptions, type RunningSubgraph, type SeedProgress } from './runSubgraph.ts';
export { sharedTypeDefs } from './sharedTypeDefs.ts';
export { seedRuns, lastSeedSize, recordSeed } from './seedRuns.ts';
export { provenanceColumns, provenanceOf, recordedBy, type ProvenanceRow, type Recorder } from './provenanceColumns.ts';
