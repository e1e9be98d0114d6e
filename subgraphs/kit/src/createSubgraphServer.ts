import {
  type BreakGlassDeclaration,
  breakGlassDeclarationOf,
  type Caller,
  correlationIdOf,
  type Logger,
  type TokenVerifier,
  catalogedCodeOf,
  createHttpHandler,
  createMemoryRateLimiter,
  createMetricsRegistry,
  graphqlRequestMetrics,
  hideFieldSuggestions,
  LimitedApolloServer,
  rateLimitedError,
  readCostDirectives,
  requestLimitRules,
  requestLogging,
  sendJson,
  traceExtensions,
} from '@joined-up/core';
import type { Registry } from 'prom-client';
import type { IncomingMessage, RequestListener } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { type GraphQLFormattedError, parse } from 'graphql';
import type { SubgraphConfig } from './config.ts';
import { type OpenedDatabase, type Database, pingDatabase } from './openDatabase.ts';
import type { AgencyPolicy } from './access/AgencyPolicy.ts';
import { auditWriting } from './access/auditWriting.ts';
import { createAccessControl, type SubjectFactsLoader } from './access/createAccessControl.ts';
import { createAuditTrail } from './access/createAuditTrail.ts';
import { createRelationshipsElsewhereLoader } from './access/relationshipsElsewhere.ts';
import type { GuardedContext } from './access/guardPersonFields.ts';
import { requireGuardedPersonFields } from './access/requireGuardedPersonFields.ts';
import { scalarResolvers } from './scalarResolvers.ts';
import { subgraphSdl } from './subgraphSdl.ts';
import { governResolvers } from './access/governResolvers.ts';
import { settleEntities } from './settleEntities.ts';
import { checkArguments } from './checkArguments.ts';
import { createSubgraphMetrics, type SubgraphMetrics } from './SubgraphMetrics.ts';
import { defaultSubgraphLimits, type SubgraphLimits } from './subgraphLimits.ts';
import { defaultSchemaReaderRoles, guardSchemaService } from './guardSchemaService.ts';

/** Who runs a subgraph: its service name and the agency's name shown to people in errors. */
export interface Agency {
  /** Service name, as in the supergraph: health, social-care, voluntary-sector. */
  name: string;
  /** The data controller's name, carried in every error this subgraph returns. */
  displayName: string;
}

/** What every resolver receives, built afresh for each request. */
export interface SubgraphContext<TSchema extends Record<string, unknown>, TLoaders> extends GuardedContext {
  /** The gateway's id for this request (x-request-id), unique per request: what the audit is keyed by. */
  requestId: string;
  /** The caller's own id for the request (x-correlation-id from the gateway), kept beside it in the audit. */
  correlationId: string | undefined;
  caller: Caller;
  db: Database<TSchema>;
  loaders: TLoaders;
  logger: Logger;
  agency: Agency;
  /** The emergency this request declared (x-break-glass: one person's NHS number and the reason), if any. */
  breakGlass: BreakGlassDeclaration | undefined;
  /** The subgraph's counters of decisions and audit rows. */
  metrics?: SubgraphMetrics;
  /** The relay of the agency's outbox, told when a write has committed events. */
  outbox?: { wake(): void };
}

/** How an agency decides who sees what: its policy and the facts its data holds. */
export interface AgencyAccess<TSchema extends Record<string, unknown>> {
  policy: AgencyPolicy;
  /** Loads relationships, sharing decisions and delegations for the caller and many people at once. */
  loadSubjectFacts: (db: Database<TSchema>) => SubjectFactsLoader;
}

export interface SubgraphServerOptions<TSchema extends Record<string, unknown>, TLoaders> {
  agency: Agency;
  /** The agency's own SDL; the shared SDL is prepended. */
  typeDefs: string;
  resolvers: GraphQLResolverMap<SubgraphContext<TSchema, TLoaders>>;
  database: OpenedDatabase<TSchema>;
  verifyToken: TokenVerifier;
  /** Makes the request's DataLoaders; called once per request so caches never cross callers. */
  createLoaders: (db: Database<TSchema>) => TLoaders;
  logger: Logger;
  environment: SubgraphConfig['environment'];
  access: AgencyAccess<TSchema>;
  /** The partnership's sectors (JOINED_UP_SECTORS): what a person's sharing decisions may name. */
  sectors: readonly string[];
  /** The relay of the agency's outbox, when it publishes to an event engine. */
  outbox?: { wake(): void };
  /** Overrides of the subgraph's own limits. @default defaultSubgraphLimits */
  limits?: Partial<SubgraphLimits>;
  /** Roles that may read `_service { sdl }` in production. @default ['schema-reader'] */
  schemaReaderRoles?: readonly string[];
  /**
   * The gateway's GraphQL URL (JOINED_UP_GATEWAY_URL), through which the policy's rules read the
   * relationships other agencies record; a function, as in one process the gateway starts after
   * its agencies. Unset, the agency decides on its own data alone.
   */
  gatewayUrl?: (() => string | undefined) | undefined;
  /** How long to wait for those relationships. @default defaultRelationshipsTimeoutMs */
  relationshipsTimeoutMs?: number | undefined;
}

