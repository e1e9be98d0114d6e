import { type SubgraphContext, decodeCursor, isIsoDate, pageSize, provenanceOf, requireNhsNumber, toConnection, withProvenance } from '@joined-up/kit';
import { snomed, socialPrescribingReferral } from '@joined-up/population';
import type { EngagementRow, VoluntarySectorLoaders } from './createLoaders.ts';
import { listClients } from './listClients.ts';
import type { clients, referrals, services, VoluntarySectorTables } from './tables.ts';

type Context = SubgraphContext<VoluntarySectorTables, VoluntarySectorLoaders>;
type ClientRow = typeof clients.$inferSelect;
type ReferralRow = typeof referrals.$inferSelect;
type ServiceRow = typeof services.$inferSelect;
/** A Person here is only ever its key: health owns everything else about the person. */
type PersonParent = { nhsNumber: string };


/** An organisation's summary by code, falling back to the code for one this agency does not hold. */
async function organisationSummary(code: string, context: Context) {
  const organisation = await context.loaders.organisation.load(code);
  return { code, name: organisation?.name ?? code };
}

/** The voluntary sector's resolvers. Every list goes through the request's loaders, so lists are batched. */
export const resolvers = {
  Query: {
    voluntaryOrganisations: (_: unknown, __: unknown, context: Context) =>
      context.db.query.organisations.findMany({ orderBy: (table, { asc }) => asc(table.name) }),
    // A worker sees their own caseload: the verified token's subject is the worker's id.
    voluntarySectorClients: (_: unknown, args: { first?: number | null; after?: string | null }, context: Context) =>
      listClients(context.db, context.caller.subject, args),
  },
  Person: {
    // The agency may hold nothing for a valid NHS number: its lists then come back empty. Async so
    // that an invalid number fails only its own entity, not every representation in the request.
    __resolveReference: async (reference: { nhsNumber: unknown }): Promise<PersonParent> => ({ nhsNumber: requireNhsNumber(reference.nhsNumber, 'representations') }),
    socialPrescribingReferrals: async (person: PersonParent, _: unknown, context: Context) =>
      (await context.loaders.referrals.load(person.nhsNumber)).map(withProvenance),
    whatMattersToMe: async (person: PersonParent, _: unknown, context: Context) =>
      (await context.loaders.whatMatters.load(person.nhsNumber)).map(withProvenance),
    engagements: async (person: PersonParent, args: { first?: number | null; after?: string | null }, context: Context) => {
      const size = pageSize(args.first);
      const after = decodeCursor(args.after, isIsoDate);
      const rows = await context.loaders.engagementPages.load({ nhsNumber: person.nhsNumber, limit: size + 1, after });
      return toConnection(rows.map(withProvenance), size, (row) => ({ key: row.occurredOn, id: row.id }));
    },
  },
  VoluntaryOrganisation: {
    services: (organisation: { code: string }, _: unknown, context: Context) => context.loaders.servicesOf.load(organisation.code),
  },
  VoluntaryService: {
    organisation: (service: ServiceRow, _: unknown, context: Context) => organisationSummary(service.organisationCode, context),
    volunteerCount: async (service: ServiceRow, _: unknown, context: Context) => (await context.loaders.volunteersOf.load(service.id)).length,
    volunteers: (service: ServiceRow, _: unknown, context: Context) => context.loaders.volunteersOf.load(service.id),
  },
  VoluntarySectorWorker: {
    organisation: (worker: { organisationCode: string }, _: unknown, context: Context) => organisationSummary(worker.organisationCode, context),
  },
  VoluntarySectorClient: {
    displayName: (client: ClientRow) => `${client.givenName} ${client.familyName}`,
    // Only a client who agreed to be linked is ever shown with an NHS number or as a Person.
    nhsNumber: (client: ClientRow) => (client.linkedWithAgreementOn ? client.nhsNumber : null),
    person: (client: ClientRow): PersonParent | null => (client.nhsNumber && client.linkedWithAgreementOn ? { nhsNumber: client.nhsNumber } : null),
    organisation: (client: ClientRow) => ({ code: client.organisationCode, name: client.organisationName }),
    provenance: (client: ClientRow) => provenanceOf(client),
  },
  VoluntarySocialPrescribingReferral: {
    code: () => ({ system: snomed, code: socialPrescribingReferral.code, display: socialPrescribingReferral.display }),
    referrer: (referral: ReferralRow) => ({
      name: referral.referrerName,
      role: referral.referrerRole,
      organisationName: referral.referrerOrganisationName,
      // The referrer's organisation is usually another agency's, so its summary is as the referral wrote it.
      organisation: referral.referrerOrganisationCode ? { code: referral.referrerOrganisationCode, name: referral.referrerOrganisationName } : null,
    }),
    referredTo: (referral: ReferralRow, _: unknown, context: Context) => organisationSummary(referral.referredToCode, context),
    statusHistory: async (referral: ReferralRow, _: unknown, context: Context) => (await context.loaders.statusChanges.load(referral.id)).map(withProvenance),
    linkWorker: (referral: ReferralRow, _: unknown, context: Context) => (referral.linkWorkerId ? context.loaders.worker.load(referral.linkWorkerId) : null),
  },
  VoluntaryWhatMattersConversation: {
    heldBy: (conversation: { heldById: string }, _: unknown, context: Context) => context.loaders.worker.load(conversation.heldById),
  },
  VoluntaryEngagement: {
    // The organisation that ran the session is the one whose record it is.
    organisation: (engagement: EngagementRow) => ({ code: engagement.organisationCode, name: engagement.organisationName }),
    service: (engagement: EngagementRow, _: unknown, context: Context) => context.loaders.service.load(engagement.serviceId),
  },
};
