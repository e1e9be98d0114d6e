import type { HTTPGraphQLRequest } from '@apollo/server';
import { createRequestError } from '../errorCodes.ts';
import type { GraphQLError } from 'graphql';
import { countTokens, queryTooComplex, type RequestLimits } from './requestLimits.ts';

/** The limits measured on the HTTP request itself, before Apollo Server does anything with it. */
export type HttpRequestLimits = Pick<RequestLimits, 'maxBatchSize' | 'maxTokens'>;

/**
 * The error that refuses a GraphQL HTTP request for its size, or undefined when it may go on: a
 * batch larger than allowed (BATCH_NOT_ALLOWED), or a document with too many tokens
 * (QUERY_TOO_COMPLEX). Counting tokens is one cheap pass of the lexer, so a token bomb is
 * refused before it costs a parse, a validation or a token verification. A query that `isRegistered`
 * says is a registered operation's text is not counted.
 */
export function refuseOversizedRequest(
  request: HTTPGraphQLRequest,
  limits: HttpRequestLimits,
  isRegistered: (query: string) => boolean = () => false,
): GraphQLError | undefined {
  const batch = request.method === 'POST' && Array.isArray(request.body) ? (request.body as unknown[]) : undefined;
  if (batch && batch.length > limits.maxBatchSize) {
    const message =
      limits.maxBatchSize === 0
        ? 'Batched operations are not accepted: send one operation per request.'
        : `A batch may hold at most ${limits.maxBatchSize} operations; this one has ${batch.length}.`;
    return createRequestError('BATCH_NOT_ALLOWED', message, { limit: limits.maxBatchSize, measured: batch.length });
  }
  const queries = batch ?? [
    request.method === 'GET' ? { query: new URLSearchParams(request.search).get('query') } : request.body,
  ];
  for (const body of queries) {
    const query = typeof body === 'object' && body !== null ? (body as { query?: unknown }).query : undefined;
    if (typeof query !== 'string' || isRegistered(query)) continue;
    const tokens = countTokens(query);
    if (tokens > limits.maxTokens) return queryTooComplex('tokens', limits.maxTokens, tokens);
  }
  return undefined;
}
