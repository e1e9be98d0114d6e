import { fileURLToPath } from 'node:url';
import type { SubgraphModule } from '@joined-up/kit';
import { createLoaders, type VoluntarySectorLoaders } from './createLoaders.ts';
import { loadSubjectFacts } from './loadSubjectFacts.ts';
import { voluntarySectorPolicy } from './policy.ts';
import { resolvers } from './resolvers.ts';
import { typeDefs } from './typeDefs.ts';
import { seed } from './seed.ts';
import { tables, type VoluntarySectorTables } from './tables.ts';

/** The voluntary-sector subgraph: charities, their services and social prescribing. */
export const voluntarySectorSubgraph: SubgraphModule<VoluntarySectorTables, VoluntarySectorLoaders> = {
  agency: { name: 'voluntary-sector', displayName: 'Riverside Voluntary Sector Partnership' },
  typeDefs,
  resolvers: resolvers as SubgraphModule<VoluntarySectorTables, VoluntarySectorLoaders>['resolvers'],
  tables,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  createLoaders,
  access: { policy: voluntarySectorPolicy, loadSubjectFacts },
  seed,
  // 2: care teams, delegations, sharing decisions and sensitive entries for information governance.
  // 3: workers' contact details.
  seedVersion: 3,
};

export { tables as voluntarySectorTables } from './tables.ts';
