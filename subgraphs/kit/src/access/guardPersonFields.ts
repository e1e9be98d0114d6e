import type { GraphQLResolveInfo } from 'graphql';
import type { AuditTrail } from './createAuditTrail.ts';
import type { AccessControl, Granted } from './createAccessControl.ts';

type Resolver = (parent: never, args: never, context: never, info: GraphQLResolveInfo) => unknown;

/** What a guarded resolver's context carries beyond the subgraph's own. */
export interface GuardedContext {
  access: AccessControl;
  audit: AuditTrail;
  /** The decision that let this field through: resolvers use it to withhold sensitive entries. */
  decision?: Granted;
}

/**
 * Puts every listed field of a type holding person data behind the agency's policy: decide for
 * the field's category, refuse with FORBIDDEN, or resolve with the decision in the context and
 * note the read in the audit trail. `nhsNumberOf` finds whose data the parent object is.
 */
export function guardPersonFields<TResolvers extends Record<string, unknown>>(
  resolvers: TResolvers,
  fieldCategories: Record<string, string>,
  nhsNumberOf: (parent: Record<string, unknown>) => string = (parent) => parent['nhsNumber'] as string,
): TResolvers {
  const guarded: Record<string, unknown> = { ...resolvers };
  for (const [field, category] of Object.entries(fieldCategories)) {
    const resolve = (resolvers[field] as Resolver | undefined) ?? ((parent: Record<string, unknown>) => parent[field]);
    guarded[field] = async (parent: Record<string, unknown>, args: unknown, context: GuardedContext, info: GraphQLResolveInfo) => {
      const nhsNumber = nhsNumberOf(parent);
      const decision = await context.access.require(nhsNumber, category);
      context.audit.record(nhsNumber, category, { breakGlassReason: decision.breakGlassReason, breakGlassDeclared: decision.breakGlassDeclared ?? false });
      return (resolve as (...values: unknown[]) => unknown)(parent, args, { ...context, decision }, info);
    };
  }
  return guarded as TResolvers;
}

/** Drops entries carrying a sensitive category unless the decision includes them. */
export function withholdSensitive<T extends { sensitivity?: string | null }>(rows: readonly T[], decision: Granted | undefined): T[] {
  return rows.filter((row) => !row.sensitivity || decision?.includeSensitive === true);
}
