import { requireNhsNumber, type SubgraphContext, withProvenance } from '@joined-up/kit';
import type { __TYPE__Loaders } from './createLoaders.ts';
import type { __TYPE__Tables } from './tables.ts';

type Context = SubgraphContext<__TYPE__Tables, __TYPE__Loaders>;

/**
 * __DISPLAY__'s resolvers. The kit puts every Person field behind the policy its @policy names and
 * audits each read, so these hold only the domain.
 */
export const resolvers = {
  Person: {
    // Async so that an invalid number fails only its own entity, not every representation in the request.
    __resolveReference: async (reference: Record<string, unknown>) => ({
      nhsNumber: requireNhsNumber(reference['nhsNumber'], 'representations'),
    }),
    __FIELD__Support: async (person: { nhsNumber: string }, _: unknown, context: Context) =>
      (await context.loaders.supports.load(person.nhsNumber)).map(withProvenance),
  },
};
