// What the gateway and every agency's service share, and neither owns: verified callers, the
// one error catalog, the HTTP handler, logging and configuration parsing.

export type { Caller, CallerOrganisation, Sector } from './Caller.ts';
export {
  configurationError,
  developmentIdentity,
  isUrl,
  loadIdentityConfig,
  parseEnvironment,
  parseHost,
  parseOtlpEndpoint,
  parsePort,
  type Env,
  type Environment,
  type IdentityConfig,
} from './config.ts';
export { breakGlassDeclarationOf, breakGlassHeader, type BreakGlassDeclaration } from './breakGlassDeclarationOf.ts';
export { cacheVerifiedTokens, type VerifiedTokenCacheOptions } from './cacheVerifiedTokens.ts';
export {
  createHttpHandler,
  requestIdOf,
  correlationIdOf,
  requestTargetOf,
  sendError,
  sendJson,
  traceExtensions,
  type HttpHandlerOptions,
  type HttpRoute,
} from './createHttpHandler.ts';
export { createLogger, type Logger } from './createLogger.ts';
export { hideFieldSuggestions } from './hideFieldSuggestions.ts';
export { installCrashSafetyNet, type CrashSafetyNetOptions } from './installCrashSafetyNet.ts';
export { currentRequestScope, runInRequestScope, type RequestScope } from './requestContext.ts';
export { callerFromClaims, createTokenVerifier, type TokenVerifier } from './createTokenVerifier.ts';
export {
  createError,
  createRequestError,
  type ErrorCode,
  type ErrorCodeEntry,
  errorCodes,
  type ErrorDetails,
  type HttpStatusOf,
  httpStatusOf,
  type RequestErrorCode,
} from './errorCodes.ts';
export { listen, type RunningServer } from './listen.ts';
export { isValidNhsNumber, nhsCheckDigit, requireNhsNumber } from './nhsNumber.ts';
export {
  defaultClaimMappings,
  loadExternalIssuers,
  type ClaimMapping,
  type ExternalIssuer,
  type IssuerKind,
} from './loadExternalIssuers.ts';
export { requestLogging } from './requestLogging.ts';
export {
  createMetricsRegistry,
  graphqlRequestMetrics,
  latencyBuckets,
  metricsRoute,
  operationLabel,
} from './telemetry/metrics.ts';
export { startTracing, type Tracing, type TracingOptions } from './telemetry/startTracing.ts';
export {
  currentTraceIds,
  errorTypeOf,
  inSpan,
  tracerName,
  tracingEnabled,
  type SpanOptions,
} from './telemetry/tracing.ts';
export {
  topics,
  type CareEvent,
  type CareNotification,
  type EventEngine,
  type Stoppable,
  type Topic,
} from './events/EventEngine.ts';
export { createEventEngine } from './events/createEventEngine.ts';
export { createInProcessEngine } from './events/createInProcessEngine.ts';
export { createNatsEngine, type NatsEngineOptions } from './events/createNatsEngine.ts';
export { catalogedCodeOf } from './limits/catalogedCodeOf.ts';
export { createMemoryRateLimiter } from './limits/createMemoryRateLimiter.ts';
export { LimitedApolloServer } from './limits/LimitedApolloServer.ts';
export { TrustedDocuments, type ResolvedRequest, type TrustedDocumentsOptions } from './limits/TrustedDocuments.ts';
export { measureOperation, type OperationMeasures } from './limits/measureOperation.ts';
export { estimateCost, type CostEstimateOptions } from './limits/estimateCost.ts';
export {
  noCostDirectives,
  readCostDirectives,
  type CostDirectives,
  type ListSize,
} from './limits/readCostDirectives.ts';
export {
  defaultRateLimit,
  defaultUnauthenticatedRateLimit,
  rateLimitDecision,
  rateLimitedError,
  type RateLimit,
  type RateLimitDecision,
  type RateLimiter,
} from './limits/RateLimiter.ts';
export { type HttpRequestLimits, refuseOversizedRequest } from './limits/refuseOversizedRequest.ts';
export {
  countTokens,
  defaultRequestLimits,
  queryTooComplex,
  requestLimitRules,
  type Measure,
  type RequestLimits,
} from './limits/requestLimits.ts';
