import {
  decodeCursor,
  isTimestamp,
  newestFirst,
  pageSize,
  requireEntityId,
  requireNhsNumber,
  timelineEntry,
  toConnection,
  withProvenance,
  withholdSensitive,
  type SubgraphContext,
} from '@joined-up/kit';
import { snomed } from '@joined-up/population';
import type { HealthLoaders, EncounterRow } from './createLoaders.ts';
import { dateInEngland } from './dateInEngland.ts';
import { searchPeople } from './searchPeople.ts';
import type { HealthTables, patients } from './tables.ts';

type Context = SubgraphContext<HealthTables, HealthLoaders>;
type PatientRow = typeof patients.$inferSelect;
/** What a Person resolver receives: a patient row, or only the key when resolved as an entity. */
type PersonParent = Partial<PatientRow> & { nhsNumber: string };
interface CodedRow {
  snomedCode: string;
  display: string;
}

const coding = (row: CodedRow) => ({ system: snomed, code: row.snomedCode, display: row.display });

/** Health's resolvers. Every list goes through the request's loaders, so lists are batched. */
export const resolvers = {
  Query: {
    searchPeople: async (
      _: unknown,
      args: {
        name?: string | null;
        dateOfBirth?: string | null;
        postcode?: string | null;
        first?: number | null;
        after?: string | null;
      },
      context: Context,
    ) => {
      const page = await searchPeople(context.db, context.caller, args);
      // The search finds people the caller has a relationship with; the policy still decides
      // (purpose, sharing decisions), and each person found is an audited read.
      const decisions = await Promise.all(
        page.edges.map((edge) => context.access.decide(edge.node.nhsNumber, 'demographics')),
      );
      const edges = page.edges.filter((_edge, index) => decisions[index]?.allowed === true);
      for (const edge of edges) context.audit.record(edge.node.nhsNumber, 'demographics');
      return {
        edges,
        pageInfo:
          edges.length === 0
            ? { hasNextPage: false, endCursor: null }
            : { hasNextPage: page.pageInfo.hasNextPage, endCursor: edges.at(-1)!.cursor },
      };
    },
    gpPractices: async (_: unknown, __: unknown, context: Context) => {
      const rows = await context.db.query.organisations.findMany({
        where: (table, { eq }) => eq(table.kind, 'gp-practice'),
        orderBy: (table, { asc }) => asc(table.name),
      });
      return rows;
    },
  },
  Person: {
    // Async so that one invalid representation fails only its own entity, not the whole batch.
    __resolveReference: (reference: { nhsNumber: string }, context: Context) =>
      personByKey(requireNhsNumber(reference.nhsNumber, 'representations'), context),
    // A person resolved by key alone (a record health does not hold) has no demographics.
    name: (person: PersonParent) =>
      person.givenName === undefined
        ? null
        : { given: person.givenName, family: person.familyName, full: `${person.givenName} ${person.familyName}` },
    age: (person: PersonParent) => (person.dateOfBirth === undefined ? null : ageOn(person.dateOfBirth, new Date())),
    address: (person: PersonParent) =>
      person.addressLine1 === undefined
        ? null
        : { line1: person.addressLine1, town: person.town, postcode: person.postcode },
    gpPractice: (person: PersonParent, _: unknown, context: Context) =>
      person.gpPracticeCode === undefined ? null : context.loaders.organisation.load(person.gpPracticeCode),
    problems: async (person: PersonParent, args: { status?: string | null }, context: Context) => {
      const rows = withholdSensitive(await context.loaders.problems.load(person.nhsNumber), context.decision);
      return rows
        .filter((row) => !args.status || row.status === args.status)
        .map((row) => ({ ...withProvenance(row), code: coding(row) }));
    },
    medications: async (person: PersonParent, args: { status?: string | null }, context: Context) => {
      const rows = withholdSensitive(await context.loaders.medications.load(person.nhsNumber), context.decision);
      return rows.filter((row) => !args.status || row.status === args.status).map(withProvenance);
    },
    allergies: async (person: PersonParent, _: unknown, context: Context) =>
      (await context.loaders.allergies.load(person.nhsNumber)).map((row) => ({
        ...withProvenance(row),
        code: coding(row),
      })),
    alerts: async (person: PersonParent, _: unknown, context: Context) =>
      (await context.loaders.flags.load(person.nhsNumber)).filter((row) => row.kind === 'alert').map(withProvenance),
    individualRequirements: async (person: PersonParent, _: unknown, context: Context) =>
      (await context.loaders.flags.load(person.nhsNumber))
        .filter((row) => row.kind === 'requirement')
        .map(withProvenance),
    encounters: async (
      person: PersonParent,
      args: { first?: number | null; after?: string | null },
      context: Context,
    ) => {
      const size = pageSize(args.first);
      const loader = context.loaders.encounterPages(Boolean(context.decision?.includeSensitive));
      const rows = await loader.load({
        nhsNumber: person.nhsNumber,
        limit: size + 1,
        after: decodeCursor(args.after, isTimestamp),
      });
      return toConnection(rows.map(withProvenance), size, (row) => ({ key: row.occurredAt, id: row.id }));
    },
    // Every encounter at once, for the care coordination timeline to merge with other agencies'.
    healthTimeline: async (person: PersonParent, _: unknown, context: Context) => {
      const rows = withholdSensitive(await context.loaders.encounters.load(person.nhsNumber), context.decision);
      return newestFirst(
        rows.map((row) =>
          timelineEntry(context.agency, row, {
            localType: 'encounter',
            localId: row.id,
            occurredOn: dateInEngland(row.occurredAt),
            kind: 'ENCOUNTER',
            title: row.type,
            detail: `${row.setting}: ${row.summary}`,
          }),
        ),
      );
    },
    clinicians: async (person: PersonParent, _: unknown, context: Context) => {
      const rows = await context.loaders.careRelationships.load(person.nhsNumber);
      return rows.map((row) => ({ clinicianId: row.clinicianId, relationship: row.relationship, since: row.since }));
    },
  },
  HealthGPPractice: {
    federation: (practice: { parentCode: string | null }, _: unknown, context: Context) =>
      practice.parentCode ? context.loaders.organisation.load(practice.parentCode) : null,
  },
  HealthEncounter: {
    occurredAt: (row: EncounterRow) => new Date(row.occurredAt).toISOString(),
    clinician: (row: EncounterRow, _: unknown, context: Context) => context.loaders.clinician.load(row.clinicianId),
  },
  HealthClinicianInvolvement: {
    clinician: (involvement: { clinicianId: string }, _: unknown, context: Context) =>
      context.loaders.clinician.load(involvement.clinicianId),
  },
  HealthClinician: {
    // Batched: every clinician the gateway asks for in one request is one statement. Async so that
    // one invalid representation fails only its own entity; an unknown id resolves to null.
    __resolveReference: async (reference: { id: unknown }, context: Context) =>
      context.loaders.clinician.load(requireEntityId(reference.id, 'HealthClinician')),
    organisation: async (clinician: { organisationCode: string }, _: unknown, context: Context) => {
      const organisation = await context.loaders.organisation.load(clinician.organisationCode);
      return { code: clinician.organisationCode, name: organisation?.name ?? clinician.organisationCode };
    },
  },
};

/**
 * A person as health answers for them: the record when the caller may see demographics, else
 * the bare key, whether or not health holds a record, so nothing tells a held record from an
 * unknown one. Every field then decides for itself; other agencies' fields are never blanked.
 */
async function personByKey(nhsNumber: string, context: Context): Promise<PersonParent> {
  // The name alone may be shown ('name': a carer's, to the person they care for); each field's own
  // guard still decides what of the row is answered. The policy's demographics include the name, so
  // 'name' needs asking only when demographics are refused.
  const allowed =
    (await context.access.decide(nhsNumber, 'demographics')).allowed ||
    (await context.access.decide(nhsNumber, 'name')).allowed;
  return (allowed ? await context.loaders.patient.load(nhsNumber) : null) ?? { nhsNumber };
}

/** Whole years between a date of birth and `today`. */
export function ageOn(dateOfBirth: string, today: Date): number {
  const [year, month, day] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const beforeBirthday =
    today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
  return today.getUTCFullYear() - year - (beforeBirthday ? 1 : 0);
}
