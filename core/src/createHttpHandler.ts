import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import { context as otelContext, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Registry } from 'prom-client';
import type { Logger } from './createLogger.ts';
import { type HttpStatusOf, httpStatusOf, type RequestErrorCode } from './errorCodes.ts';
import { runInRequestScope } from './requestContext.ts';
import { httpRequestCounter, metricsRoute } from './telemetry/metrics.ts';
import { currentTraceIds, extractTraceContext, tracerName, tracingEnabled } from './telemetry/tracing.ts';

/** A plain HTTP route beside GraphQL (health, metrics, the explorer). */
export type HttpRoute = (request: IncomingMessage, response: ServerResponse, requestId: string) => Promise<void> | void;

export interface HttpHandlerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** Where GraphQL is served. @default "/graphql" */
  graphqlPath?: string;
  /** Builds the per-request context; throw a catalogued GraphQLError to refuse the request. */
  context: (request: IncomingMessage, requestId: string) => Promise<TContext>;
  /** Extra routes by exact path (GET only unless the route checks itself). */
  routes?: Record<string, HttpRoute>;
  /** Largest request body accepted, in bytes. @default 1_000_000 */
  maxBodyBytes?: number;
  /** Runs before GraphQL for requests to the GraphQL path; return true when it answered. */
  beforeGraphQL?: (request: IncomingMessage, response: ServerResponse, requestId: string) => Promise<boolean> | boolean;
  /**
   * Serves a request to the GraphQL path that asks for an event stream (Accept: text/event-stream),
   * once its body has been read within the same limit: the gateway's GraphQL over Server-Sent Events.
   */
  eventStream?: (request: IncomingMessage, response: ServerResponse, body: unknown) => Promise<void>;
  logger: Logger;
  /** The service's metrics: served at GET /metrics, and every answer counted by route and status. */
  metrics?: Registry;
  /**
   * Where each request's id comes from. `own`: always a new one, as the gateway does, so that no
   * caller can choose the id an agency's audit is keyed by (a caller's `x-request-id` is only its
   * correlation id). `forwarded`: the id the gateway passed on, as a subgraph does.
   * @default "forwarded"
   */
  requestIds?: 'own' | 'forwarded';
}

// A forwarded id (or a caller's correlation id) is kept when it looks like one, so a request can be
// followed across gateway and subgraphs; anything else is replaced or dropped to keep logs clean.
const requestIdPattern = /^[A-Za-z0-9._:-]{1,100}$/;

/** Reads the request id forwarded by the gateway, or makes a new one. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
}

/**
 * The caller's own id for a request, kept beside the gateway's as a correlation id: what a client
 * sent as `x-request-id` to the gateway, which passes it on as `x-correlation-id`. Two callers may
 * send the same one, so it never keys anything.
 */
export function correlationIdOf(
  request: IncomingMessage,
  header: 'x-request-id' | 'x-correlation-id',
): string | undefined {
  const given = request.headers[header];
  return typeof given === 'string' && requestIdPattern.test(given) ? given : undefined;
}

/**
 * A node:http listener serving Apollo Server plus plain routes. We own this small adapter rather
 * than using express so that body limits, request ids and error bodies are the same in the
 * gateway and every subgraph.
 */
