import { catalogedCodeOf, errorCodes, traceExtensions } from '@joined-up/core';
import type { GraphQLFormattedError } from 'graphql';

/**
 * The last word on every error the gateway returns: the agency's name when an agency is
 * involved, and nothing internal (subgraph URLs, response bodies, stack traces). In
 * production and tests (`masked`) an unexpected error's message is replaced; the request id leads to the logs.
 * `error` is the error before formatting, as Apollo Server passes it to formatError.
 */
export function formatGatewayError(
  formatted: GraphQLFormattedError,
  agencies: Map<string, string>,
  masked: boolean,
  error?: unknown,
): GraphQLFormattedError {
  // While tracing is on, the trace id leads from a client's error report to the trace.
  const extensions: Record<string, unknown> = { ...formatted.extensions, ...traceExtensions() };
  // A request limit's QUERY_TOO_COMPLEX stays itself, not GRAPHQL_VALIDATION_FAILED.
  if (extensions['code'] !== undefined) extensions['code'] = catalogedCodeOf(extensions['code'], error);
  for (const internal of ['stacktrace', 'response', 'http', 'exception']) delete extensions[internal];
  const serviceName = extensions['serviceName'];
  if (typeof serviceName === 'string' && !extensions['agency'])
    extensions['agency'] = agencies.get(serviceName) ?? serviceName;
  // An agency answered with an error that carries no code of our catalog (Apollo labels one with
  // no code DOWNSTREAM_SERVICE_ERROR): the agency answered, so it is not unavailable; it failed.
  if (
    typeof serviceName === 'string' &&
    !(typeof extensions['code'] === 'string' && extensions['code'] in errorCodes)
  ) {
    extensions['code'] = 'INTERNAL_SERVER_ERROR';
  }
  const unexpected = extensions['code'] === undefined || extensions['code'] === 'INTERNAL_SERVER_ERROR';
  if (masked && unexpected) {
    return {
      message: 'Something failed on our side.',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { ...extensions, code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  return { ...formatted, extensions };
}
