import { GraphQLError } from 'graphql';
import { errorCodes } from '../errorCodes.ts';

/**
 * The code an error formatter should give: Apollo labels every validation error
 * GRAPHQL_VALIDATION_FAILED, but one that our own validation rules raised with a catalogued code
 * (a request limit's QUERY_TOO_COMPLEX) keeps that code. `error` is the error before formatting,
 * as Apollo Server passes it to formatError.
 */
export function catalogedCodeOf(code: unknown, error: unknown): unknown {
  if (code !== 'GRAPHQL_VALIDATION_FAILED') return code;
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const originalCode = original instanceof GraphQLError ? original.extensions['code'] : undefined;
  return typeof originalCode === 'string' && originalCode in errorCodes ? originalCode : code;
}
