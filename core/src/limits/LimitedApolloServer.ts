import { ApolloServer, type ApolloServerOptions, type BaseContext } from '@apollo/server';
import { type HttpRequestLimits, refuseOversizedRequest } from './refuseOversizedRequest.ts';
import { TrustedDocuments } from './TrustedDocuments.ts';

/**
 * Apollo Server that resolves registered operations' ids (TrustedDocuments) and measures each
 * HTTP request before anything else runs (see refuseOversizedRequest). A refused request still
 * takes Apollo's own path, so CSRF prevention comes first and the error is formatted and given its
 * HTTP status like any other: the refusal simply takes the place of building the request's context.
 */
export class LimitedApolloServer<TContext extends BaseContext> extends ApolloServer<TContext> {
  readonly #limits: HttpRequestLimits;
  readonly #trusted: TrustedDocuments;

  constructor(
    config: ApolloServerOptions<TContext>,
    limits: HttpRequestLimits,
    trusted: TrustedDocuments = new TrustedDocuments({ documents: [] }),
  ) {
    // Automatic persisted queries are off: they would let any client register any operation, and
    // registered operations come from schema/operations/ alone.
    super({ ...config, allowBatchedHttpRequests: limits.maxBatchSize > 0, persistedQueries: false });
    this.#limits = limits;
    this.#trusted = trusted;
  }

  override async executeHTTPGraphQLRequest(
    request: Parameters<ApolloServer<TContext>['executeHTTPGraphQLRequest']>[0],
  ) {
    const resolved = this.#trusted.resolve(request.httpGraphQLRequest);
    const httpGraphQLRequest = resolved.refusal ? request.httpGraphQLRequest : resolved.request;
    // A registered operation is not held to the token limit meant for text written ad hoc: it was
    // reviewed when it was registered, and a page's one query is rightly large.
    const refusal =
      resolved.refusal ??
      refuseOversizedRequest(httpGraphQLRequest, this.#limits, (query) => this.#trusted.isRegistered(query));
    return super.executeHTTPGraphQLRequest(
      refusal
        ? { ...request, httpGraphQLRequest, context: () => Promise.reject(refusal) }
        : { ...request, httpGraphQLRequest },
    );
  }
}
