import type { SubgraphContext, Transaction as KitTransaction } from '@joined-up/kit';
import type { CareCoordinationLoaders } from './createLoaders.ts';
import type { CareCoordinationTables } from './tables.ts';

/** What the partnership's resolvers receive, for every request. */
export type Context = SubgraphContext<CareCoordinationTables, CareCoordinationLoaders>;

/** A write's transaction over the partnership's tables. */
export type Transaction = KitTransaction<CareCoordinationTables>;
