import { healthSubgraph } from '@joined-up/health';
import type { SubgraphModule } from '@joined-up/kit';
import { socialCareSubgraph } from '@joined-up/social-care';
import { voluntarySectorSubgraph } from '@joined-up/voluntary-sector';

/** Every agency subgraph with its development port and environment prefix. */
export const agencyModules = [
  { module: healthSubgraph as unknown as SubgraphModule<Record<string, unknown>, unknown>, port: 4001, prefix: 'HEALTH' },
  { module: socialCareSubgraph as unknown as SubgraphModule<Record<string, unknown>, unknown>, port: 4002, prefix: 'SOCIAL_CARE' },
  { module: voluntarySectorSubgraph as unknown as SubgraphModule<Record<string, unknown>, unknown>, port: 4003, prefix: 'VOLUNTARY_SECTOR' },
] as const;
