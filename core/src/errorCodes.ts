import { GraphQLError } from 'graphql';

/**
 * How an answer carrying a code is sent. `refuses`: the code can refuse a whole request (the answer
 * has no data) with this HTTP status, `when` saying in which case if it can also blank fields, and
 * `also` the other statuses it is sent with, each with its case. `blanks`: the code can instead
 * blank fields, each with its error at its `path`, in a 200 answer beside everything else.
 */
export interface ErrorCodeEntry {
  description: string;
  refuses?: { status: number; when?: string; also?: Record<number, string> };
  blanks?: true;
}

/**
 * The one catalog of error codes used by the gateway and every subgraph. Each code says what
 * happened in words a client developer can act on, and the HTTP status of every answer that
 * carries it comes from here (httpStatusOf): nothing else in the gateway or the kit names a status
 * for a code. The README's error table is this catalog, checked by a test; the fuzz suite checks
 * every answer it gets against it.
 */
export const errorCodes = {
  UNAUTHENTICATED: {
    description: 'No valid bearer token: missing, expired, wrongly signed, or for another issuer or audience.',
    refuses: { status: 401 },
  },
  FORBIDDEN: {
    description:
      'The caller is authenticated but the agency holding the data ' +
      'does not allow this access; those fields are null, the rest ' +
      'is returned.',
    blanks: true,
  },
  BAD_USER_INPUT: {
    description:
      'An argument is invalid, for example an NHS number that fails ' +
      'its Modulus 11 check; `extensions.argumentName` names it. ' +
      'Refused before any agency is called (400) when the gateway ' +
      'can tell, otherwise the field is null (200).',
    refuses: { status: 400, when: 'when the gateway can tell before calling any agency' },
    blanks: true,
  },
  NOT_FOUND: {
    description: 'Nothing the caller may see matches the request, such as a referral not sent to their organisation.',
    refuses: { status: 404, when: 'for a path nothing is served at' },
    blanks: true,
  },
  CONFLICT: {
    description:
      'The change was made against data someone else has changed ' +
      'since the caller read it (a stale plan version, a referral ' +
      'already answered, a coordinator already replaced, a ' +
      'break-glass declaration already reviewed otherwise); ' +
      '`extensions.currentVersion` or `extensions.current` says ' +
      'what it is now. Read again, then retry with a new ' +
      'idempotency key.',
    blanks: true,
  },
  BAD_REQUEST: {
    description:
      'The HTTP request is not a GraphQL request: malformed JSON, a ' +
      'wrong content type or method, a request target that is not a ' +
      'path, or a request a browser could send cross-site unasked ' +
      '(CSRF).',
    refuses: {
      status: 400,
      also: { 405: 'for a method the path does not answer', 415: 'for a GET whose content type is not JSON' },
    },
  },
  GRAPHQL_PARSE_FAILED: {
    description: "The document is not GraphQL (Apollo Server's code); the message says where.",
    refuses: { status: 400 },
  },
  GRAPHQL_VALIDATION_FAILED: {
    description: "The operation does not fit the schema (Apollo Server's code), an unknown field, say.",
    refuses: { status: 400 },
  },
  PAYLOAD_TOO_LARGE: {
    description: 'The request body is larger than the configured limit.',
    refuses: { status: 413 },
  },
  QUERY_TOO_COMPLEX: {
    description:
      'The operation is over one of the gateway limits; ' +
      '`extensions.measure` names it (depth, aliases, directives, ' +
      'cost or tokens), `extensions.limit` and ' +
      '`extensions.measured` give the figures.',
    refuses: { status: 400 },
  },
  BATCH_NOT_ALLOWED: {
    description:
      'The body is a JSON array of operations (a batch) and the ' +
      'gateway does not accept batches of that size; ' +
      '`extensions.limit` and `extensions.measured` give the ' +
      'figures.',
    refuses: { status: 400 },
  },
  PERSISTED_QUERY_NOT_FOUND: {
    description:
      'The request names a registered operation by id (`documentId`, ' +
      'or `extensions.persistedQuery.sha256Hash`) that the gateway ' +
      'does not have: the client was built with an operation not ' +
      'registered under schema/operations/.',
    refuses: { status: 400 },
  },
  OPERATION_NOT_REGISTERED: {
    description:
      'The gateway runs registered operations only ' +
      '(GATEWAY_TRUSTED_DOCUMENTS_ONLY) and the operation text sent is ' +
      'not one of them: send a registered operation by its id.',
    refuses: { status: 400 },
  },
  RATE_LIMITED: {
    description:
      'The caller has sent more requests than allowed in the ' +
      'current window; retry after `extensions.retryAfterSeconds` ' +
      '(also the Retry-After header).',
    refuses: { status: 429 },
  },
  LIVE_UPDATES_UNAVAILABLE: {
    description:
      'This gateway runs without the event engine (NATS_URL), so ' +
      'it cannot send live notifications; the myNotifications ' +
      'query (the inbox) has every one.',
    refuses: { status: 503 },
  },
  SUBGRAPH_UNAVAILABLE: {
    description:
      'An agency could not be reached, did not answer in time, ' +
      'answered with something that is not GraphQL, or has been ' +
      'failing so that its circuit is open (`extensions.reason`: ' +
      'unreachable, timeout, bad-answer, circuit-open); each field ' +
      'it blanked has its own error at its `path`, with the agency ' +
      'named. An agency that answered with an error of its own is ' +
      'reported with its own code instead.',
    blanks: true,
  },
  GATEWAY_TIMEOUT: {
    description:
      'The request reached its deadline ' +
      '(GATEWAY_REQUEST_TIMEOUT_MS) before this agency answered; ' +
      'each field left unanswered has its own error at its `path`, ' +
      'with the agency named.',
    blanks: true,
  },
  INTERNAL_SERVER_ERROR: {
    description:
      'Something failed on our side, or in the agency named; the ' +
      'request id (`x-request-id`) leads to the logs. A field that ' +
      'failed so is null beside the rest (200); a request that ' +
      'failed before GraphQL ran gets 500.',
    refuses: { status: 500, when: 'for a request that failed before GraphQL ran' },
    blanks: true,
  },
} as const satisfies Record<string, ErrorCodeEntry>;

export type ErrorCode = keyof typeof errorCodes;

/** The codes that can refuse a whole request: those with an HTTP status of their own. */
export type RequestErrorCode = {
  [Code in ErrorCode]: (typeof errorCodes)[Code] extends { refuses: object } ? Code : never;
}[ErrorCode];

/** The statuses a code may refuse a request with: its own, and those of its `also`. */
export type HttpStatusOf<Code extends RequestErrorCode> =
  | (typeof errorCodes)[Code]['refuses']['status']
  | ((typeof errorCodes)[Code]['refuses'] extends { also: infer Also } ? keyof Also & number : never);

/**
 * The HTTP status of an answer that `code` refuses as a whole: the one place the gateway and every
 * subgraph take a status from. `variant` picks one of the other statuses the catalog gives the
 * code (405 for a BAD_REQUEST of the wrong method); the types allow no status the catalog lacks.
 */
export function httpStatusOf<Code extends RequestErrorCode>(code: Code, variant?: HttpStatusOf<Code>): number {
  return variant ?? (errorCodes[code] as ErrorCodeEntry).refuses!.status;
}

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
  code: RequestErrorCode,
  message: string,
  details: ErrorDetails = {},
  cause?: unknown,
): GraphQLError {
  return new GraphQLError(message, {
    originalError: cause instanceof Error ? cause : undefined,
    extensions: { code, ...details, http: { status: httpStatusOf(code) } },
  });
}
