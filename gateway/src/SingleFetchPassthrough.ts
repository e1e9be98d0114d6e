import { operationFromDocument, type Schema } from '@apollo/federation-internals';
import type {
  ApolloGateway,
  Experimental_DidResolveQueryPlanCallback,
  GraphQLDataSource,
  GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { tracerName } from '@joined-up/core';
import { trace } from '@opentelemetry/api';
import { getVariableValues, type GraphQLSchema, Kind } from 'graphql';
import { Counter, type Registry } from 'prom-client';
import { compileResponseCheck, type ResponseCheck } from './compileResponseCheck.ts';
import type { GatewayContext } from './GatewayContext.ts';

type Executor = ApolloGateway['executor'];
type RequestContext = Parameters<Executor>[0];
type ExecutionResult = Awaited<ReturnType<Executor>>;
type Resolved = Parameters<Experimental_DidResolveQueryPlanCallback>[0];
type FetchNode = Extract<NonNullable<Resolved['queryPlan']['node']>, { kind: 'Fetch' }>;
type Answer = ReturnType<GraphQLDataSource['process']>;

/** An operation whose plan is one fetch, and how to tell that the agency's answer needs no re-shaping. */
interface Passable {
  fetch: FetchNode;
  source: GraphQLDataSource<GatewayContext>;
  check: ResponseCheck;
}

/** What one supergraph's operations were found to be: passable, or not (null). */
interface Generation {
  api: Schema;
  operations: Map<string, Passable | null>;
}

/** An agency's answer already fetched, for the normal path to take instead of calling the agency again. */
interface Replay {
  source: GraphQLDataSource<GatewayContext>;
  query: string;
  answer: Answer;
}

/** Operations remembered per supergraph; past this, the oldest is forgotten (and learnt again if it comes back). */
const maxOperations = 1_000;

/**
 * Answers a query that one agency answers whole with that agency's own `data`, as Apollo Router
 * does, instead of merging it into an empty result and re-shaping it against the client's
 * operation (Apollo Gateway's `executeQueryPlan` and `computeResponse`, most of the gateway's
 * own time for a search of 20 people).
 *
 * It learns each operation's plan from Apollo Gateway itself (`experimental_didResolveQueryPlan`,
 * called with the plan its own planner built and cached), so there is no second planner, no
 * second copy of the supergraph, and nothing to keep in step with the planner's options. The
 * first request of an operation takes the normal path; a later one whose plan was a single root
 * fetch (a query, no @requires, no rewrites) is sent by the wrapped executor to the same data
 * source, with the same request Apollo Gateway would build (the planner's operation, the variables
 * it uses), so the caller's token, the request id, break-glass, the deadline, the circuit, the
 * retries and the per-agency metrics are all JoinedUpDataSource's, as on the normal path. Every
 * check of the request (token, rate limit, trusted documents, request limits, NHS numbers) has
 * run by then: Apollo Server calls the executor only after them; the variables are checked as
 * Apollo Gateway checks them, and a request that fails that takes the normal path.
 *
 * The answer is passed through only when `compileResponseCheck` says the normal path would give
 * back the same data, and the agency sent no error. Otherwise (an error, a FORBIDDEN field, a
 * value the API schema would null) the normal path runs with the answer already fetched: the data
 * source wrapped by `replaying` hands it over instead of calling the agency again, so errors get
 * their paths, `serviceName` and codes from Apollo Gateway itself and the answer is the normal
 * path's, byte for byte, with one call to the agency. A trace of a passed-through request has one
 * `gateway.fetch` span (with `joined_up.passthrough`) under the HTTP request, the agency's spans
 * under it, and no `gateway.plan` or `gateway.execute`: nothing was planned or executed.
 */
export class SingleFetchPassthrough {
  readonly #enabled: boolean;
  readonly #generations = new WeakMap<GraphQLSchema, Generation>();
  readonly #replays = new WeakMap<object, Replay>();
  readonly #answered: Counter<'outcome'>;

  constructor(options: { enabled: boolean; registry: Registry }) {
    this.#enabled = options.enabled;
    this.#answered = new Counter({
      name: 'joined_up_gateway_passthrough_total',
      help:
        'Queries one agency answered whole, sent to it without Apollo Gateway planning them again: ' +
        "passed (its answer returned as it came) or reshaped (its answer needed the normal path's re-shaping).",
      labelNames: ['outcome'],
      registers: [options.registry],
    });
    for (const outcome of ['passed', 'reshaped']) this.#answered.inc({ outcome }, 0);
  }

  /**
   * Called with each new supergraph (onSchemaLoadOrUpdate): the operations of the last one are
   * forgotten, and the API schema (@apollo/federation-internals') the planner uses is kept to
   * read the operations of this one as Apollo Gateway reads them.
   */
  servesSchema(apiSchema: GraphQLSchema, gateway: ApolloGateway): void {
    // The planner Apollo Gateway plans with, set before it tells its listeners of a new schema.
    const api = gateway.__testing().queryPlanner?.supergraph.apiSchema();
    if (this.#enabled && api) this.#generations.set(apiSchema, { api, operations: new Map() });
  }

  /** Apollo Gateway's `experimental_didResolveQueryPlan`: learns whether an operation's plan can be passed through. */
  readonly learn: Experimental_DidResolveQueryPlanCallback = ({
    queryPlan,
    serviceMap,
    requestContext,
    operationContext,
  }) => {
    const generation = this.#generations.get(operationContext.schema);
    if (!generation) return;
    const key = operationKey(requestContext);
    if (generation.operations.has(key)) return;
    let passable: Passable | null = null;
    const node = queryPlan.node;
    const source = node?.kind === 'Fetch' ? serviceMap[node.serviceName] : undefined;
    if (
      node?.kind === 'Fetch' &&
      source &&
      operationContext.operation.operation === 'query' &&
      !node.requires &&
      !node.inputRewrites?.length &&
      !node.outputRewrites?.length &&
      !node.contextRewrites?.length
    ) {
      const check = compileCheck(generation.api, operationContext);
      if (check) passable = { fetch: node, source: source as GraphQLDataSource<GatewayContext>, check };
    }
    if (generation.operations.size >= maxOperations) {
      generation.operations.delete(generation.operations.keys().next().value!);
    }
    generation.operations.set(key, passable);
  };

  /** Apollo Gateway as Apollo Server sees it, its executor wrapped (`wrap`). */
  around(gateway: ApolloGateway): Pick<ApolloGateway, 'load' | 'onSchemaLoadOrUpdate' | 'stop'> {
    return {
      load: async (options) => {
        const loaded = await gateway.load(options);
        return { ...loaded, executor: this.wrap(loaded.executor) };
      },
      onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
      stop: () => gateway.stop(),
    };
  }

  /** Apollo Gateway's executor, passing through what it can and leaving the rest to `executor`. */
  wrap(executor: Executor): Executor {
    if (!this.#enabled) return executor;
    return async (requestContext) => {
      const passable = this.#generations.get(requestContext.schema)?.operations.get(operationKey(requestContext));
      // A request traced for Apollo's usage reporting (off here) records the plan's trace: the normal path does that.
      const traced = requestContext.metrics?.captureTraces === true;
      if (!passable || traced || !variablesAreValid(requestContext)) return executor(requestContext);
      const answer = this.#send(passable, requestContext);
      const response = await answer.catch(() => undefined);
      const data = response?.data;
      if (response && response.errors === undefined && isRecord(data) && checks(passable.check, data)) {
        this.#answered.inc({ outcome: 'passed' });
        return { data } satisfies ExecutionResult;
      }
      this.#answered.inc({ outcome: 'reshaped' });
      const context = requestContext.context as object;
      this.#replays.set(context, { source: passable.source, query: passable.fetch.operation, answer });
      try {
        return await executor(requestContext);
      } finally {
        this.#replays.delete(context);
      }
    };
  }

  /**
   * An agency's data source as Apollo Gateway calls it, which hands the normal path the answer the
   * passthrough already fetched for this request, once, when the call is the one it fetched.
   */
  replaying(source: GraphQLDataSource<GatewayContext>): GraphQLDataSource<GatewayContext> {
    if (!this.#enabled) return source;
    const replays = this.#replays;
    const replaying: GraphQLDataSource<GatewayContext> = {
      process(options) {
        const replay = options.kind === 'incoming operation' ? replays.get(options.context) : undefined;
        if (replay && replay.source === replaying && replay.query === options.request.query) {
          replays.delete(options.context);
          return replay.answer;
        }
        return source.process(options);
      },
    };
    return replaying;
  }

  /** The call executeQueryPlan's executeFetch makes for a root fetch: the planner's operation and its variables. */
  #send(passable: Passable, requestContext: RequestContext): Answer {
    const { fetch } = passable;
    const provided = requestContext.request.variables;
    const variables: Record<string, unknown> = Object.create(null);
    for (const name of fetch.variableUsages ?? []) {
      if (provided && Object.hasOwn(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
    }
    // Its own span, as Apollo Gateway's gateway.fetch is on the normal path: the agency's trace continues under it.
    const tracer = trace.getTracer(tracerName);
    return tracer.startActiveSpan(
      'gateway.fetch',
      { attributes: { service: fetch.serviceName, 'joined_up.passthrough': true } },
      async (span) => {
        try {
          return await passable.source.process({
            kind: 'incoming operation',
            request: { query: fetch.operation, variables, operationName: fetch.operationName, http: undefined },
            incomingRequestContext: requestContext,
            context: requestContext.context,
            document: fetch.operationDocumentNode,
            pathInIncomingRequest: [],
          } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);
        } finally {
          span.end();
        }
      },
    );
  }
}

/** The client's operation exactly as executeQueryPlan builds it for computeResponse, and its check. */
function compileCheck(api: Schema, operationContext: Resolved['operationContext']): ResponseCheck | undefined {
  try {
    const definitions = [operationContext.operation, ...Object.values(operationContext.fragments)];
    return compileResponseCheck(operationFromDocument(api, { kind: Kind.DOCUMENT, definitions }, { validate: false }));
  } catch {
    // executeQueryPlan would answer such an operation with the error: the normal path does.
    return undefined;
  }
}

/** The key Apollo Gateway caches a plan under: the document's hash and the operation's name. */
function operationKey(requestContext: RequestContext): string {
  return `${requestContext.queryHash}/${requestContext.request.operationName ?? ''}`;
}

/** Apollo Gateway's own check of the variables (validateIncomingRequest): one that fails takes the normal path. */
function variablesAreValid(requestContext: RequestContext): boolean {
  const definitions = requestContext.operation?.variableDefinitions;
  if (!definitions || definitions.length === 0) return true;
  return !getVariableValues(requestContext.schema, definitions, requestContext.request.variables ?? {}).errors;
}

/** The check's verdict; an answer it cannot walk goes to the normal path, which says what is wrong with it. */
function checks(check: ResponseCheck, data: Record<string, unknown>): boolean {
  try {
    return check(data);
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
