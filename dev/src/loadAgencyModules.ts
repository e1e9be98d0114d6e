import type { SubgraphModule } from '@joined-up/kit';
import { readSubgraphList, type SubgraphEntry } from '@joined-up/schema';

/** An agency's module type-erased, so modules with different tables can sit in one list. */
export type AnySubgraphModule = SubgraphModule<Record<string, unknown>, unknown>;

/** An agency this repository runs: its entry in the subgraph list, its module, and where it runs in development. */
export interface AgencyModule {
  entry: SubgraphEntry;
  module: AnySubgraphModule;
  /** Development port, from its URL in subgraphs.json. */
  port: number;
  /** Environment variable prefix (HEALTH for HEALTH_URL, HEALTH_PORT, HEALTH_DATABASE_URL). */
  prefix: string;
}

/**
 * Every agency of schema/subgraphs.json that names a workspace package, loaded by that package's
 * name. The list is data: no file here names an agency, so a new one joins by its entry alone,
 * and an agency running elsewhere (no package) is simply not started here. A package must export
 * exactly one SubgraphModule.
 */
export async function loadAgencyModules(
  entries: readonly SubgraphEntry[] = readSubgraphList(),
): Promise<AgencyModule[]> {
  const local = entries.filter((entry) => entry.package !== undefined);
  return Promise.all(
    local.map(async (entry) => {
      const exports = (await import(entry.package!)) as Record<string, unknown>;
      const modules = Object.values(exports).filter(isSubgraphModule);
      if (modules.length !== 1) {
        throw new Error(
          `${entry.package} (for "${entry.name}" in subgraphs.json) ` +
            `must export one SubgraphModule; it exports ` +
            `${modules.length}.`,
        );
      }
      const module = modules[0]!;
      if (module.agency.name !== entry.name) {
        throw new Error(
          `${entry.package} serves "${module.agency.name}", but subgraphs.json lists it as "${entry.name}".`,
        );
      }
      return { entry, module, port: Number(new URL(entry.url).port), prefix: entry.urlVariable.replace(/_URL$/, '') };
    }),
  );
}

function isSubgraphModule(value: unknown): value is AnySubgraphModule {
  const candidate = value as Partial<AnySubgraphModule> | undefined;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.agency?.name === 'string' &&
    typeof candidate.typeDefs === 'string' &&
    typeof candidate.seed === 'function'
  );
}
