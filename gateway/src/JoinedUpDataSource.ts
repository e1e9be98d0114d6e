import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { breakGlassHeader, errorCodes, type Logger } from '@joined-up/core';
import { type GraphQLError, type GraphQLFormattedError, Kind, parse } from 'graphql';
import { AgencyFailure, agencyFailure } from './AgencyFailure.ts';
import { AgencyTraffic, defaultTrafficShaping } from './AgencyTraffic.ts';
import { createSubgraphFetcher, SubgraphFetchError, withCallScope } from './createSubgraphFetcher.ts';
import { describeFetch } from './describeFetch.ts';
import type { GatewayContext } from './GatewayContext.ts';
import type { GatewayMetrics } from './GatewayMetrics.ts';
import type { Dispatcher } from 'undici';

export interface JoinedUpDataSourceOptions {
  name: string;
  displayName: string;
  url: string;
  /** Give up on a subgraph that has not answered within this many milliseconds. */
  timeoutMs: number;
  /** The keep-alive connection pool shared by every agency's calls. */
  dispatcher: Dispatcher;
  /**
   * The agency's circuit and retry budget, kept across supergraph swaps. @default a new one with defaultTrafficShaping
   */
  traffic?: AgencyTraffic;
  /** Where each call's outcome and time are counted. */
  metrics?: GatewayMetrics;
}

type ProcessResult = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;
type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

/**
 * How the gateway calls an agency: it forwards the caller's own token (each agency verifies it
 * and decides for itself) and the request id, within the agency's timeout, the request's
 * deadline and the agency's circuit (AgencyTraffic). A call that gives nothing back is not thrown
 * to Apollo Gateway, which would report it once with no path: it is answered as the agency would
 * have answered a failure of every field it was asked for, one coded error per field with the
 * agency named, and Apollo Gateway places each at its path in the client's answer (an entity
 * call's fields are answered null, so that a field of another agency that @requires them is still
 * resolved from what the others hold: reportMissingParts names the agency there). An agency that
 * answered with an error of its own keeps its code and message; only a failure to get an answer
 * is SUBGRAPH_UNAVAILABLE (or GATEWAY_TIMEOUT when the request's own time ran out).
 */
