import type { ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { HttpRoute } from '../createHttpHandler.ts';

/** Latency buckets in seconds, from a cached lookup to a request near the gateway's deadline. */
export const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];

/**
 * One service's metrics registry, with Node's process metrics and every series labelled with the
 * service's name (so a process running several services, as npm start does, keeps them apart).
 */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** GET /metrics in the Prometheus text format. */
export function metricsRoute(registry: Registry): HttpRoute {
  return async (_request, response) => {
    const body = await registry.metrics();
    response.statusCode = 200;
    response.setHeader('content-type', registry.contentType);
    response.end(body);
  };
}

/** Counts every HTTP answer a service gives, by route and status (401s, 413s and 429s included). */
export function httpRequestCounter(registry: Registry): (route: string, status: number) => void {
  const counter = new Counter({
    name: 'joined_up_http_requests_total',
    help: 'HTTP requests answered, by route (the GraphQL path, /health, /ready, /metrics, or other) and status code.',
    labelNames: ['route', 'status_code'],
    registers: [registry],
  });
  return (route, status) => counter.inc({ route, status_code: String(status) });
}

// A client names its operations, so the label is bounded: a name that is not a plain GraphQL name,
// is long, or holds a run of digits (an NHS number, a date) is "other", and so is every name past
// the first 200 seen.
const plainName = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const maxOperationNames = 200;

/** The `operation` label for an operation name: never a person's identifier, never unbounded. */
export function operationLabel(name: string | null | undefined, seen: Set<string>): string {
  if (!name) return 'anonymous';
  if (!plainName.test(name) || /\d{3,}/.test(name)) return 'other';
  if (seen.has(name)) return name;
  if (seen.size >= maxOperationNames) return 'other';
  seen.add(name);
  return name;
}

/**
 * Metrics of every GraphQL request: how many by operation and outcome (`ok` with no error,
 * `partial` with data and errors, `error` with no data), how long, and each error code answered.
 */
export function graphqlRequestMetrics<TContext extends object>(registry: Registry): ApolloServerPlugin<TContext> {
  const requests = new Counter({
    name: 'joined_up_graphql_requests_total',
    help: 'GraphQL requests answered, by operation name and outcome (ok, partial, error).',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'joined_up_graphql_request_duration_seconds',
    help: 'Time from a GraphQL request being read to its answer, by operation name.',
    labelNames: ['operation'],
    buckets: latencyBuckets,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'joined_up_graphql_errors_total',
    help: 'Errors in GraphQL answers, by extensions.code.',
    labelNames: ['code'],
    registers: [registry],
  });
  const seen = new Set<string>();
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ response, request, operationName }) {
          // The name in the document once it is parsed, else the one the client sent beside it.
          const operation = operationLabel(operationName ?? request.operationName, seen);
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const answered = result?.errors ?? [];
          for (const error of answered) {
            const code = error.extensions?.['code'];
            errors.inc({ code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
          }
          const hasData = result?.data !== undefined && result.data !== null;
          const outcome = answered.length === 0 ? 'ok' : hasData ? 'partial' : 'error';
          requests.inc({ operation, outcome });
          duration.observe({ operation }, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