export function createHttpHandler<TContext extends BaseContext>(
  options: HttpHandlerOptions<TContext>,
): RequestListener {
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const routes: Record<string, HttpRoute> = {
    ...(options.metrics ? { '/metrics': metricsRoute(options.metrics) } : {}),
    ...options.routes,
  };
  const countAnswer = options.metrics ? httpRequestCounter(options.metrics) : undefined;
  // The route a request is counted and traced under: a path we serve, or "other", so that a
  // caller inventing paths cannot make new series or span names.
  const routeOf = (target: { pathname: string } | undefined): string =>
    target && (target.pathname === graphqlPath || Object.hasOwn(routes, target.pathname)) ? target.pathname : 'other';
  const handle = async (request: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> => {
    const target = requestTargetOf(request.url);
    if (!target) return sendError(response, 'BAD_REQUEST', 'The request target is not a path.');
    const route = Object.hasOwn(routes, target.pathname) ? routes[target.pathname] : undefined;
    if (route) return route(request, response, requestId);
    if (target.pathname !== graphqlPath)
      return sendError(response, 'NOT_FOUND', `Nothing is served at ${shown(target.pathname)}.`);
    if (options.beforeGraphQL && (await options.beforeGraphQL(request, response, requestId))) return;
    const body = await readJsonBody(request, maxBodyBytes);
    if (body.error) return sendError(response, body.error.code, body.error.message);
    if (options.eventStream && request.headers.accept === 'text/event-stream') {
      return options.eventStream(request, response, body.value);
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const result = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (request.method ?? 'GET').toUpperCase(),
        headers,
        search: target.search,
        body: body.value,
      },
      context: () => options.context(request, requestId),
    });
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };
  // Everything a request does runs inside one guard and one request scope: whatever it throws or
  // rejects with, parsing its target included, fails that request alone with a coded answer, and
  // the process-level safety net (installCrashSafetyNet) can name it.
  const serve = (request: IncomingMessage, response: ServerResponse, requestId: string): void => {
    runInRequestScope({ requestId, response }, () => {
      const fail = (error: unknown): void => {
        options.logger.error({ err: error, requestId }, 'request failed');
        if (!response.headersSent) sendError(response, 'INTERNAL_SERVER_ERROR', 'Something failed on our side.');
        else response.destroy();
      };
      try {
        response.setHeader('x-request-id', requestId);
        // The caller's own id is given back beside ours, so it can find the request in our logs.
        const correlationId = options.requestIds === 'own' ? correlationIdOf(request, 'x-request-id') : undefined;
        if (correlationId) response.setHeader('x-correlation-id', correlationId);
        handle(request, response, requestId).catch(fail);
      } catch (error) {
        fail(error);
      }
    });
  };
  return (request, response) => {
    const requestId = options.requestIds === 'own' ? randomUUID() : requestIdOf(request);
    let route: string | undefined;
    if (countAnswer) {
      route = routeOf(safeTarget(request.url));
      const counted = route;
      response.once('finish', () => countAnswer(counted, response.statusCode));
    }
    if (!tracingEnabled()) return serve(request, response, requestId);
    // The server span continues the trace the caller started (W3C traceparent): the gateway's
    // call to an agency is the parent of the agency's span.
    route ??= routeOf(safeTarget(request.url));
    const method = requestMethodOf(request.method);
    const parent = extractTraceContext(request.headers);
    const span = trace.getTracer(tracerName).startSpan(
      `${method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': method, 'http.route': route, 'joined_up.request_id': requestId },
      },
      parent,
    );
    response.once('close', () => {
      span.setAttribute('http.response.status_code', response.statusCode);
      if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    otelContext.with(trace.setSpan(parent, span), () => serve(request, response, requestId));
  };
}

/** requestTargetOf, for counting and tracing before the guard: it never throws, but that is not assumed. */
function safeTarget(raw: string | undefined): { pathname: string } | undefined {
  try {
    return requestTargetOf(raw);
  } catch {
    return undefined;
  }
}

const knownMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);

/** The method as OpenTelemetry's conventions record it: a known one, or _OTHER. */
function requestMethodOf(method: string | undefined): string {
  const upper = (method ?? 'GET').toUpperCase();
  return knownMethods.has(upper) ? upper : '_OTHER';
}

/**
 * The path and query of a request target, read as sent and never normalised, so routes match
 * exactly. `new URL()` is not used on it: it throws on targets such as `//`, which are valid HTTP.
 * An absolute-form target (`http://host/path`, as proxies send) is parsed as a URL; anything else
 * that is not a path (`*`, a bare authority) is undefined.
 */
export function requestTargetOf(raw: string | undefined): { pathname: string; search: string } | undefined {
  const target = raw === undefined || raw === '' ? '/' : raw;
  if (target.startsWith('/')) {
    const query = target.indexOf('?');
    return query === -1
      ? { pathname: target, search: '' }
      : { pathname: target.slice(0, query), search: target.slice(query) };
  }
  if (!/^https?:\/\//i.test(target)) return undefined;
  try {
    const url = new URL(target);
    return { pathname: url.pathname, search: url.search };
  } catch {
    return undefined;
  }
}

/** A path as shown back in a message: never more than 100 characters of what the caller sent. */
function shown(pathname: string): string {
  return pathname.length > 100 ? `${pathname.slice(0, 100)}...` : pathname;
}

interface BodyResult {
  value?: unknown;
  error?: { code: RequestErrorCode; message: string };
}

async function readJsonBody(request: IncomingMessage, maxBodyBytes: number): Promise<BodyResult> {
  if (request.method !== 'POST') return {};
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBodyBytes) {
    request.resume();
    return { error: { code: 'PAYLOAD_TOO_LARGE', message: `The request body is larger than ${maxBodyBytes} bytes.` } };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Chunked bodies have no declared length, so the limit is enforced while reading too.
    if (size > maxBodyBytes) {
      return {
        error: { code: 'PAYLOAD_TOO_LARGE', message: `The request body is larger than ${maxBodyBytes} bytes.` },
      };
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.toLowerCase().startsWith('application/json')) {
    // Apollo Server answers these itself (including CSRF prevention); hand the raw text on.
    return { value: text };
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { error: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' } };
  }
}

/**
 * Refuses a request with a GraphQL-shaped error body, so clients parse every failure the same way,
 * and the HTTP status the catalog gives `code` (or one of its other statuses, `variant`).
 */
export function sendError<Code extends RequestErrorCode>(
  response: ServerResponse,
  code: Code,
  message: string,
  variant?: HttpStatusOf<Code>,
): void {
  sendJson(response, httpStatusOf(code, variant), {
    errors: [{ message, extensions: { code, ...traceExtensions() } }],
  });
}

/**
 * `traceId` for an error's extensions while tracing is on, so a client's error report leads to
 * the trace; nothing when it is off (the x-request-id header leads to the logs then).
 */
export function traceExtensions(): { traceId?: string } {
  const ids = currentTraceIds();
  return ids ? { traceId: ids.traceId } : {};
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(body));
}
