import { ApolloServer, type ApolloServerOptions, type BaseContext } from '@apollo/server';
import { type HttpRequestLimits, refuseOversizedRequest } from './refuseOversizedRequest.ts';

/**
 * Apollo Server that measures each HTTP request before anything else runs (see
 * refuseOversizedRequest). A refused request still takes Apollo's own path, so CSRF prevention
 * comes first and the error is formatted and given its HTTP status like any other: the refusal
 * simply takes the place of building the request's context.
 */
export class LimitedApolloServer<TContext extends BaseContext> extends ApolloServer<TContext> {
  readonly #limits: HttpRequestLimits;

  constructor(config: ApolloServerOptions<TContext>, limits: HttpRequestLimits) {
    super({ ...config, allowBatchedHttpRequests: limits.maxBatchSize > 0 });
    this.#limits = limits;
  }

  override async executeHTTPGraphQLRequest(
    request: Parameters<ApolloServer<TContext>['executeHTTPGraphQLRequest']>[0],
  ) {
    const refusal = refuseOversizedRequest(request.httpGraphQLRequest, this.#limits);
    return super.executeHTTPGraphQLRequest(refusal ? { ...request, context: () => Promise.reject(refusal) } : request);
  }
}
