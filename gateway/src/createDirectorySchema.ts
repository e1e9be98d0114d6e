import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createError, requireNhsNumber } from '@joined-up/core';
import { directorySubgraph } from '@joined-up/schema';
import { type GraphQLSchema, GraphQLScalarType, Kind, parse } from 'graphql';

const maxPeoplePerRequest = 100;

/**
 * The directory's executable schema (schema/subgraphs/directory.graphql), which the gateway runs
 * in its own process: `person` and `people` turn NHS numbers into Person references from the
 * numbers alone, touching no database, so that reaching a person depends on no agency being up.
 * Every valid number gets the same reference whether or not any agency holds a record, so the
 * entry point tells an unauthorised caller nothing; each agency's fields decide and answer for
 * themselves.
 */
export function createDirectorySchema(): GraphQLSchema {
  const typeDefs = parse(readFileSync(directorySubgraph.sdlPath, 'utf8'));
  return buildSubgraphSchema([{ typeDefs, resolvers: directoryResolvers as never }]);
}

const directoryResolvers = {
  // Passed through as the agencies' scalar does; the resolvers check each number, naming its argument.
  NHSNumber: new GraphQLScalarType({
    name: 'NHSNumber',
    serialize: (value) => String(value),
    parseValue: (value) => (typeof value === 'string' ? value : String(value)),
    parseLiteral: (ast) => (ast.kind === Kind.STRING ? ast.value : ''),
  }),
  Query: {
    person: (_: unknown, args: { nhsNumber: string }) => ({ nhsNumber: requireNhsNumber(args.nhsNumber, 'nhsNumber') }),
    people: (_: unknown, args: { nhsNumbers: string[] }) => {
      if (args.nhsNumbers.length > maxPeoplePerRequest) {
        throw createError(
          'BAD_USER_INPUT',
          `Argument "nhsNumbers" may hold at most ${maxPeoplePerRequest} NHS numbers.`,
          { argumentName: 'nhsNumbers' },
        );
      }
      return args.nhsNumbers.map((nhsNumber) => ({ nhsNumber: requireNhsNumber(nhsNumber, 'nhsNumbers') }));
    },
  },
};
