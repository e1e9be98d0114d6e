import { type SubgraphContext, createError, decodeCursor, isTimestamp, pageSize, requireNhsNumber, toConnection, withProvenance } from '@joined-up/kit';
import { snomed } from '@joined-up/population';
import type { HealthLoaders, EncounterRow } from './createLoaders.ts';
import { searchPeople } from './searchPeople.ts';
import type { HealthTables, patients } from './tables.ts';

type Context = SubgraphContext<HealthTables, HealthLoaders>;
type PatientRow = typeof patients.$inferSelect;
/** What a Person resolver receives: a patient row, or only the key when resolved as an entity. */
type PersonParent = PatientRow;
interface CodedRow {
  snomedCode: string;
  display: string;
}

const maxPeoplePerRequest = 100;

const coding = (row: CodedRow) => ({ system: snomed, code: row.snomedCode, display: row.display });

/** Health's resolvers. Every list goes through the request's loaders, so lists are batched. */
export const resolvers = {
  Query: {
    person: (_: unknown, args: { nhsNumber: string }, context: Context) =>
      context.loaders.patient.load(requireNhsNumber(args.nhsNumber, 'nhsNumber')),
    people: (_: unknown, args: { nhsNumbers: string[] }, context: Context) => {
      if (args.nhsNumbers.length > maxPeoplePerRequest) {
        throw createError('BAD_USER_INPUT', `Argument "nhsNumbers" may hold at most ${maxPeoplePerRequest} NHS numbers.`, { argumentName: 'nhsNumbers' });
      }
      const nhsNumbers = args.nhsNumbers.map((value) => requireNhsNumber(value, 'nhsNumbers'));
      return context.loaders.patient.loadMany(nhsNumbers);
    },
    searchPeople: (_: unknown, args: { name?: string | null; dateOfBirth?: string | null; postcode?: string | null; first?: number | null; after?: string | null }, context: Context) =>
      searchPeople(context.db, args),
    gpPractices: async (_: unknown, __: unknown, context: Context) => {
      const rows = await context.db.query.organisations.findMany({ where: (table, { eq }) => eq(table.kind, 'gp-practice'), orderBy: (table, { asc }) => asc(table.name) });
      return rows;
    },
  },
  Person: {
    // Async so that one invalid representation fails only its own entity, not the whole batch.
    __resolveReference: async (reference: { nhsNumber: string }, context: Context) =>
      context.loaders.patient.load(requireNhsNumber(reference.nhsNumber, 'representations')),
    name: (person: PersonParent) => ({ given: person.givenName, family: person.familyName, full: `${person.givenName} ${person.familyName}` }),
    age: (person: PersonParent) => ageOn(person.dateOfBirth, new Date()),
    address: (person: PersonParent) => ({ line1: person.addressLine1, town: person.town, postcode: person.postcode }),
    gpPractice: (person: PersonParent, _: unknown, context: Context) => context.loaders.organisation.load(person.gpPracticeCode),
    problems: async (person: PersonParent, args: { status?: string | null }, context: Context) => {
      const rows = await context.loaders.problems.load(person.nhsNumber);
      return rows.filter((row) => !args.status || row.status === args.status).map((row) => ({ ...withProvenance(row), code: coding(row) }));
    },
    medications: async (person: PersonParent, args: { status?: string | null }, context: Context) => {
      const rows = await context.loaders.medications.load(person.nhsNumber);
      return rows.filter((row) => !args.status || row.status === args.status).map(withProvenance);
    },
    allergies: async (person: PersonParent, _: unknown, context: Context) =>
      (await context.loaders.allergies.load(person.nhsNumber)).map((row) => ({ ...withProvenance(row), code: coding(row) })),
    alerts: async (person: PersonParent, _: unknown, context: Context) =>
      (await context.loaders.flags.load(person.nhsNumber)).filter((row) => row.kind === 'alert').map(withProvenance),
    individualRequirements: async (person: PersonParent, _: unknown, context: Context) =>
      (await context.loaders.flags.load(person.nhsNumber)).filter((row) => row.kind === 'requirement').map(withProvenance),
    encounters: async (person: PersonParent, args: { first?: number | null; after?: string | null }, context: Context) => {
      const size = pageSize(args.first);
      const rows = await context.loaders.encounterPages.load({ nhsNumber: person.nhsNumber, limit: size + 1, after: decodeCursor(args.after, isTimestamp) });
      return toConnection(rows.map(withProvenance), size, (row) => ({ key: row.occurredAt, id: row.id }));
    },
    clinicians: async (person: PersonParent, _: unknown, context: Context) => {
      const rows = await context.loaders.careRelationships.load(person.nhsNumber);
      return rows.map((row) => ({ clinicianId: row.clinicianId, relationship: row.relationship, since: row.since }));
    },
  },
  GPPractice: {
    federation: (practice: { parentCode: string | null }, _: unknown, context: Context) =>
      practice.parentCode ? context.loaders.organisation.load(practice.parentCode) : null,
  },
  Encounter: {
    occurredAt: (row: EncounterRow) => new Date(row.occurredAt).toISOString(),
    clinician: (row: EncounterRow, _: unknown, context: Context) => context.loaders.clinician.load(row.clinicianId),
  },
  ClinicianInvolvement: {
    clinician: (involvement: { clinicianId: string }, _: unknown, context: Context) => context.loaders.clinician.load(involvement.clinicianId),
  },
  Clinician: {
    __resolveReference: (reference: { id: string }, context: Context) => context.loaders.clinician.load(reference.id),
    organisation: async (clinician: { organisationCode: string }, _: unknown, context: Context) => {
      const organisation = await context.loaders.organisation.load(clinician.organisationCode);
      return { code: clinician.organisationCode, name: organisation?.name ?? clinician.organisationCode };
    },
  },
};

/** Whole years between a date of birth and `today`. */
export function ageOn(dateOfBirth: string, today: Date): number {
  const [year, month, day] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const beforeBirthday = today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
  return today.getUTCFullYear() - year - (beforeBirthday ? 1 : 0);
}
