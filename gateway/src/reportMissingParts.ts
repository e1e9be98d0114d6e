import type { ApolloServerPlugin } from '@apollo/server';
import { type GraphQLFormattedError, Kind, parse, type SelectionSetNode } from 'graphql';

/**
 * The fields some field @requires, read from the supergraph's @join__field directives: for each
 * required field's name, the fields that require it (`healthTimeline` => [`timeline`]).
 */
export function partsRequiredBy(supergraphSdl: string): Map<string, string[]> {
  const requiredBy = new Map<string, string[]>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of definition.fields ?? []) {
      for (const directive of field.directives ?? []) {
        if (directive.name.value !== 'join__field') continue;
        const requires = directive.arguments?.find((argument) => argument.name.value === 'requires')?.value;
        if (requires?.kind !== Kind.STRING) continue;
        for (const part of topFieldNames(requires.value)) {
          const dependents = requiredBy.get(part) ?? [];
          if (!dependents.includes(field.name.value)) dependents.push(field.name.value);
          requiredBy.set(part, dependents);
        }
      }
    }
  }
  return requiredBy;
}

function topFieldNames(fieldSet: string): string[] {
  const [operation] = parse(`{ ${fieldSet} }`).definitions;
  if (operation?.kind !== Kind.OPERATION_DEFINITION) return [];
  const names = (set: SelectionSetNode): string[] =>
    set.selections.flatMap((selection) =>
      selection.kind === Kind.FIELD
        ? [selection.name.value]
        : selection.kind === Kind.INLINE_FRAGMENT
          ? names(selection.selectionSet)
          : [],
    );
  return names(operation.selectionSet);
}

/**
 * A field that gathers several agencies' parts through @requires (care coordination's timeline,
 * its skill coverage) is answered from the parts that came back. Each part that did not (an
 * agency unreachable, or refusing) has its error at the part's own path, which the client never
 * asked for; this plugin gives that error again at the path of each field in the answer that
 * required the part, so the client is told there, by agency, what is missing. The error stays at
 * the part's path only when the client asked for the part itself, or nothing in the answer
 * required it.
 */
export function reportMissingParts<TContext extends object>(
  requiredBy: () => ReadonlyMap<string, readonly string[]>,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!result.errors || !result.data) return;
          const parts = requiredBy();
          if (parts.size === 0) return;
          const seen = new Set(result.errors.map(errorKey));
          const errors: GraphQLFormattedError[] = [];
          for (const error of result.errors) {
            const path = error.path;
            const part = path?.at(-1);
            const dependents = typeof part === 'string' ? parts.get(part) : undefined;
            const parent = path && dependents ? valueAt(result.data, path.slice(0, -1)) : undefined;
            if (!path || !dependents || !isRecord(parent)) {
              errors.push(error);
              continue;
            }
            let reported = Object.hasOwn(parent, part as string);
            if (reported) errors.push(error);
            for (const dependent of dependents) {
              if (!Object.hasOwn(parent, dependent)) continue;
              const copy = { ...error, path: [...path.slice(0, -1), dependent] };
              if (!seen.has(errorKey(copy))) errors.push(copy);
              seen.add(errorKey(copy));
              reported = true;
            }
            if (!reported) errors.push(error);
          }
          result.errors = errors;
        },
      };
    },
  };
}

function errorKey(error: GraphQLFormattedError): string {
  const extensions = error.extensions ?? {};
  return JSON.stringify([error.path, extensions['code'], extensions['serviceName'] ?? extensions['agency']]);
}

function valueAt(data: unknown, path: ReadonlyArray<string | number>): unknown {
  let value = data;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
