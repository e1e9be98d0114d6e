import { GraphQLError } from 'graphql';

/**
 * The one catalog of error codes used by the gateway and every subgraph. Each code says what
 * happened in words a client developer can act on, and which HTTP status it maps to when it
 * ends a request before GraphQL execution.
 */
export const errorCodes = {
  UNAUTHENTICATED: {
    description: 'No valid bearer token: missing, expired, wrongly signed, or for another issuer or audience.',
    httpStatus: 401,
  },
  FORBIDDEN: {
    description: 'The caller is authenticated but the agency holding the data does not allow this access.',
    httpStatus: 403,
  },
  BAD_USER_INPUT: {
    description: 'An argument is invalid, for example an NHS number that fails its Modulus 11 check.',
    httpStatus: 400,
  },
  NOT_FOUND: {
    description: 'Nothing the caller may see matches the request.',
    httpStatus: 404,
  },
  CONFLICT: {
    description:
      'The change was made against data someone else has changed since the caller read it (a stale plan version, a referral already answered, a coordinator already replaced); `extensions.currentVersion` or `extensions.current` says what it is now. Read again, then retry with a new idempotency key.',
    httpStatus: 409,
  },
  BAD_REQUEST: {
    description: 'The HTTP request is not a GraphQL request: malformed JSON, a wrong content type or method.',
    httpStatus: 400,
  },
  PAYLOAD_TOO_LARGE: {
    description: 'The request body is larger than the configured limit.',
    httpStatus: 413,
  },
  QUERY_TOO_COMPLEX: {
    description:
      'The operation is over one of the gateway limits; `extensions.measure` names it (depth, aliases, directives, cost or tokens), `extensions.limit` and `extensions.measured` give the figures.',
    httpStatus: 400,
  },
  BATCH_NOT_ALLOWED: {
    description:
      'The body is a JSON array of operations (a batch) and the gateway does not accept batches of that size; `extensions.limit` and `extensions.measured` give the figures.',
    httpStatus: 400,
  },
  RATE_LIMITED: {
    description:
      'The caller has sent more requests than allowed in the current window; retry after `extensions.retryAfterSeconds` (also the Retry-After header).',
    httpStatus: 429,
  },
  SUBGRAPH_UNAVAILABLE: {
    description: 'An agency subgraph could not be reached or failed; its part of the answer is missing.',
    httpStatus: 502,
  },
  INTERNAL_SERVER_ERROR: {
    description: 'Something failed on our side. The request id in the logs identifies it.',
    httpStatus: 500,
  },
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** Structured facts carried beside the code, such as the argument at fault or the agency's name. */
export interface ErrorDetails {
  argumentName?: string;
  agency?: string;
  [key: string]: unknown;
}

/**
 * Builds the GraphQLError for a catalogued code. Errors raised while resolving a field leave the
 * HTTP status alone: the rest of the response may still carry data.
 */
export function createError(
  code: ErrorCode,
  message: string,
  details: ErrorDetails = {},
  cause?: unknown,
): GraphQLError {
  return new GraphQLError(message, {
    originalError: cause instanceof Error ? cause : undefined,
    extensions: { code, ...details },
  });
}

/**
 * Builds an error that refuses the whole request (an invalid token, say). The HTTP status rides
 * in `extensions.http`, which Apollo Server uses for the response and formatting then removes.
 */
export function createRequestError(
  code: ErrorCode,
  message: string,
  details: ErrorDetails = {},
  cause?: unknown,
): GraphQLError {
  return new GraphQLError(message, {
    originalError: cause instanceof Error ? cause : undefined,
    extensions: { code, ...details, http: { status: errorCodes[code].httpStatus } },
  });
}
