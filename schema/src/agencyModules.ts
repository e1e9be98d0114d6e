import { careCoordinationSubgraph } from '@joined-up/care-coordination';
import { healthSubgraph } from '@joined-up/health';
import type { SubgraphModule } from '@joined-up/kit';
import { socialCareSubgraph } from '@joined-up/social-care';
import { voluntarySectorSubgraph } from '@joined-up/voluntary-sector';
import { readSubgraphList } from './subgraphList.ts';

/** An agency's module type-erased, so modules with different tables can sit in one list. */
export type AnySubgraphModule = SubgraphModule<Record<string, unknown>, unknown>;

/** An agency in the federation: its module, and where it runs in development. */
export interface AgencyModule {
  module: AnySubgraphModule;
  /** Development port, from its URL in subgraphs.json. */
  port: number;
  /** Environment variable prefix (HEALTH for HEALTH_URL, HEALTH_PORT, HEALTH_DATABASE_URL). */
  prefix: string;
}

// The one place agency code is listed. A new agency adds its module here and its entry to
// subgraphs.json; composition, `npm start` and `npm run seed` then include it.
const modules: Record<string, AnySubgraphModule> = {
  health: healthSubgraph as unknown as AnySubgraphModule,
  'social-care': socialCareSubgraph as unknown as AnySubgraphModule,
  'voluntary-sector': voluntarySectorSubgraph as unknown as AnySubgraphModule,
  'care-coordination': careCoordinationSubgraph as unknown as AnySubgraphModule,
};

/** Every agency listed in subgraphs.json with its module, in the list's order. */
export function agencyModules(): AgencyModule[] {
  return readSubgraphList().map((entry) => {
    const module = modules[entry.name];
    if (!module)
      throw new Error(`subgraphs.json lists "${entry.name}" but schema/src/agencyModules.ts has no module for it.`);
    return { module, port: Number(new URL(entry.url).port), prefix: entry.urlVariable.replace(/_URL$/, '') };
  });
}
