import { GraphQLScalarType, Kind } from 'graphql';

// The scalars pass strings through unchanged: validation happens where the value is used, so
// that an invalid NHS number is reported as BAD_USER_INPUT naming its argument (a failing
// scalar would surface as a generic validation error instead).
function stringScalar(name: string, description: string): GraphQLScalarType {
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
    parseValue: (value) => (typeof value === 'string' ? value : String(value)),
    parseLiteral: (ast) =>
      ast.kind === Kind.STRING ? ast.value : 'kind' in ast && 'value' in ast ? String(ast.value) : '',
  });
}

/** Resolvers for the scalars in the shared SDL. */
export const scalarResolvers = {
  NHSNumber: stringScalar('NHSNumber', 'A ten-digit NHS number with a Modulus 11 check digit.'),
  Date: stringScalar('Date', 'A calendar date, YYYY-MM-DD.'),
  DateTime: stringScalar('DateTime', 'A point in time, ISO 8601.'),
};
