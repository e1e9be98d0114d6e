import { fileURLToPath } from 'node:url';
import type { SubgraphModule } from '@joined-up/kit';
import { createLoaders, type __TYPE__Loaders } from './createLoaders.ts';
import { loadSubjectFacts } from './loadSubjectFacts.ts';
import { __FIELD__Policy } from './policy.ts';
import { resolvers } from './resolvers.ts';
import { seed } from './seed.ts';
import { tables, type __TYPE__Tables } from './tables.ts';
import { typeDefs } from './typeDefs.ts';

/** The __NAME__ subgraph of __DISPLAY__. Extends Person. */
export const __FIELD__Subgraph: SubgraphModule<__TYPE__Tables, __TYPE__Loaders> = {
  agency: { name: '__NAME__', displayName: '__DISPLAY__' },
  typeDefs,
  resolvers: resolvers as unknown as SubgraphModule<__TYPE__Tables, __TYPE__Loaders>['resolvers'],
  tables,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  createLoaders,
  access: { policy: __FIELD__Policy, loadSubjectFacts },
  seed,
  seedVersion: 1,
};
