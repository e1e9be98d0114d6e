import { fileURLToPath } from 'node:url';
import type { SubgraphModule } from '@joined-up/kit';
import { createLoaders, type SocialCareLoaders } from './createLoaders.ts';
import { loadSubjectFacts } from './loadSubjectFacts.ts';
import { socialCarePolicy } from './policy.ts';
import { resolvers } from './resolvers.ts';
import { typeDefs } from './typeDefs.ts';
import { seed } from './seed.ts';
import { startReviewDueScan } from './startReviewDueScan.ts';
import { tables, type SocialCareTables } from './tables.ts';

/** The adult social care subgraph of Riverside Council and the providers it commissions. Extends Person. */
export const socialCareSubgraph: SubgraphModule<SocialCareTables, SocialCareLoaders> = {
  agency: { name: 'social-care', displayName: 'Riverside Council Adult Social Care' },
  typeDefs,
  resolvers: resolvers as SubgraphModule<SocialCareTables, SocialCareLoaders>['resolvers'],
  tables,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  createLoaders,
  access: { policy: socialCarePolicy, loadSubjectFacts },
  seed,
  // 2: care teams, delegations, sharing decisions and sensitive entries for information governance.
  seedVersion: 2,
  startConsumers: startReviewDueScan,
};

export { tables as socialCareTables } from './tables.ts';
