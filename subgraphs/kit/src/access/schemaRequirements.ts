import { createError } from '@joined-up/core';
import { type ConstDirectiveNode, type DocumentNode, Kind, parse } from 'graphql';

/**
 * The policy categories of one field: one category, or several for a field that joins parts of
 * the record held under different categories (a timeline, say).
 */
export type FieldCategories = string | readonly string[];

/**
 * The access requirements an agency writes into its SDL with Federation's directives, read
 * back so that the subgraph enforces what its schema shows (Apollo Gateway ignores them):
 * `@policy(policies: [["<category>"]])` on a field names the policy category that guards it, and
 * `@policy(policies: [["a"], ["b"]])` (alternatives, as Federation reads them) a field that shows
 * the parts of categories a and b the caller may see. One category stays a plain string, so a
 * field's category reads as before; several are a list in the order written.
 *
 * An alternative may name further policies after its first (`[["timeline", "encounters"]]`):
 * those of other agencies' fields that a field with @requires reads, which composition asks the
 * field to carry. Each agency decides those fields itself, so only the first name is this
 * agency's category.
 */
export function policyCategories(typeDefs: string | DocumentNode, typeName: string): Record<string, FieldCategories> {
  const categories: Record<string, FieldCategories> = {};
  for (const [field, directive] of fieldDirectives(typeDefs, typeName, 'policy')) {
    const value = directive.arguments?.find((argument) => argument.name.value === 'policies')?.value;
    const alternatives = value?.kind === Kind.LIST ? value.values : [];
    const names = alternatives.map((alternative) =>
      alternative.kind === Kind.LIST && alternative.values[0]?.kind === Kind.STRING
        ? alternative.values[0].value
        : undefined,
    );
    if (names.length === 0 || names.some((name) => !name))
      throw new Error(`${typeName}.${field} has an @policy without a category in every alternative.`);
    const unique = [...new Set(names as string[])];
    categories[field] = unique.length === 1 ? unique[0]! : unique;
  }
  return categories;
}

/** `@requiresScopes(scopes: [["a", "b"], ["c"]])` per field: any one inner list, all of its scopes. */
export function scopeRequirements(typeDefs: string | DocumentNode, typeName: string): Record<string, string[][]> {
  const requirements: Record<string, string[][]> = {};
  for (const [field, directive] of fieldDirectives(typeDefs, typeName, 'requiresScopes')) {
    const value = directive.arguments?.find((argument) => argument.name.value === 'scopes')?.value;
    requirements[field] =
      value?.kind === Kind.LIST
        ? value.values.map((inner) =>
            inner.kind === Kind.LIST
              ? inner.values.flatMap((scope) => (scope.kind === Kind.STRING ? [scope.value] : []))
              : [],
          )
        : [];
  }
  return requirements;
}

/** Wraps the fields that carry @requiresScopes so a caller without the scopes is refused. */
export function guardScopes<TResolvers extends Record<string, unknown>>(
  resolvers: TResolvers,
  requirements: Record<string, string[][]>,
): TResolvers {
  const guarded: Record<string, unknown> = { ...resolvers };
  for (const [field, alternatives] of Object.entries(requirements)) {
    const resolve = resolvers[field] as ((...values: unknown[]) => unknown) | undefined;
    if (!resolve) continue;
    guarded[field] = (
      parent: unknown,
      args: unknown,
      context: { caller: { scopes: string[] }; agency: { displayName: string } },
      info: unknown,
    ) => {
      if (!alternatives.some((scopes) => scopes.every((scope) => context.caller.scopes.includes(scope)))) {
        throw createError(
          'FORBIDDEN',
          `${context.agency.displayName} needs a token with the scope ` +
            `${alternatives.map((scopes) => scopes.join(' and ')).join(' or ')} ` +
            `for this.`,
          {
            agency: context.agency.displayName,
          },
        );
      }
      return resolve(parent, args, context, info);
    };
  }
  return guarded as TResolvers;
}

function fieldDirectives(
  typeDefs: string | DocumentNode,
  typeName: string,
  directiveName: string,
): Array<[string, ConstDirectiveNode]> {
  const document = typeof typeDefs === 'string' ? parse(typeDefs) : typeDefs;
  const found: Array<[string, ConstDirectiveNode]> = [];
  for (const definition of document.definitions) {
    if (
      (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) ||
      definition.name.value !== typeName
    )
      continue;
    for (const field of definition.fields ?? []) {
      const directive = field.directives?.find((candidate) => candidate.name.value === directiveName);
      if (directive) found.push([field.name.value, directive]);
    }
  }
  return found;
}
