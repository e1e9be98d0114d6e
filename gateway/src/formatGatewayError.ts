import type { GraphQLFormattedError } from 'graphql';

/**
 * The last word on every error the gateway returns: the agency's name when an agency is
 * involved, and nothing internal (subgraph URLs, response bodies, stack traces). In
 * production an unexpected error's message is replaced; the request id leads to the logs.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, agencies: Map<string, string>, production: boolean): GraphQLFormattedError {
  const extensions: Record<string, unknown> = { ...formatted.extensions };
  for (const internal of ['stacktrace', 'response', 'http', 'exception']) delete extensions[internal];
  const serviceName = extensions['serviceName'];
  if (typeof serviceName === 'string' && !extensions['agency']) extensions['agency'] = agencies.get(serviceName) ?? serviceName;
  if (extensions['code'] === 'DOWNSTREAM_SERVICE_ERROR' && typeof serviceName === 'string') {
    extensions['code'] = 'SUBGRAPH_UNAVAILABLE';
  }
  const unexpected = extensions['code'] === undefined || extensions['code'] === 'INTERNAL_SERVER_ERROR';
  if (production && unexpected) {
    return { message: 'Something failed on our side.', ...(formatted.path ? { path: formatted.path } : {}), extensions: { ...extensions, code: 'INTERNAL_SERVER_ERROR' } };
  }
  return { ...formatted, extensions };
}
