import { requireNhsNumber, type SubgraphContext, withProvenance } from '@joined-up/kit';
import type { HospitalLoaders } from './createLoaders.ts';
import type { HospitalTables } from './tables.ts';

type Context = SubgraphContext<HospitalTables, HospitalLoaders>;

/**
 * Riverside University Hospitals NHS Foundation Trust's resolvers. The kit puts every Person field behind the policy its @policy names and
 * audits each read, so these hold only the domain.
 */
export const resolvers = {
  Person: {
    // Async so that an invalid number fails only its own entity, not every representation in the request.
    __resolveReference: async (reference: Record<string, unknown>) => ({
      nhsNumber: requireNhsNumber(reference['nhsNumber'], 'representations'),
    }),
    hospitalSupport: async (person: { nhsNumber: string }, _: unknown, context: Context) =>
      (await context.loaders.supports.load(person.nhsNumber)).map(withProvenance),
  },
};