/** A subgraph ready to listen: its HTTP listener and the Apollo Server behind it. */
export interface SubgraphServer {
  listener: RequestListener;
  apollo: ApolloServer<never>;
  /** The subgraph's Prometheus metrics, served at /metrics. */
  metrics: Registry;
  /** Says the subgraph is stopping: /ready answers 503 from now on. */
  beginDraining(): void;
  stop(): Promise<void>;
}

/**
 * Builds an agency subgraph: Federation schema, per-request context with a verified caller,
 * errors tagged with the agency, and /health. Every GraphQL request, `_entities` and
 * `_service` included, needs a valid token: subgraphs never trust the network.
 */
export async function createSubgraphServer<TSchema extends Record<string, unknown>, TLoaders>(
  options: SubgraphServerOptions<TSchema, TLoaders>,
): Promise<SubgraphServer> {
  type Context = SubgraphContext<TSchema, TLoaders>;
  const { agency, logger } = options;
  const production = options.environment === 'production';
  const typeDefs = parse(subgraphSdl(agency, options.typeDefs));
  requireGuardedPersonFields(typeDefs, options.access.policy);
  const resolvers = governResolvers(
    options.resolvers as never,
    typeDefs,
    agency,
    options.access.policy,
    options.sectors,
  );
  const loadSubjectFacts = options.access.loadSubjectFacts(options.database.db);
  const gatewayUrl = options.gatewayUrl;
  const loadElsewhere = gatewayUrl
    ? createRelationshipsElsewhereLoader({
        agencyName: agency.name,
        policy: options.access.policy,
        gatewayUrl,
        logger,
        ...(options.relationshipsTimeoutMs ? { timeoutMs: options.relationshipsTimeoutMs } : {}),
      })
    : undefined;
  const schema = buildSubgraphSchema([{ typeDefs, resolvers: { ...scalarResolvers, ...resolvers } as never }]);
  settleEntities(schema);
  checkArguments(schema);
  const registry = createMetricsRegistry(agency.name);
  const metrics = createSubgraphMetrics(registry, agency.name);
  const limits: SubgraphLimits = { ...defaultSubgraphLimits, ...options.limits };
  const rateLimiter = createMemoryRateLimiter(limits.rateLimit);
  // The subgraph measures every request itself, as the gateway does: a caller who reaches it
  // directly, with a valid token, meets the same kind of limits (subgraphLimits says how large).
  const apollo = new LimitedApolloServer<Context>(
    {
      schema,
      validationRules: requestLimitRules(limits, readCostDirectives(typeDefs)),
      introspection: !production,
      includeStacktraceInErrorResponses: false,
      // Whoever runs the subgraph stops it (runSubgraphMain on SIGINT and SIGTERM, closing the HTTP
      // server and the database). Apollo's own signal handler would race that stop, as the gateway's did.
      stopOnTerminationSignals: false,
      // Inline tracing serves Apollo Studio, which this project does not use; it would only add bytes.
      plugins: [
        ApolloServerPluginLandingPageDisabled(),
        ApolloServerPluginInlineTraceDisabled(),
        requestLogging<Context>(logger),
        graphqlRequestMetrics<Context>(registry),
        auditWriting<Context>(logger, metrics),
        ...(production ? [guardSchemaService<Context>(options.schemaReaderRoles ?? defaultSchemaReaderRoles)] : []),
      ],
      // Outside development an unexpected error's words stay in the logs: a failed statement's
      // message holds its SQL (drizzle's "Failed query: select ..."), tests and fuzzing included.
      // In production graphql-js's "Did you mean ...?" would spell out, name by name, the schema
      // that introspection is off to keep.
      formatError: (formatted, error) => {
        const tagged = tagWithAgency(formatted, error, agency, options.environment !== 'development');
        return production ? hideFieldSuggestions(tagged) : tagged;
      },
    },
    limits,
  );
  await apollo.start();
  let draining = false;
  const listener = createHttpHandler<Context>({
    apollo,
    logger,
    metrics: registry,
    maxBodyBytes: limits.maxBodyBytes,
    context: async (request: IncomingMessage, requestId: string) => {
      const caller = await options.verifyToken(request.headers.authorization);
      // Per caller, not per connection: the gateway's connections carry every caller's requests.
      const decision = await rateLimiter.hit(caller.subject);
      if (!decision.allowed) {
        logger.warn({ requestId, caller: caller.subject, limit: decision.limit }, 'rate limited');
        throw rateLimitedError(decision);
      }
      const breakGlass = breakGlassDeclarationOf(request.headers);
      const correlationId = correlationIdOf(request, 'x-correlation-id');
      return {
        requestId,
        correlationId,
        caller,
        db: options.database.db,
        loaders: options.createLoaders(options.database.db),
        logger: logger.child({ requestId }),
        agency,
        breakGlass,
        metrics,
        ...(options.outbox ? { outbox: options.outbox } : {}),
        audit: createAuditTrail(caller, requestId, correlationId),
        access: createAccessControl({
          policy: options.access.policy,
          caller,
          agencyName: agency.displayName,
          loadFacts: loadSubjectFacts,
          breakGlass,
          onDecision: metrics.decided,
          loadElsewhere: loadElsewhere && ((who, nhsNumbers) => loadElsewhere(who, nhsNumbers, requestId)),
        }),
      };
    },
    routes: {
      // Liveness: the process serves. The database is not asked, so an orchestrator never
      // restarts a subgraph because its database is away; readiness says that.
      '/health': (_request, response) => {
        sendJson(response, 200, { status: 'ok', service: agency.name, database: options.database.engine });
      },
      // Readiness: the database answers and the subgraph is not stopping.
      '/ready': async (_request, response) => {
        const body = { service: agency.name, database: options.database.engine };
        if (draining) return sendJson(response, 503, { status: 'draining', ...body });
        try {
          await pingDatabase(options.database.db as Database<Record<string, unknown>>);
          sendJson(response, 200, { status: 'ready', ...body });
        } catch {
          sendJson(response, 503, { status: 'unavailable', ...body });
        }
      },
    },
  });
  return {
    listener,
    apollo: apollo as unknown as ApolloServer<never>,
    metrics: registry,
    beginDraining: () => {
      draining = true;
    },
    stop: async () => {
      await apollo.stop();
      await rateLimiter.close();
    },
  };
}

