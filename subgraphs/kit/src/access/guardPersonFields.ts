import type { GraphQLResolveInfo } from 'graphql';
import type { AuditTrail } from './createAuditTrail.ts';
import type { AccessControl, Granted } from './createAccessControl.ts';
import type { FieldCategories } from './schemaRequirements.ts';

type Resolver = (parent: never, args: never, context: never, info: GraphQLResolveInfo) => unknown;

/** What a guarded resolver's context carries beyond the subgraph's own. */
export interface GuardedContext {
  access: AccessControl;
  audit: AuditTrail;
  /** The decision that let a single-category field through: resolvers use it to withhold sensitive entries. */
  decision?: Granted;
  /**
   * The decision of each category the caller may see, for every guarded field: a field of several
   * categories shows the parts of these alone, each withholding sensitive entries by its own decision.
   */
  decisions?: ReadonlyMap<string, Granted>;
}

/**
 * Puts every listed field of a type holding person data behind the agency's policy, and notes
 * each read in the audit trail. A field of one category is refused with FORBIDDEN or resolved with
 * its decision in the context. A field of several categories (a timeline) is decided for each: it
 * is refused, in the same words, only when the caller may see none of them, and otherwise resolved
 * with the decisions of those allowed, which are all the audit records as read. `nhsNumberOf`
 * finds whose data the parent object is.
 */
export function guardPersonFields<TResolvers extends Record<string, unknown>>(
  resolvers: TResolvers,
  fieldCategories: Record<string, FieldCategories>,
  nhsNumberOf: (parent: Record<string, unknown>) => string = (parent) => parent['nhsNumber'] as string,
): TResolvers {
  const guarded: Record<string, unknown> = { ...resolvers };
  for (const [field, categories] of Object.entries(fieldCategories)) {
    const resolve = (resolvers[field] as Resolver | undefined) ?? ((parent: Record<string, unknown>) => parent[field]);
    guarded[field] = async (
      parent: Record<string, unknown>,
      args: unknown,
      context: GuardedContext,
      info: GraphQLResolveInfo,
    ) => {
      const nhsNumber = nhsNumberOf(parent);
      const decisions =
        typeof categories === 'string'
          ? new Map([[categories, await context.access.require(nhsNumber, categories)]])
          : await allowedOf(context.access, nhsNumber, categories);
      for (const [category, decision] of decisions) {
        // A name read with the demographics is audited once, as the demographics it is part of.
        if (decision.includedIn && decisions.has(decision.includedIn)) continue;
        context.audit.record(nhsNumber, category, {
          breakGlassReason: decision.breakGlassReason,
          breakGlassDeclared: decision.breakGlassDeclared ?? false,
        });
      }
      const fieldContext: GuardedContext =
        typeof categories === 'string'
          ? { ...context, decision: decisions.get(categories)!, decisions }
          : { ...context, decision: undefined, decisions };
      return (resolve as (...values: unknown[]) => unknown)(parent, args, fieldContext, info);
    };
  }
  return guarded as TResolvers;
}

/**
 * The decisions of the categories the caller may see, decided together (the facts behind them
 * are loaded once). When none is allowed the first category is required, so the refusal is the
 * usual FORBIDDEN, in words that tell nothing about which parts exist.
 */
async function allowedOf(
  access: AccessControl,
  nhsNumber: string,
  categories: readonly string[],
): Promise<Map<string, Granted>> {
  const outcomes = await Promise.all(categories.map((category) => access.decide(nhsNumber, category)));
  const allowed = new Map<string, Granted>();
  categories.forEach((category, i) => {
    const outcome = outcomes[i];
    if (outcome?.allowed) allowed.set(category, outcome);
  });
  if (allowed.size === 0 && categories[0] !== undefined)
    allowed.set(categories[0], await access.require(nhsNumber, categories[0]));
  return allowed;
}

/** Drops entries carrying a sensitive category unless the decision includes them. */
export function withholdSensitive<T extends { sensitivity?: string | null }>(
  rows: readonly T[],
  decision: Granted | undefined,
): T[] {
  return rows.filter((row) => !row.sensitivity || decision?.includeSensitive === true);
}

/**
 * The parts of a field of several categories that the caller may see: each part is built only
 * when its category is among the field's decisions, with that decision (to withhold sensitive
 * entries), and the parts are joined in the order given. Parts are built concurrently, so their
 * loaders batch together.
 */
export async function allowedParts<T>(
  context: GuardedContext,
  parts: Record<string, (decision: Granted) => Promise<readonly T[]> | readonly T[]>,
): Promise<T[]> {
  const { decisions } = context;
  // Only the guard sets the decisions: without them the field was never decided, so nothing is shown.
  if (!decisions) throw new Error('allowedParts needs a field guarded by guardPersonFields.');
  const built = await Promise.all(
    Object.entries(parts).map(([category, build]) => {
      const decision = decisions.get(category);
      return decision ? Promise.resolve(build(decision)) : Promise.resolve([]);
    }),
  );
  return built.flat() as T[];
}
