import type { ApolloServerPlugin } from '@apollo/server';
import { createRequestError, isValidNhsNumber } from '@joined-up/core';
import {
  type DocumentNode,
  type GraphQLSchema,
  getNamedType,
  Kind,
  TypeInfo,
  type ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';

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
              `Argument "${invalid}" is not a valid NHS number: it must be ` +
                `10 digits with a correct Modulus 11 check digit.`,
              { argumentName: invalid },
            );
          }
        },
      };
    },
  };
}

/** The name of the first argument of type NHSNumber (or a list of them) holding an invalid value. */
export function findInvalidNhsNumberArgument(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
): string | undefined {
  const valuesOf = (node: ValueNode): unknown[] => {
    if (node.kind === Kind.VARIABLE) return [variables[node.name.value]].flat();
    if (node.kind === Kind.LIST) return node.values.flatMap(valuesOf);
    if (node.kind === Kind.STRING) return [node.value];
    if (node.kind === Kind.NULL) return [];
    return [Symbol('not a string')];
  };
  for (const argument of nhsNumberArguments(schema, document)) {
    const values = valuesOf(argument.value).filter((value) => value !== null && value !== undefined);
    if (values.some((value) => typeof value !== 'string' || !isValidNhsNumber(value.replace(/\s+/g, ''))))
      return argument.name;
  }
  return undefined;
}

// Apollo Server keeps one parsed document per distinct query, so finding a document's NHS number
// arguments (a walk of the whole document with type information) is done once per query, not once
// per request; only the values, which variables can change, are checked every time.
const argumentsBySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, NhsNumberArgument[]>>();

interface NhsNumberArgument {
  name: string;
  value: ValueNode;
}

/** Every argument of type NHSNumber (or a list of them) in the document, in document order. */
function nhsNumberArguments(schema: GraphQLSchema, document: DocumentNode): NhsNumberArgument[] {
  let byDocument = argumentsBySchema.get(schema);
  if (!byDocument) argumentsBySchema.set(schema, (byDocument = new WeakMap()));
  let found = byDocument.get(document);
  if (found) return found;
  found = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (argument && getNamedType(argument.type).name === 'NHSNumber')
          found.push({ name: node.name.value, value: node.value });
      },
    }),
  );
  byDocument.set(document, found);
  return found;
}