function tagWithAgency(
  formatted: GraphQLFormattedError,
  error: unknown,
  agency: Agency,
  masked: boolean,
): GraphQLFormattedError {
  const extensions: Record<string, unknown> = {
    ...formatted.extensions,
    // A request limit's QUERY_TOO_COMPLEX stays itself, not GRAPHQL_VALIDATION_FAILED.
    ...(formatted.extensions?.['code'] === undefined
      ? {}
      : { code: catalogedCodeOf(formatted.extensions['code'], error) }),
    agency: agency.displayName,
    serviceName: agency.name,
    ...traceExtensions(),
  };
  delete extensions['stacktrace'];
  delete extensions['http'];
  // Unexpected failures may carry SQL or internals in their message; in production they are
  // replaced by a generic message, and the request id in the logs leads to the detail.
  const unexpected = extensions['code'] === 'INTERNAL_SERVER_ERROR' || extensions['code'] === undefined;
  if (masked && unexpected) {
    return {
      message: 'Something failed on our side.',
      path: formatted.path,
      extensions: { ...extensions, code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  // In development the words stay, to help, but never the SQL: a failed statement's message is
  // drizzle's "Failed query: <sql> params: <values>"; the database's own reason is its cause.
  if (unexpected && /Failed query:/i.test(formatted.message)) {
    return {
      message: `Something failed on our side: ${rootCauseMessage(error) ?? 'a database statement failed'}.`,
      path: formatted.path,
      extensions: { ...extensions, code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  return { ...formatted, extensions };
}

/** The message of the innermost cause that is not itself a wrapper carrying the SQL. */
function rootCauseMessage(error: unknown): string | undefined {
  let current: unknown = error;
  let found: string | undefined;
  for (let depth = 0; depth < 10 && current instanceof Error; depth += 1) {
    if (!/Failed query:/i.test(current.message)) found = current.message;
    current = (current as { originalError?: unknown }).originalError ?? current.cause;
  }
  return found && !/\b(select|insert|update|delete)\b.*\b(from|into|set)\b/is.test(found) ? found : undefined;
}
