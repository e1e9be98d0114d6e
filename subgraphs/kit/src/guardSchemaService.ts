import type { ApolloServerPlugin } from '@apollo/server';
import { type Caller, createError } from '@joined-up/core';
import { Kind, type SelectionSetNode } from 'graphql';

/** The role that may read a production subgraph's SDL (`_service { sdl }`) unless configured otherwise. */
export const defaultSchemaReaderRoles: readonly string[] = ['schema-reader'];

/**
 * In production, `_service { sdl }` is the whole schema, the very thing turning introspection off
 * keeps from callers: it is answered only to a caller whose role is a schema reader's (the
 * credential composition uses, JOINED_UP_SCHEMA_TOKEN). Everyone else is refused before anything
 * resolves, wherever in the operation's root `_service` is asked for (aliases and fragments too).
 */
export function guardSchemaService<TContext extends { caller: Caller }>(
  readerRoles: readonly string[],
): ApolloServerPlugin<TContext> {
  const readers = new Set(readerRoles);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (!operation || readers.has(contextValue.caller.role)) return;
          const fragments = new Map(
            document.definitions.flatMap((definition) =>
              definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition.selectionSet]] : [],
            ),
          );
          if (asksForService(operation.selectionSet, fragments, new Set()))
            throw createError('FORBIDDEN', 'The schema is given only to the partnership’s schema readers.');
        },
      };
    },
  };
}

function asksForService(
  set: SelectionSetNode,
  fragments: ReadonlyMap<string, SelectionSetNode>,
  seen: Set<string>,
): boolean {
  return set.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === '_service';
    if (selection.kind === Kind.INLINE_FRAGMENT) return asksForService(selection.selectionSet, fragments, seen);
    const name = selection.name.value;
    const fragment = fragments.get(name);
    if (!fragment || seen.has(name)) return false;
    seen.add(name);
    return asksForService(fragment, fragments, seen);
  });
}