export class JoinedUpDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly agency: { name: string; displayName: string };
  readonly traffic: AgencyTraffic;
  readonly #metrics: GatewayMetrics | undefined;

  constructor(options: JoinedUpDataSourceOptions) {
    super({
      url: options.url,
      // Pooled keep-alive connections; the timeout stops one slow agency from holding the whole answer.
      fetcher: createSubgraphFetcher({ dispatcher: options.dispatcher, timeoutMs: options.timeoutMs }),
    });
    this.agency = { name: options.name, displayName: options.displayName };
    this.traffic = options.traffic ?? new AgencyTraffic(this.agency, defaultTrafficShaping, silentLogger);
    this.#metrics = options.metrics;
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<ProcessResult> {
    // Apollo's own calls (health checks, loading a schema) are left as they are.
    if (options.kind !== 'incoming operation') return super.process(options);
    const { context } = options;
    const document = options.document ?? parse(options.request.query ?? '{ __typename }');
    // Only whether it is a read is needed to make the call; the rest of what it asked for is
    // described (describeFetch) when it fails, not built for every call that answers.
    const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    const read = operation?.operation === 'query';
    const started = performance.now();
    try {
      // An agency that already failed this request fails its later calls at once: a plan that
      // calls it twice in sequence does not wait for it twice.
      const earlier = context.unavailable?.get(this.agency.name);
      if (earlier) throw earlier;
      const answer = await this.traffic.call(read, () => this.#attempt(options));
      this.#metrics?.fetched(this.agency.name, 'ok', (performance.now() - started) / 1000);
      return answer;
    } catch (error) {
      const failure = this.#asFailure(error);
      // An agency's own refusal of the whole call (its 4xx or 5xx GraphQL answer) is an answer.
      const outcome = failure.reason === 'refused' ? 'ok' : failure.reason;
      this.#metrics?.fetched(this.agency.name, outcome, (performance.now() - started) / 1000);
      if (failure.agencyUnavailable) context.unavailable?.set(this.agency.name, failure);
      const blanked = failure.toGraphQLError(this.agency).toJSON();
      const fetch = describeFetch(document, options.request.variables);
      // A call that asked for no field a client sees (only __typename) still reports its agency.
      const paths = fetch.paths.length > 0 ? fetch.paths : [undefined];
      context.logger?.warn(
        { agency: this.agency.name, reason: failure.reason, code: failure.code, fields: fetch.paths.length },
        'agency call gave nothing back',
      );
      return {
        // An entity call is answered with its fields null, so fields that @require them still run.
        ...(fetch.blank ? { data: fetch.blank } : {}),
        errors: paths.map((path) => ({ ...blanked, ...(path ? { path } : {}) })),
      };
    }
  }

  /** One call, failing with the AgencyFailure that says why, for the circuit and the retries to judge. */
  async #attempt(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<ProcessResult> {
    const deadlineAt = options.context.deadlineAt;
    try {
      if (deadlineAt === undefined) return await super.process(options);
      const remaining = deadlineAt - performance.now();
      if (remaining <= 0) throw agencyFailure('deadline', this.agency.displayName);
      // The fetcher arms one timer for the call's timeout and this deadline, whichever is first.
      return await withCallScope({ deadlineAt }, () => super.process(options));
    } catch (error) {
      throw this.#asFailure(error);
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!('caller' in context) || !context.caller) return;
    request.http?.headers.set('authorization', `Bearer ${context.caller.token}`);
    request.http?.headers.set('x-request-id', context.requestId);
    if (context.correlationId) request.http?.headers.set('x-correlation-id', context.correlationId);
    // Each agency decides for itself whether an emergency opens its records; the gateway only
    // carries the declaration, as it checked it: one person's NHS number and the reason.
    if (context.breakGlass) {
      request.http?.headers.set(breakGlassHeader, `${context.breakGlass.nhsNumber}; ${context.breakGlass.reason}`);
    }
  }

  /**
   * An answer that is not 2xx. When it is a GraphQL answer, the agency refused the request itself
   * (UNAUTHENTICATED, PAYLOAD_TOO_LARGE, its own INTERNAL_SERVER_ERROR...): that is what the
   * client is told, with the agency's code and words. Anything else (a proxy's 502, an HTML page)
   * is a bad answer; its body is never passed on, as it may show internal addresses.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const first = await firstGraphQLError(response);
    const code = typeof first?.extensions?.['code'] === 'string' ? first.extensions['code'] : undefined;
    const failure = first
      ? new AgencyFailure(
          'refused',
          code && code in errorCodes ? (code as never) : 'INTERNAL_SERVER_ERROR',
          first.message,
        )
      : agencyFailure('bad-answer', this.agency.displayName, { status: response.status });
    // Apollo Gateway only throws what this returns, and process() catches it as the AgencyFailure it is.
    return failure as unknown as GraphQLError;
  }

  override didEncounterError(error: Error): never {
    throw error;
  }

  #asFailure(error: unknown): AgencyFailure {
    if (error instanceof AgencyFailure) return error;
    if (error instanceof SubgraphFetchError)
      return agencyFailure(error.reason, this.agency.displayName, { cause: error });
    // A 2xx answer that is not a GraphQL object (Apollo Gateway's "Expected JSON response body").
    return agencyFailure('bad-answer', this.agency.displayName, { cause: error });
  }
}

/** The first error of a GraphQL answer's body, or undefined when the body is not one. */
async function firstGraphQLError(response: FetcherResponse): Promise<GraphQLFormattedError | undefined> {
  try {
    const body = JSON.parse(await response.text()) as { errors?: unknown };
    const [first] = Array.isArray(body.errors) ? (body.errors as unknown[]) : [];
    if (typeof first === 'object' && first !== null && typeof (first as { message?: unknown }).message === 'string')
      return first as GraphQLFormattedError;
  } catch {
    // Not JSON: a bad answer.
  }
  return undefined;
}

const silentLogger = {
  info: () => undefined,
  warn: () => undefined,
} as unknown as Logger;

/** The outgoing request Apollo Gateway's data source sends, as far as sendRequest reads it. */
interface OutgoingRequest {
  http?: { method: string; url: string; headers: Iterable<[string, string]> };
  [field: string]: unknown;
}

// Apollo Gateway's sendRequest (private in @apollo/gateway 2.14), step for step, less the
// node-fetch Request it builds of every call only to pass to parseBody and didEncounterError,
// which read it neither in Apollo's parseBody nor in ours: a URL parse, a Headers object and a
// copy of the body for each of a plan's fetches. A version without the method keeps its own.
if ('sendRequest' in RemoteGraphQLDataSource.prototype) {
  Object.defineProperty(JoinedUpDataSource.prototype, 'sendRequest', {
    async value(this: JoinedUpDataSource, request: OutgoingRequest, context: GatewayContext) {
      if (!request.http) throw new Error("Internal error: Only 'http' requests are supported.");
      const { http, ...withoutHttp } = request;
      const init = {
        method: http.method,
        headers: Object.fromEntries(http.headers),
        body: JSON.stringify(withoutHttp),
      };
      let response: FetcherResponse | undefined;
      try {
        response = await this.fetcher(http.url, init);
        if (!response.ok) throw await this.errorFromResponse(response);
        const body = await this.parseBody(response, undefined, context);
        if (typeof body !== 'object' || body === null || Array.isArray(body))
          throw new Error(`Expected JSON response body, but received: ${String(body)}`);
        return { ...body, http: response };
      } catch (error) {
        this.didEncounterError(error as Error);
      }
    },
  });
}
