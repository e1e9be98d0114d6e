import { randomUUID } from 'node:crypto';
import type { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { defaultRequestLimits, readCostDirectives, requestLimitRules, type RequestLimits } from '@joined-up/gateway';
import type { ValidationRule } from 'graphql';

/** The configuration createGatewayRuntime takes, and the Hive Gateway CLI reads from gateway.config.ts. */
export type HiveGatewayConfig = Parameters<typeof createGatewayRuntime>[0];

export interface HiveGatewayOptions {
  /** The committed supergraph (schema/supergraph.graphql), its subgraph URLs as they are to be reached. */
  supergraph: string;
  /** Depth, aliases, directives, cost and tokens: the same figures as our gateway's. @default defaultRequestLimits */
  limits?: Partial<RequestLimits>;
  /** How long to wait for an agency. @default 10_000 */
  subgraphTimeoutMs?: number;
  /** Production: no introspection. @default false */
  production?: boolean;
}

/**
 * Hive Gateway (MIT) over the committed supergraph, planning with Hive Router's Rust query planner
 * (@graphql-hive/router-runtime): the path for a network that outgrows our gateway. Like ours it
 * forwards the caller's own token (each agency verifies it and decides; policies stay where they
 * live), its own request id (x-request-id, new for every request: the agencies' audits are keyed by
 * it) with the client's own x-request-id as x-correlation-id, a declared emergency (x-break-glass)
 * and the W3C trace context, and refuses an operation over our
 * limits with the same validation rule and QUERY_TOO_COMPLEX. The rate limit and the explorer
 * stay with our gateway.
 */
export function hiveGatewayConfig(options: HiveGatewayOptions): HiveGatewayConfig {
  const rules = requestLimitRules(
    { ...defaultRequestLimits, ...options.limits },
    readCostDirectives(options.supergraph),
  );
  const forwarded = ['authorization', 'x-break-glass', 'traceparent', 'tracestate'];
  return {
    supergraph: options.supergraph,
    graphqlEndpoint: '/graphql',
    unifiedGraphHandler,
    logging: 'error',
    landingPage: false,
    graphiql: false,
    // Hive Gateway's own request-id plugin keeps an id the client sent, so two callers could share one.
    requestId: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) =>
        Object.fromEntries(
          forwarded.flatMap((name) => {
            const value = request.headers.get(name);
            return value === null ? [] : [[name, value]];
          }),
        ),
    },
    upstreamTimeout: options.subgraphTimeoutMs ?? 10_000,
    ...(options.production ? { disableIntrospection: { disableIf: () => true } } : {}),
    plugins: () => [limitsPlugin(rules), ownRequestIdPlugin()],
  };
}

const correlationPattern = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Every request gets a new id of the gateway's own, sent to every agency as x-request-id and
 * answered back; the client's own x-request-id travels beside it as x-correlation-id, as our
 * gateway does (core's createHttpHandler with requestIds: 'own').
 */
function ownRequestIdPlugin() {
  const ids = new WeakMap<Request, { requestId: string; correlationId: string | undefined }>();
  const headersOf = (request: Request): Record<string, string> => {
    const found = ids.get(request);
    if (!found) return {};
    return {
      'x-request-id': found.requestId,
      ...(found.correlationId ? { 'x-correlation-id': found.correlationId } : {}),
    };
  };
  return {
    onRequest({ request }: { request: Request }) {
      const given = request.headers.get('x-request-id');
      const correlationId = given !== null && correlationPattern.test(given) ? given : undefined;
      ids.set(request, { requestId: randomUUID(), correlationId });
    },
    onFetch({
      context,
      options,
      setOptions,
    }: {
      context: unknown;
      options: { headers?: Record<string, string> };
      setOptions: (options: object) => void;
    }) {
      if (context && typeof context === 'object' && 'request' in context) {
        const headers = headersOf((context as { request: Request }).request);
        setOptions({ ...options, headers: { ...options.headers, ...headers } });
      }
    },
    onResponse({ request, response }: { request: Request; response: Response }) {
      for (const [name, value] of Object.entries(headersOf(request))) response.headers.set(name, value);
    },
  };
}

/** Adds our request-limit rule to Hive Gateway's validation (its plugins are Envelop's). */
function limitsPlugin(rules: ValidationRule[]) {
  return {
    onValidate({ addValidationRule }: { addValidationRule: (rule: ValidationRule) => void }) {
      for (const rule of rules) addValidationRule(rule);
    },
  };
}

/**
 * The supergraph with each subgraph's URL replaced (`@join__graph(name: "health", url: ...)`),
 * as our gateway takes <AGENCY>_URL: the committed file records development URLs.
 */
export function withSubgraphUrls(supergraph: string, urls: Record<string, string | undefined>): string {
  return supergraph.replace(
    /(@join__graph\(name:\s*"([^"]+)",\s*url:\s*")([^"]*)(")/g,
    (whole, before: string, name: string, _url: string, after: string) => {
      const url = urls[name];
      return url ? `${before}${url}${after}` : whole;
    },
  );
}
