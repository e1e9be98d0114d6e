import { fileURLToPath } from 'node:url';
import type { SubgraphModule } from '@joined-up/kit';
import { createLoaders, type HealthLoaders } from './createLoaders.ts';
import { loadSubjectFacts } from './loadSubjectFacts.ts';
import { healthPolicy } from './policy.ts';
import { resolvers } from './resolvers.ts';
import { typeDefs } from './typeDefs.ts';
import { seed } from './seed.ts';
import { tables, type HealthTables } from './tables.ts';

/** The health subgraph: GP federation and community health services. Owns Person. */
export const healthSubgraph: SubgraphModule<HealthTables, HealthLoaders> = {
  agency: { name: 'health', displayName: 'Riverside GP Federation and Community Health Services' },
  typeDefs,
  resolvers: resolvers as SubgraphModule<HealthTables, HealthLoaders>['resolvers'],
  tables,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  createLoaders,
  access: { policy: healthPolicy, loadSubjectFacts },
  seed,
  // 2: care teams, delegations, sharing decisions and sensitive entries for information governance.
  seedVersion: 2,
};

export { tables as healthTables } from './tables.ts';
