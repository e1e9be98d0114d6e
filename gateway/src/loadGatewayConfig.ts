import { accessSync, constants } from 'node:fs';
import {
  configurationError,
  defaultRateLimit,
  defaultUnauthenticatedRateLimit,
  defaultRequestLimits,
  type Env,
  type RateLimit,
  type RequestLimits,
  type IdentityConfig,
  isUrl,
  loadIdentityConfig,
  parseEnvironment,
  parseHost,
  parsePort,
  parseOtlpEndpoint,
  type TrustedDocumentsOptions,
} from '@joined-up/core';
import { readRegisteredOperations, readSubgraphList, supergraphPath } from '@joined-up/schema';
import type { GatewaySubgraph } from './createGateway.ts';
import { defaultTrafficShaping, type TrafficShaping } from './AgencyTraffic.ts';
import type { SupergraphSource } from './SupergraphSource.ts';
import { invalidTrustedProxies } from './createClientAddress.ts';

/** The gateway's settings, read once from the environment at start-up. */
export interface GatewayConfig {
  port: number;
  /** GATEWAY_HOST: the address listened on; loopback outside production unless set. */
  host: string | undefined;
  /** Processes serving the port (node:cluster); production sets one per core. */
  workers: number;
  /** The supergraph file to watch or the URL to poll. */
  supergraph: SupergraphSource;
  subgraphs: GatewaySubgraph[];
  identity: IdentityConfig;
  environment: 'development' | 'production' | 'test';
  logLevel: string;
  maxBodyBytes: number;
  subgraphTimeoutMs: number;
  requestTimeoutMs: number;
  traffic: TrafficShaping;
  /** Longest wait on SIGTERM for requests in flight to finish before the rest are cut. */
  shutdownGraceMs: number;
  identityProviderUrl: string | undefined;
  limits: RequestLimits;
  rateLimit: RateLimit & { redisUrl: string | undefined };
  /** Requests with no or bad credentials one address may make in a window, then 429. */
  unauthenticatedRateLimit: RateLimit;
  /** GATEWAY_TRUSTED_PROXIES: the proxies whose X-Forwarded-For is believed for that count. */
  trustedProxies: string[];
  /** The registered operations (schema/operations/), served by id; with text refused unless registered. */
  trustedDocuments: TrustedDocumentsOptions;
  /** Origins whose pages may call the gateway (CORS): the web app's. */
  allowedOrigins: string[];
  /** Where traces go (OTLP/HTTP); undefined, tracing is off. */
  otlpEndpoint: string | undefined;
  /** NATS_URL: the NATS JetStream that care coordination delivers notifications on; without it, no subscriptions. */
  natsUrl: string | undefined;
}

/**
 * GATEWAY_PORT, GATEWAY_WORKERS, the supergraph (GATEWAY_SUPERGRAPH_PATH, or GATEWAY_SUPERGRAPH_URL
 * and GATEWAY_SUPERGRAPH_POLL_SECONDS), GATEWAY_MAX_BODY_BYTES, GATEWAY_SUBGRAPH_TIMEOUT_MS, the
 * request limits (GATEWAY_MAX_DEPTH, GATEWAY_MAX_ALIASES, GATEWAY_MAX_DIRECTIVES,
 * GATEWAY_MAX_COST, GATEWAY_MAX_TOKENS, GATEWAY_MAX_BATCH), traffic shaping (GATEWAY_REQUEST_TIMEOUT_MS,
 * <AGENCY>_TIMEOUT_MS, GATEWAY_BREAKER_FAILURES, GATEWAY_BREAKER_HALF_OPEN_MS, GATEWAY_RETRIES),
 * GATEWAY_SHUTDOWN_GRACE_MS, the rate limit (GATEWAY_RATE_LIMIT,
 * GATEWAY_RATE_WINDOW_SECONDS, GATEWAY_REDIS_URL), the limit on requests without valid credentials
 * (GATEWAY_UNAUTHENTICATED_LIMIT, GATEWAY_UNAUTHENTICATED_WINDOW_SECONDS) and the proxies believed
 * for its address (GATEWAY_TRUSTED_PROXIES), GATEWAY_TRUSTED_DOCUMENTS_ONLY,
 * GATEWAY_ALLOWED_ORIGINS, each subgraph's URL variable from
 * schema/subgraphs.json (HEALTH_URL, ...), and the shared JOINED_UP_* identity settings. All
 * problems are reported together.
 */
