import { fileURLToPath } from 'node:url';
import type { SubgraphModule } from '@joined-up/kit';
import { createLoaders, type CareCoordinationLoaders } from './createLoaders.ts';
import { startDeliveringCareEvents } from './deliverCareEvents.ts';
import { loadSubjectFacts } from './loadSubjectFacts.ts';
import { careCoordinationPolicy } from './policy.ts';
import { resolvers } from './resolvers.ts';
import { seed } from './seed.ts';
import { tables, type CareCoordinationTables } from './tables.ts';
import { typeDefs } from './typeDefs.ts';

/** The care-coordination subgraph: the place partnership's shared plan, care team, referrals and measures. */
export const careCoordinationSubgraph: SubgraphModule<CareCoordinationTables, CareCoordinationLoaders> = {
  agency: { name: 'care-coordination', displayName: 'Riverside Place Partnership' },
  typeDefs,
  resolvers: resolvers as unknown as SubgraphModule<CareCoordinationTables, CareCoordinationLoaders>['resolvers'],
  tables,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  createLoaders,
  access: { policy: careCoordinationPolicy, loadSubjectFacts },
  seed,
  seedVersion: 1,
  startConsumers: startDeliveringCareEvents,
};

export { tables as careCoordinationTables } from './tables.ts';
