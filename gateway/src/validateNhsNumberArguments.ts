import type { ApolloServerPlugin } from '@apollo/server';
import { createRequestError, isValidNhsNumber } from '@joined-up/kit';
import { type DocumentNode, type GraphQLSchema, getNamedType, Kind, TypeInfo, type ValueNode, visit, visitWithTypeInfo } from 'graphql';

/**
 * Refuses an operation before any agency is called when an NHS number argument is invalid,
 * naming the argument. Subgraphs validate too (they never trust the network); this only saves
 * the round trips and gives one clear error instead of one per agency.
 */
export function validateNhsNumberArguments<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request }) {
          const invalid = findInvalidNhsNumberArgument(schema, document, request.variables ?? {});
          if (invalid) {
            throw createRequestError(
              'BAD_USER_INPUT',
              `Argument "${invalid}" is not a valid NHS number: it must be 10 digits with a correct Modulus 11 check digit.`,
              { argumentName: invalid },
            );
          }
        },
      };
    },
  };
}

/** The name of the first argument of type NHSNumber (or a list of them) holding an invalid value. */
export function findInvalidNhsNumberArgument(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): string | undefined {
  const typeInfo = new TypeInfo(schema);
  let invalid: string | undefined;
  const valuesOf = (node: ValueNode): unknown[] => {
    if (node.kind === Kind.VARIABLE) return [variables[node.name.value]].flat();
    if (node.kind === Kind.LIST) return node.values.flatMap(valuesOf);
    if (node.kind === Kind.STRING) return [node.value];
    if (node.kind === Kind.NULL) return [];
    return [Symbol('not a string')];
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (invalid || !argument || getNamedType(argument.type).name !== 'NHSNumber') return;
        const values = valuesOf(node.value).filter((value) => value !== null && value !== undefined);
        if (values.some((value) => typeof value !== 'string' || !isValidNhsNumber(value.replace(/\s+/g, '')))) invalid = node.name.value;
      },
    }),
  );
  return invalid;
}
