import type { GraphQLFormattedError } from 'graphql';

/**
 * Removes graphql-js's "Did you mean ...?" hints (unknown fields, arguments, types, enum values)
 * from an error. With introspection off, they would let a caller recover the schema name by name.
 */
export function hideFieldSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.replace(/\s*Did you mean\b[^?]*\?/g, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}
