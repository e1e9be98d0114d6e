import { type ConstDirectiveNode, type DocumentNode, Kind, parse } from 'graphql';
import { createError } from '../errorCodes.ts';

/**
 * The access requirements an agency writes into its SDL with Federation's directives, read
 * back so that the subgraph enforces what its schema shows (Apollo Gateway ignores them):
 * `@policy(policies: [["<category>"]])` on a field names the policy category that guards it.
 */
export function policyCategories(typeDefs: string | DocumentNode, typeName: string): Record<string, string> {
  const categories: Record<string, string> = {};
  for (const [field, directive] of fieldDirectives(typeDefs, typeName, 'policy')) {
    const value = directive.arguments?.find((argument) => argument.name.value === 'policies')?.value;
    const first = value?.kind === Kind.LIST ? value.values[0] : undefined;
    const name = first?.kind === Kind.LIST && first.values[0]?.kind === Kind.STRING ? first.values[0].value : undefined;
    if (!name) throw new Error(`${typeName}.${field} has an @policy without a category.`);
    categories[field] = name;
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
        ? value.values.map((inner) => (inner.kind === Kind.LIST ? inner.values.flatMap((scope) => (scope.kind === Kind.STRING ? [scope.value] : [])) : []))
        : [];
  }
  return requirements;
}

/** Wraps the fields that carry @requiresScopes so a caller without the scopes is refused. */
export function guardScopes<TResolvers extends Record<string, unknown>>(resolvers: TResolvers, requirements: Record<string, string[][]>): TResolvers {
  const guarded: Record<string, unknown> = { ...resolvers };
  for (const [field, alternatives] of Object.entries(requirements)) {
    const resolve = resolvers[field] as ((...values: unknown[]) => unknown) | undefined;
    if (!resolve) continue;
    guarded[field] = (parent: unknown, args: unknown, context: { caller: { scopes: string[] }; agency: { displayName: string } }, info: unknown) => {
      if (!alternatives.some((scopes) => scopes.every((scope) => context.caller.scopes.includes(scope)))) {
        throw createError('FORBIDDEN', `${context.agency.displayName} needs a token with the scope ${alternatives.map((scopes) => scopes.join(' and ')).join(' or ')} for this.`, {
          agency: context.agency.displayName,
        });
      }
      return resolve(parent, args, context, info);
    };
  }
  return guarded as TResolvers;
}

function fieldDirectives(typeDefs: string | DocumentNode, typeName: string, directiveName: string): Array<[string, ConstDirectiveNode]> {
  const document = typeof typeDefs === 'string' ? parse(typeDefs) : typeDefs;
  const found: Array<[string, ConstDirectiveNode]> = [];
  for (const definition of document.definitions) {
    if ((definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) || definition.name.value !== typeName) continue;
    for (const field of definition.fields ?? []) {
      const directive = field.directives?.find((candidate) => candidate.name.value === directiveName);
      if (directive) found.push([field.name.value, directive]);
    }
  }
  return found;
}
