import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SubgraphModule } from '@joined-up/kit';
import { createLoaders, type VoluntarySectorLoaders } from './createLoaders.ts';
import { resolvers } from './resolvers.ts';
import { seed } from './seed.ts';
import { tables, type VoluntarySectorTables } from './tables.ts';

/** The voluntary-sector subgraph: charities, their services and social prescribing. */
export const voluntarySectorSubgraph: SubgraphModule<VoluntarySectorTables, VoluntarySectorLoaders> = {
  agency: { name: 'voluntary-sector', displayName: 'Riverside Voluntary Sector Partnership' },
  typeDefs: readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'),
  resolvers: resolvers as SubgraphModule<VoluntarySectorTables, VoluntarySectorLoaders>['resolvers'],
  tables,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  createLoaders,
  seed,
};

export { tables as voluntarySectorTables } from './tables.ts';
