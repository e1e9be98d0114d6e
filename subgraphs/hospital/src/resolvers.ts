import { requireNhsNumber, type SubgraphContext, withProvenance } from '@joined-up/kit';
import type { HospitalLoaders } from './createLoaders.ts';
import type { HospitalTables } from './tables.ts';
import { hospitalMutations } from './hospitalMutations.ts';
import { snomed } from './vocabulary.ts';

type Context = SubgraphContext<HospitalTables, HospitalLoaders>;
type Parent = { nhsNumber: string };
const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

/**
 * The trust's resolvers. The kit puts every Person field behind the policy its @policy names and
 * audits each read, so these hold only the domain.
 */
export const resolvers = {
  Person: {
    // Async so that an invalid number fails only its own entity, not every representation in the request.
    __resolveReference: async (reference: Record<string, unknown>) => ({
      nhsNumber: requireNhsNumber(reference['nhsNumber'], 'representations'),
    }),
    hospitalAdmissions: async (person: Parent, _: unknown, context: Context) =>
      (await context.loaders.admissions.load(person.nhsNumber)).map((row) => ({
        ...withProvenance(row),
        admittedAt: iso(row.admittedAt),
        dischargedAt: iso(row.dischargedAt),
      })),
    hospitalEmergencyAttendances: async (person: Parent, _: unknown, context: Context) =>
      (await context.loaders.emergencyAttendances.load(person.nhsNumber)).map((row) => ({
        ...withProvenance(row),
        arrivedAt: iso(row.arrivedAt),
        departedAt: iso(row.departedAt),
      })),
    hospitalDiagnoses: async (person: Parent, _: unknown, context: Context) =>
      (await context.loaders.diagnoses.load(person.nhsNumber)).map((row) => ({
        ...withProvenance(row),
        code: { system: snomed, code: row.code, display: row.display },
        rank: row.rank.toUpperCase(),
      })),
    hospitalDischargeSummaries: async (person: Parent, _: unknown, context: Context) =>
      (await context.loaders.dischargeSummaries.load(person.nhsNumber)).map(withProvenance),
  },
  Mutation: hospitalMutations,
};
