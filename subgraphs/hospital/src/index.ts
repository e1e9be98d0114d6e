import { fileURLToPath } from 'node:url';
import type { SubgraphModule } from '@joined-up/kit';
import { createLoaders, type HospitalLoaders } from './createLoaders.ts';
import { loadSubjectFacts } from './loadSubjectFacts.ts';
import { hospitalPolicy } from './policy.ts';
import { resolvers } from './resolvers.ts';
import { seed } from './seed.ts';
import { tables, type HospitalTables } from './tables.ts';
import { typeDefs } from './typeDefs.ts';

/** The hospital subgraph of Riverside University Hospitals NHS Foundation Trust. Extends Person. */
export const hospitalSubgraph: SubgraphModule<HospitalTables, HospitalLoaders> = {
  agency: { name: 'hospital', displayName: 'Riverside University Hospitals NHS Foundation Trust' },
  typeDefs,
  resolvers: resolvers as unknown as SubgraphModule<HospitalTables, HospitalLoaders>['resolvers'],
  tables,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  createLoaders,
  access: { policy: hospitalPolicy, loadSubjectFacts },
  seed,
  seedVersion: 1,
};
