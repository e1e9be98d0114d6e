import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApolloGateway, LocalGraphQLDataSource } from '@apollo/gateway';
import { HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import {
  breakGlassDeclarationOf,
  cacheVerifiedTokens,
  correlationIdOf,
  createHttpHandler,
  defaultRateLimit,
  defaultUnauthenticatedRateLimit,
  defaultRequestLimits,
  hideFieldSuggestions,
  LimitedApolloServer,
  noCostDirectives,
  type RateLimit,
  readCostDirectives,
  rateLimitedError,
  type RequestLimits,
  requestLimitRules,
  createMetricsRegistry,
  createTokenVerifier,
  type EventEngine,
  graphqlRequestMetrics,
  type IdentityConfig,
  type Logger,
  requestLogging,
  httpStatusOf,
  type RequestErrorCode,
  sendJson,
  TrustedDocuments,
  type TrustedDocumentsOptions,
} from '@joined-up/core';
import { directorySubgraph, readRegisteredOperations } from '@joined-up/schema';
import type { GraphQLSchema } from 'graphql';
import { Agent } from 'undici';
import { allowCrossOrigin } from './allowCrossOrigin.ts';
import { checkSubgraphHealth } from './checkSubgraphHealth.ts';
import { createDirectorySchema } from './createDirectorySchema.ts';
import { createClientAddress } from './createClientAddress.ts';
import { createRateLimiter } from './createRateLimiter.ts';
import { createSupergraphHook } from './createSupergraphHook.ts';
import { createExplorer } from './explorer/createExplorer.ts';
import { formatGatewayError } from './formatGatewayError.ts';
import { createGatewayMetrics } from './GatewayMetrics.ts';
import type { GatewayContext } from './GatewayContext.ts';
import { JoinedUpDataSource } from './JoinedUpDataSource.ts';
import { AgencyTraffic, defaultTrafficShaping, type TrafficShaping } from './AgencyTraffic.ts';
import { partsRequiredBy, reportMissingParts } from './reportMissingParts.ts';
import { requireResolvedOperation } from './requireResolvedOperation.ts';
import { createSubscriptionService } from './subscriptions/createSubscriptionService.ts';
import { NotificationFeed } from './subscriptions/NotificationFeed.ts';
import { serveSubscriptions } from './subscriptions/serveSubscriptions.ts';
import { SingleFetchPassthrough } from './SingleFetchPassthrough.ts';
import type { SupergraphSource } from './SupergraphSource.ts';
import { validateNhsNumberArguments } from './validateNhsNumberArguments.ts';

/** An agency subgraph as the gateway reaches it. */
export interface GatewaySubgraph {
  name: string;
  displayName: string;
  url: string;
  /** This agency's timeout, over `subgraphTimeoutMs`. */
  timeoutMs?: number;
}

export interface GatewayOptions {
  /**
   * The composed supergraph (schema/supergraph.graphql): `{ sdl }` serves that text as long as the
   * gateway runs; `{ path }` reads the file and takes each new version written to it; `{ url }`
   * fetches it and polls for new versions. A new version that does not build is refused (logged)
   * and the one served keeps serving.
   */
  supergraph: SupergraphSource;
  /** Where each subgraph is; overrides the URLs recorded in the supergraph. */
  subgraphs: GatewaySubgraph[];
  identity: IdentityConfig;
  environment: 'development' | 'production' | 'test';
  logger: Logger;
  /** Largest request body, in bytes. @default 100_000 */
  maxBodyBytes?: number;
  /** How long to wait for an agency, unless its own `timeoutMs` says otherwise. @default 10_000 */
  subgraphTimeoutMs?: number;
  /**
   * The deadline for a whole request, from its start: each call to an agency gets at most what is
   * left, and once it has passed, calls still to come are not made (GATEWAY_TIMEOUT at their paths).
   * @default 15_000
   */
  requestTimeoutMs?: number;
  /** Circuit breakers and retries, for each agency on its own. @default defaultTrafficShaping */
  traffic?: Partial<TrafficShaping>;
  /** The development identity provider, for the explorer's user picker; undefined hides it. */
  identityProviderUrl?: string | undefined;
  /**
   * How large one request may be (depth, aliases, directives, cost, tokens, batch size); each
   * figure left out keeps its default.
   * @default defaultRequestLimits: depth 10, aliases 15, directives 50, cost 10_000, tokens 1_000, batches refused
   */
  limits?: Partial<RequestLimits>;
  /**
   * Requests each caller (token subject) may make per window, counted in Redis when `redisUrl`
   * is set (shared by every replica) and in memory otherwise.
   * @default { limit: 300, windowSeconds: 60 }, in memory
   */
  rateLimit?: Partial<RateLimit> & { redisUrl?: string | undefined };
  /**
   * Requests with no or bad credentials one address may make per window before it is answered 429
   * RATE_LIMITED instead of 401, counted where `rateLimit` counts (Redis when it has `redisUrl`).
   * @default { limit: 30, windowSeconds: 60 }
   */
  unauthenticatedRateLimit?: Partial<RateLimit>;
  /**
   * The proxies in front of the gateway (addresses, CIDR ranges, or `loopback`, `linklocal`,
   * `uniquelocal`) whose `X-Forwarded-For` is believed when counting requests per address.
   * @default none: the connection's own address
   */
  trustedProxies?: readonly string[];
  /** Keep graphql-js's "Did you mean ...?" hints in error messages. @default false in production, true otherwise */
  fieldSuggestions?: boolean;
  /**
   * The operations served by id, and whether operations sent as text must be registered ones.
   * @default every operation registered under schema/operations/, text accepted
   */
  trustedDocuments?: TrustedDocumentsOptions;
  /**
   * Browser origins allowed to call the gateway from their pages (CORS), such as the web app's
   * `http://localhost:3000`; no other origin's page can read an answer. @default none
   */
  allowedOrigins?: readonly string[];
  /**
   * The event engine care coordination delivers notifications on (NATS JetStream, or the
   * in-process engine when every service runs in one process): the `myNotifications` subscription
   * listens to it. Without one, subscriptions are refused with LIVE_UPDATES_UNAVAILABLE.
   */
  events?: EventEngine | undefined;
  /**
   * Answer a query that one agency answers whole with that agency's own answer, when it is exactly
   * what Apollo Gateway's re-shaping would give back (SingleFetchPassthrough); false re-shapes
   * every answer. Either way the client gets the same bytes. @default true
   */
  passthrough?: boolean;
}

export interface Gateway {
  listener: RequestListener;
  /** Connections asking to upgrade: GraphQL subscriptions over WebSocket. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Says the gateway is stopping: /ready answers 503 from now on, so load balancers send no more. */
  beginDraining(): void;
  stop(): Promise<void>;
}

/**
 * Builds the gateway: Apollo Gateway over the supergraph (static, watched or polled), behind token
 * verification, with health and (outside production) the offline explorer. It holds no person data.
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const production = options.environment === 'production';
  const supergraph = createSupergraphHook(options.supergraph, options.logger);
  const agencies = new Map(options.subgraphs.map((subgraph) => [subgraph.name, subgraph.displayName]));
  const byName = new Map(options.subgraphs.map((subgraph) => [subgraph.name, subgraph]));
  // One keep-alive pool for every agency (a connection pool per origin inside). An idle connection
  // is kept as long as the subgraph's Keep-Alive header allows, less a margin, as undici does by default.
  const subgraphConnections = new Agent();
  // One circuit per agency for the gateway's life: a new supergraph builds new data sources, and
  // an agency that is down must not look healthy again because of it.
  const shaping: TrafficShaping = { ...defaultTrafficShaping, ...options.traffic };
  const traffic = new Map(
    options.subgraphs.map((subgraph) => [subgraph.name, new AgencyTraffic(subgraph, shaping, options.logger)]),
  );
  const trafficOf = (name: string, displayName: string): AgencyTraffic => {
    let found = traffic.get(name);
    if (!found) traffic.set(name, (found = new AgencyTraffic({ name, displayName }, shaping, options.logger)));
    return found;
  };
  const registry = createMetricsRegistry('gateway');
  const metrics = createGatewayMetrics(registry, {
    circuits: () => [...traffic].map(([name, agency]) => [name, agency.state]),
    supergraphId: () => supergraph.served()?.id ?? 'none',
  });
  const requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
  // Apollo Gateway reports usage to Apollo and probes cloud metadata addresses unless this is set
  // when it is built. A health and care network sends nothing to a third party, so it is off
  // unless an operator has explicitly turned it on.
  process.env['APOLLO_TELEMETRY_DISABLED'] ??= 'true';
  const directory = createDirectorySchema();
  const passthrough = new SingleFetchPassthrough({ enabled: options.passthrough ?? true, registry });
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.hook,
    // Apollo checks a supergraph fully only outside production by default; one that arrives while
    // the gateway runs is checked everywhere before it replaces the one serving.
    validateSupergraph: true,
    // Apollo Gateway's spans (request, validate, plan, execute, fetch) go to the tracer provider
    // when tracing is on. The document is never an attribute: it holds NHS numbers and names.
    telemetry: { includeDocument: false },
    // Which operations one agency answers whole, from the plans Apollo Gateway builds and caches.
    experimental_didResolveQueryPlan: passthrough.learn,
    buildService: ({ name, url }) => {
      // The entry points by NHS number run here, so a person is reached whichever agency is down.
      if (name === directorySubgraph.name) return passthrough.replaying(new LocalGraphQLDataSource(directory));
      const subgraph = byName.get(name);
      const displayName = subgraph?.displayName ?? name;
      const source = new JoinedUpDataSource({
        name,
        displayName,
        url: subgraph?.url ?? (url as string),
        timeoutMs: subgraph?.timeoutMs ?? options.subgraphTimeoutMs ?? 10_000,
        dispatcher: subgraphConnections,
        traffic: trafficOf(name, displayName),
        metrics,
      });
      return passthrough.replaying(source);
    },
  });
  // Which fields gather other agencies' parts (@requires), for each supergraph as it is served.
  let requiredBy = new Map<string, string[]>();
  // What each field costs (@cost, @listSize), read from the supergraph served, as Apollo Router reads it.
  let costDirectives = noCostDirectives;
  // The schema clients see, which subscriptions are checked against as queries are.
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: served, coreSupergraphSdl }) => {
    apiSchema = served;
    passthrough.servesSchema(served, gateway);
    requiredBy = partsRequiredBy(coreSupergraphSdl);
    costDirectives = readCostDirectives(coreSupergraphSdl);
  });
  const limits: RequestLimits = { ...defaultRequestLimits, ...options.limits };
  const fieldSuggestions = options.fieldSuggestions ?? !production;
  const trusted = new TrustedDocuments(
    options.trustedDocuments ?? {
      documents: readRegisteredOperations().map(({ id, body }) => ({ id, body })),
    },
  );
  // Every limit is checked before any agency is called: batch size and tokens on the raw request,
  // the rate limit once the caller is known, depth, aliases, directives and cost while validating.
  const apollo = new LimitedApolloServer<GatewayContext>(
    {
      gateway: passthrough.around(gateway),
      introspection: !production,
      csrfPrevention: true,
      // Whoever runs the gateway stops it (main.ts on SIGINT and SIGTERM, closing the HTTP server
      // first). Apollo's own signal handler would race that stop, and Apollo Server 5 never settles
      // a stop() called while another is under way: ours hung until Apollo re-sent the signal and
      // the process died of it, the rate limiter and connection pool never closed.
      stopOnTerminationSignals: false,
      includeStacktraceInErrorResponses: false,
      validationRules: requestLimitRules(limits, () => costDirectives),
      plugins: [
        ApolloServerPluginLandingPageDisabled(),
        requireResolvedOperation<GatewayContext>(),
        validateNhsNumberArguments<GatewayContext>(),
        // Before logging and metrics, which count the errors as answered.
        reportMissingParts<GatewayContext>(() => requiredBy),
        requestLogging<GatewayContext>(options.logger),
        graphqlRequestMetrics<GatewayContext>(registry),
      ],
      formatError: (formatted, error) => {
        // Outside development an unexpected error's words are kept for the logs: they may hold SQL.
        const safe = formatGatewayError(formatted, agencies, options.environment !== 'development', error);
        return fieldSuggestions ? safe : hideFieldSuggestions(safe);
      },
    },
    limits,
    trusted,
  );
  const rateLimiter = await createRateLimiter({ ...defaultRateLimit, ...options.rateLimit, logger: options.logger });
  const unauthenticatedLimiter = await createRateLimiter({
    ...defaultUnauthenticatedRateLimit,
    ...options.unauthenticatedRateLimit,
    redisUrl: options.rateLimit?.redisUrl,
    keyPrefix: 'joined-up:unauthenticated:',
    logger: options.logger,
  });
  try {
    await apollo.start();
  } catch (error) {
    await rateLimiter.close();
    await unauthenticatedLimiter.close();
    await subgraphConnections.close();
    throw error;
  }
  options.logger.info(
    {
      supergraph: { ...supergraph.served(), source: supergraph.source },
      trustedDocuments: { registered: trusted.size, refuseUnregistered: trusted.refuseUnregistered },
    },
    'supergraph loaded',
  );
  let draining = false;
  const verifyToken = cacheVerifiedTokens(createTokenVerifier(options.identity));
  const clientAddress = createClientAddress(options.trustedProxies ?? []);
  /**
   * The caller that a request's credentials name. Refused credentials have no caller to count
   * against, so their address is counted: guessing or replaying tokens is slowed as much as a
   * caller's requests are, over HTTP and on the subscription transports alike.
   */
  const verifyRequest = (request: IncomingMessage, authorization: string | undefined, requestId?: string) =>
    verifyToken(authorization).catch(async (error: unknown) => {
      const address = clientAddress(request);
      const refusal = await unauthenticatedLimiter.hit(address);
      if (refusal.allowed) throw error;
      metrics.rateLimited();
      options.logger.warn({ requestId, address, limit: refusal.limit }, 'rate limited without valid credentials');
      throw rateLimitedError(refusal, 'requests without valid credentials from this address');
    });
  const explorer = production
    ? undefined
    : createExplorer({ graphqlPath: '/graphql', identityProviderUrl: options.identityProviderUrl });
  const crossOrigin = allowCrossOrigin(options.allowedOrigins ?? []);
  const feed = options.events ? await NotificationFeed.start(options.events, options.logger) : undefined;
  const subscriptions = serveSubscriptions({
    service: createSubscriptionService({
      schema: () => apiSchema,
      rules: () => requestLimitRules(limits, () => costDirectives),
      isRegistered: (query) => trusted.isRegistered(query),
      refuseUnregistered: trusted.refuseUnregistered,
      verify: verifyToken,
      // Each notification is read as its own request, with its own id in every agency's audit.
      execute: async (document, variables, caller) => {
        const requestId = randomUUID();
        const response = await apollo.executeOperation(
          { query: document, variables },
          {
            contextValue: {
              requestId,
              caller,
              logger: options.logger.child({ requestId, caller: caller.subject }),
              deadlineAt: performance.now() + requestTimeoutMs,
              unavailable: new Map(),
            },
          },
        );
        return response.body.kind === 'single' ? response.body.singleResult : { errors: [] };
      },
      feed,
      logger: options.logger,
    }),
    verify: verifyRequest,
    admit: async (caller) => {
      const decision = await rateLimiter.hit(caller.subject);
      if (!decision.allowed) throw rateLimitedError(decision);
    },
    allowedOrigins: options.allowedOrigins ?? [],
    maxPayloadBytes: options.maxBodyBytes ?? 100_000,
    logger: options.logger,
  });
  // Open subscriptions end when the gateway begins to stop, so that their screens reconnect to
  // another gateway at once and the grace period is left to the requests that will finish.
  let closing: Promise<void> | undefined;
  const closeSubscriptions = () => (closing ??= Promise.all([subscriptions.close(), feed?.stop()]).then(() => {}));
  const listener = createHttpHandler<GatewayContext>({
    apollo,
    logger: options.logger,
    metrics: registry,
    maxBodyBytes: options.maxBodyBytes ?? 100_000,
    // The gateway's own id for every request, unique, whatever the caller sent: the agencies' audits
    // are keyed by it. A caller's x-request-id is kept as its correlation id.
    requestIds: 'own',
    // An event stream names a registered operation by id as an HTTP request does, so a client that
    // sends only ids (the web app) subscribes the same way, and unregistered text is refused alike.
    eventStream: async (request, response, body) => {
      const resolved = trusted.resolve({ method: 'POST', headers: new HeaderMap(), search: '', body });
      if (resolved.refusal) {
        const code = resolved.refusal.extensions['code'] as RequestErrorCode;
        return sendJson(response, httpStatusOf(code), { errors: [resolved.refusal.toJSON()] });
      }
      return subscriptions.eventStream(request, response, resolved.request.body);
    },
    context: async (request, requestId) => {
      // The deadline runs from the request's start, token check and rate limit included.
      const deadlineAt = performance.now() + requestTimeoutMs;
      const caller = await verifyRequest(request, request.headers.authorization, requestId);
      const decision = await rateLimiter.hit(caller.subject);
      if (!decision.allowed) {
        metrics.rateLimited();
        options.logger.warn(
          { requestId, caller: caller.subject, limit: decision.limit, windowSeconds: decision.windowSeconds },
          'rate limited',
        );
        throw rateLimitedError(decision);
      }
      // Checked here, so a malformed declaration is refused before any agency is called.
      const breakGlass = breakGlassDeclarationOf(request.headers);
      const correlationId = correlationIdOf(request, 'x-request-id');
      return {
        requestId,
        correlationId,
        caller,
        logger: options.logger.child({ requestId, correlationId, caller: caller.subject }),
        breakGlass,
        deadlineAt,
        unavailable: new Map(),
      };
    },
    beforeGraphQL: (request, response) =>
      crossOrigin(request, response) || (explorer?.beforeGraphQL(request, response) ?? false),
    routes: {
      ...explorer?.routes,
      // Liveness: the process is up and serving. It calls no agency, so it answers at once
      // whatever they do, and a restart is never ordered because an agency is down.
      '/health': (_request, response) => {
        // With several workers (GATEWAY_WORKERS), which one answered: each has its own process id.
        sendJson(response, 200, {
          status: 'ok',
          supergraph: supergraph.served(),
          ...(cluster.isWorker ? { worker: process.pid } : {}),
        });
      },
      // Readiness: whether to send this gateway traffic, with what it knows of each agency. An
      // agency down makes the gateway degraded, not unready: it still answers everything else,
      // and taking it out of service would take every agency's data with it. Only stopping does.
      '/ready': async (_request, response) => {
        const subgraphs = (await checkSubgraphHealth(options.subgraphs)).map((subgraph) => ({
          ...subgraph,
          circuit: trafficOf(subgraph.name, subgraph.agency).state,
        }));
        const status = draining
          ? 'draining'
          : subgraphs.every((subgraph) => subgraph.status === 'ok' && subgraph.circuit === 'closed')
            ? 'ready'
            : 'degraded';
        sendJson(response, draining ? 503 : 200, {
          status,
          subgraphs,
          ...(cluster.isWorker ? { worker: process.pid } : {}),
        });
      },
    },
  });
  return {
    listener,
    upgrade: subscriptions.upgrade,
    beginDraining: () => {
      draining = true;
      void closeSubscriptions();
    },
    stop: async () => {
      await closeSubscriptions();
      await apollo.stop();
      await rateLimiter.close();
      await unauthenticatedLimiter.close();
      await subgraphConnections.close();
    },
  };
}
