import { entitiesResolver } from '@apollo/subgraph/dist/types.js';
import { createError } from '@joined-up/core';
import {
  type GraphQLFieldResolver,
  GraphQLError,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  isInterfaceType,
  isUnionType,
} from 'graphql';

const shownLength = 60;

/**
 * Makes `_entities` settle every representation before it answers: each is resolved on its own,
 * all are awaited together, and each that fails becomes its own coded error with null in its place.
 * Apollo's resolver maps the list in one pass, so a representation of an unknown type threw while
 * an earlier one's async `__resolveReference` was already rejecting: that rejection then had no
 * handler and ended the process (`_Any` lets any caller with a token send anything). Representations
 * that are not objects naming one of this subgraph's entity types are refused with BAD_USER_INPUT
 * before any resolver sees them. Mutates `schema`, which must come from buildSubgraphSchema.
 */
export function settleEntities(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()['_entities'];
  if (!field) return;
  const entityType = schema.getType('_Entity');
  const entityTypes = new Set(isUnionType(entityType) ? entityType.getTypes().map((type) => type.name) : []);
  const resolve: GraphQLFieldResolver<unknown, unknown, { representations?: unknown }> = async (
    _source,
    args,
    context,
    info,
  ) => {
    const representations = Array.isArray(args.representations) ? (args.representations as unknown[]) : [];
    const settled = await Promise.allSettled(
      representations.map(async (representation) => resolveOne(representation, entityTypes, context, info)),
    );
    // An Error in a list is completed by graphql-js as that item's error, at its own path.
    return settled.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : asError(outcome.reason)));
  };
  field.resolve = resolve as typeof field.resolve;
}

async function resolveOne(
  representation: unknown,
  entityTypes: ReadonlySet<string>,
  context: unknown,
  info: GraphQLResolveInfo,
): Promise<unknown> {
  if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) {
    throw invalid('is not an object');
  }
  const typename = (representation as { __typename?: unknown }).__typename;
  if (typeof typename !== 'string') throw invalid('has no __typename');
  const type = info.schema.getType(typename);
  if (!entityTypes.has(typename) && !isInterfaceType(type)) {
    throw invalid(`names ${JSON.stringify(typename.slice(0, shownLength))}, which is not an entity of this subgraph`);
  }
  const [result] = entitiesResolver({ representations: [representation as { __typename: string }], context, info });
  return await result;
}

function invalid(problem: string): GraphQLError {
  return createError('BAD_USER_INPUT', `Argument "representations" holds a representation that ${problem}.`, {
    argumentName: 'representations',
  });
}

/** Errors keep their code; anything else thrown is left for formatting to treat as unexpected. */
function asError(reason: unknown): Error {
  if (reason instanceof Error) return reason;
  return new Error(String(reason));
}
