import {
  allowedParts,
  createError,
  decodeCursor,
  isIsoDate,
  newestFirst,
  pageSize,
  provenanceOf,
  requireEntityId,
  requireNhsNumber,
  toConnection,
  withProvenance,
  type SubgraphContext,
  type TimelineEntry,
} from '@joined-up/kit';
import { snomed, socialPrescribingReferral } from '@joined-up/population';
import type { EngagementRow, VoluntarySectorLoaders } from './createLoaders.ts';
import { listClients } from './listClients.ts';
import { referralMutations } from './referralMutations.ts';
import type { clients, referrals, services, VoluntarySectorTables } from './tables.ts';
import { voluntarySectorTimelineParts } from './voluntarySectorTimelineParts.ts';

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
  Mutation: referralMutations,
  Query: {
    voluntaryOrganisations: (_: unknown, __: unknown, context: Context) =>
      context.db.query.organisations.findMany({ orderBy: (table, { asc }) => asc(table.name) }),
    // A worker sees their own caseload: the verified token's subject is the worker's id. Each
    // listed client linked to an NHS number is a read of that person's data, so it is audited.
    voluntarySectorClients: async (
      _: unknown,
      args: { first?: number | null; after?: string | null },
      context: Context,
    ) => {
      // Only for direct care: the list names people, those without an NHS number included.
      if (context.caller.purpose !== 'direct-care') {
        throw createError(
          'FORBIDDEN',
          `${context.agency.displayName} does not share this part of the record with you.`,
          { agency: context.agency.displayName },
        );
      }
      const page = await listClients(context.db, context.caller.subject, args);
      for (const { node } of page.edges) {
        if (node.nhsNumber && node.linkedWithAgreementOn) {
          await context.access.require(node.nhsNumber, 'client-list');
          context.audit.record(node.nhsNumber, 'client-list');
        }
      }
      return page;
    },
  },
  // Every field is decided by the partnership's policy, alike whether or not it holds anything
  // for the person: a refusal never tells a held record from an unknown one.
  Person: {
    // Async so that an invalid number fails only its own entity, not every representation in the request.
    __resolveReference: async (reference: { nhsNumber: unknown }): Promise<PersonParent> => ({
      nhsNumber: requireNhsNumber(reference.nhsNumber, 'representations'),
    }),
    socialPrescribingReferrals: async (person: PersonParent, _: unknown, context: Context) =>
      (await context.loaders.referrals.load(person.nhsNumber)).map(withProvenance),
    whatMattersToMe: async (person: PersonParent, _: unknown, context: Context) =>
      (await context.loaders.whatMatters.load(person.nhsNumber)).map(withProvenance),
    engagements: async (
      person: PersonParent,
      args: { first?: number | null; after?: string | null },
      context: Context,
    ) => {
      const size = pageSize(args.first);
      const after = decodeCursor(args.after, isIsoDate);
      const loader = context.loaders.engagementPages(Boolean(context.decision?.includeSensitive));
      const rows = await loader.load({ nhsNumber: person.nhsNumber, limit: size + 1, after });
      return toConnection(rows.map(withProvenance), size, (row) => ({ key: row.occurredOn, id: row.id }));
    },
    // Only the parts the caller may see, for the care coordination timeline to merge with other agencies'.
    voluntarySectorTimeline: async (person: PersonParent, _: unknown, context: Context): Promise<TimelineEntry[]> =>
      newestFirst(await allowedParts(context, voluntarySectorTimelineParts(person.nhsNumber, context))),
  },
  VoluntarySectorOrganisation: {
    services: (organisation: { code: string }, _: unknown, context: Context) =>
      context.loaders.servicesOf.load(organisation.code),
  },
  VoluntarySectorService: {
    organisation: (service: ServiceRow, _: unknown, context: Context) =>
      organisationSummary(service.organisationCode, context),
    volunteerCount: async (service: ServiceRow, _: unknown, context: Context) =>
      (await context.loaders.volunteersOf.load(service.id)).length,
    volunteers: (service: ServiceRow, _: unknown, context: Context) => context.loaders.volunteersOf.load(service.id),
  },
  VoluntarySectorWorker: {
    // Batched: every worker the gateway asks for in one request is one statement. Async so that one
    // invalid representation fails only its own entity; an unknown id resolves to null.
    __resolveReference: async (reference: { id: unknown }, context: Context) =>
      context.loaders.worker.load(requireEntityId(reference.id, 'VoluntarySectorWorker')),
    organisation: (worker: { organisationCode: string }, _: unknown, context: Context) =>
      organisationSummary(worker.organisationCode, context),
  },
  VoluntarySectorClient: {
    displayName: (client: ClientRow) => `${client.givenName} ${client.familyName}`,
    // Only a client who agreed to be linked is ever shown with an NHS number or as a Person.
    nhsNumber: (client: ClientRow) => (client.linkedWithAgreementOn ? client.nhsNumber : null),
    person: (client: ClientRow): PersonParent | null =>
      client.nhsNumber && client.linkedWithAgreementOn ? { nhsNumber: client.nhsNumber } : null,
    organisation: (client: ClientRow) => ({ code: client.organisationCode, name: client.organisationName }),
    provenance: (client: ClientRow) => provenanceOf(client),
  },
  VoluntarySectorSocialPrescribingReferral: {
    code: () => ({ system: snomed, code: socialPrescribingReferral.code, display: socialPrescribingReferral.display }),
    referrer: (referral: ReferralRow) => ({
      name: referral.referrerName,
      role: referral.referrerRole,
      organisationName: referral.referrerOrganisationName,
      // The referrer's organisation is usually another agency's, so its summary is as the referral wrote it.
      organisation: referral.referrerOrganisationCode
        ? { code: referral.referrerOrganisationCode, name: referral.referrerOrganisationName }
        : null,
    }),
    referredTo: (referral: ReferralRow, _: unknown, context: Context) =>
      organisationSummary(referral.referredToCode, context),
    statusHistory: async (referral: ReferralRow, _: unknown, context: Context) =>
      (await context.loaders.statusChanges.load(referral.id)).map(withProvenance),
    linkWorker: (referral: ReferralRow, _: unknown, context: Context) =>
      referral.linkWorkerId ? context.loaders.worker.load(referral.linkWorkerId) : null,
  },
  VoluntarySectorWhatMattersConversation: {
    heldBy: (conversation: { heldById: string }, _: unknown, context: Context) =>
      context.loaders.worker.load(conversation.heldById),
  },
  VoluntarySectorEngagement: {
    // The organisation that ran the session is the one whose record it is.
    organisation: (engagement: EngagementRow) => ({
      code: engagement.organisationCode,
      name: engagement.organisationName,
    }),
    service: (engagement: EngagementRow, _: unknown, context: Context) =>
      context.loaders.service.load(engagement.serviceId),
  },
};