export function loadGatewayConfig(env: Env): GatewayConfig {
  const problems: string[] = [];
  const wholeNumber = (name: string, fallback: number, least: 0 | 1): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < least)
      problems.push(`${name} must be a ${least === 1 ? 'positive' : 'non-negative'} whole number, got "${raw}"`);
    return value;
  };
  const positive = (name: string, fallback: number): number => wholeNumber(name, fallback, 1);
  const trustedOnly = env['GATEWAY_TRUSTED_DOCUMENTS_ONLY'];
  if (trustedOnly !== undefined && trustedOnly !== '' && trustedOnly !== 'true' && trustedOnly !== 'false')
    problems.push(`GATEWAY_TRUSTED_DOCUMENTS_ONLY must be true or false, got "${trustedOnly}"`);
  const allowedOrigins = (env['GATEWAY_ALLOWED_ORIGINS'] ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of allowedOrigins) {
    // An origin is scheme, host and port only: a path or a trailing slash would never match a browser's.
    if (!isUrl(origin) || new URL(origin).origin !== origin)
      problems.push(`GATEWAY_ALLOWED_ORIGINS: "${origin}" is not an origin such as https://app.example.nhs.uk`);
  }
  const trustedProxies = (env['GATEWAY_TRUSTED_PROXIES'] ?? '')
    .split(',')
    .map((proxy) => proxy.trim())
    .filter((proxy) => proxy !== '');
  for (const proxy of invalidTrustedProxies(trustedProxies))
    problems.push(
      `GATEWAY_TRUSTED_PROXIES: "${proxy}" is not an address, a CIDR range such as 10.0.0.0/8, ` +
        'loopback, linklocal or uniquelocal',
    );
  const config: GatewayConfig = {
    port: parsePort(env['GATEWAY_PORT'], 4000, 'GATEWAY_PORT', problems),
    host: parseHost(env['GATEWAY_HOST'], parseEnvironment(env['NODE_ENV'], [])),
    workers: positive('GATEWAY_WORKERS', 1),
    supergraph: loadSupergraphSource(env, positive('GATEWAY_SUPERGRAPH_POLL_SECONDS', 10), problems),
    subgraphs: readSubgraphList().map((entry) => {
      // HEALTH_URL's agency has HEALTH_TIMEOUT_MS, and so on.
      const timeoutVariable = `${entry.urlVariable.replace(/_URL$/, '')}_TIMEOUT_MS`;
      const timeoutMs = env[timeoutVariable] ? positive(timeoutVariable, 10_000) : undefined;
      return {
        name: entry.name,
        displayName: entry.displayName,
        url: env[entry.urlVariable] ?? entry.url,
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      };
    }),
    identity: loadIdentityConfig(env, problems),
    environment: parseEnvironment(env['NODE_ENV'], problems),
    logLevel: env['GATEWAY_LOG_LEVEL'] ?? env['JOINED_UP_LOG_LEVEL'] ?? 'info',
    maxBodyBytes: positive('GATEWAY_MAX_BODY_BYTES', 100_000),
    subgraphTimeoutMs: positive('GATEWAY_SUBGRAPH_TIMEOUT_MS', 10_000),
    requestTimeoutMs: positive('GATEWAY_REQUEST_TIMEOUT_MS', 15_000),
    traffic: {
      breakerFailures: positive('GATEWAY_BREAKER_FAILURES', defaultTrafficShaping.breakerFailures),
      halfOpenAfterMs: positive('GATEWAY_BREAKER_HALF_OPEN_MS', defaultTrafficShaping.halfOpenAfterMs),
      retries: wholeNumber('GATEWAY_RETRIES', defaultTrafficShaping.retries, 0),
    },
    shutdownGraceMs: wholeNumber('GATEWAY_SHUTDOWN_GRACE_MS', 10_000, 0),
    identityProviderUrl: env['JOINED_UP_IDENTITY_PROVIDER_URL'],
    otlpEndpoint: parseOtlpEndpoint(env, problems),
    natsUrl: env['NATS_URL'] || undefined,
    limits: {
      maxDepth: positive('GATEWAY_MAX_DEPTH', defaultRequestLimits.maxDepth),
      maxAliases: wholeNumber('GATEWAY_MAX_ALIASES', defaultRequestLimits.maxAliases, 0),
      maxDirectives: wholeNumber('GATEWAY_MAX_DIRECTIVES', defaultRequestLimits.maxDirectives, 0),
      maxCost: positive('GATEWAY_MAX_COST', defaultRequestLimits.maxCost),
      // Not configurable alone: Apollo Router's list_size must say the same (deploy/apollo-router).
      assumedListSize: defaultRequestLimits.assumedListSize,
      maxTokens: positive('GATEWAY_MAX_TOKENS', defaultRequestLimits.maxTokens),
      maxBatchSize: wholeNumber('GATEWAY_MAX_BATCH', defaultRequestLimits.maxBatchSize, 0),
    },
    rateLimit: {
      limit: positive('GATEWAY_RATE_LIMIT', defaultRateLimit.limit),
      windowSeconds: positive('GATEWAY_RATE_WINDOW_SECONDS', defaultRateLimit.windowSeconds),
      redisUrl: env['GATEWAY_REDIS_URL'] || undefined,
    },
    unauthenticatedRateLimit: {
      limit: positive('GATEWAY_UNAUTHENTICATED_LIMIT', defaultUnauthenticatedRateLimit.limit),
      windowSeconds: positive('GATEWAY_UNAUTHENTICATED_WINDOW_SECONDS', defaultUnauthenticatedRateLimit.windowSeconds),
    },
    trustedProxies,
    trustedDocuments: {
      documents: readRegisteredOperations().map(({ id, body }) => ({ id, body })),
      refuseUnregistered: trustedOnly === 'true',
    },
    allowedOrigins,
  };
  const { redisUrl } = config.rateLimit;
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl))
    problems.push('GATEWAY_REDIS_URL must be a redis:// or rediss:// URL');
  if (problems.length > 0) throw configurationError(problems);
  return config;
}

/** A URL to poll when GATEWAY_SUPERGRAPH_URL is set, and otherwise a file to watch. */
function loadSupergraphSource(env: Env, pollSeconds: number, problems: string[]): SupergraphSource {
  const url = env['GATEWAY_SUPERGRAPH_URL'] || undefined;
  if (url === undefined) {
    const path = env['GATEWAY_SUPERGRAPH_PATH'] || supergraphPath;
    try {
      accessSync(path, constants.R_OK);
    } catch {
      problems.push(`GATEWAY_SUPERGRAPH_PATH: cannot read ${path}; run \`npm run compose\``);
    }
    return { path };
  }
  // Neither wins silently: a gateway serving another supergraph than its operator meant is worse
  // than one that does not start.
  if (env['GATEWAY_SUPERGRAPH_PATH'])
    problems.push('GATEWAY_SUPERGRAPH_PATH and GATEWAY_SUPERGRAPH_URL are both set: set only the one to use');
  // The URL is not echoed: like a Redis URL, it may hold credentials.
  if (!/^https?:\/\//.test(url) || !isUrl(url))
    problems.push('GATEWAY_SUPERGRAPH_URL must be an http:// or https:// URL');
  return { url, pollIntervalMs: pollSeconds * 1_000 };
}
