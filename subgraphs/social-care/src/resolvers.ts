import {
  allowedParts,
  newestFirst,
  provenanceOf,
  requireEntityId,
  requireNhsNumber,
  withProvenance,
  withholdSensitive,
  type SubgraphContext,
  type TimelineEntry,
} from '@joined-up/kit';
import { vocabulary } from '@joined-up/population';
import type { SocialCareLoaders } from './createLoaders.ts';
import { socialCareCaseload, type CaseloadArgs } from './socialCareCaseload.ts';
import { socialCareServiceMutations } from './socialCareServiceMutations.ts';
import { socialCareTimelineParts } from './socialCareTimelineParts.ts';
import type { allocations, assessments, reviews, requests, services, SocialCareTables, workers } from './tables.ts';
import { cldDeliveryMechanism, cldEventOutcome, cldRouteOfAccess } from './vocabulary.ts';

type Context = SubgraphContext<SocialCareTables, SocialCareLoaders>;
/** Social care holds no demographics: a Person here is only ever its key, however it arrived. */
interface PersonKey {
  nhsNumber: string;
}
type AssessmentRow = typeof assessments.$inferSelect;
type ServiceRow = typeof services.$inferSelect;
type WorkerRow = typeof workers.$inferSelect;

// CLD values are the codes themselves: the data set exchanges them as text.
const cld = (system: string, value: string | null) => (value === null ? null : { system, code: value, display: value });
const personKey = (nhsNumber: string | null): PersonKey | null => (nhsNumber === null ? null : { nhsNumber });

function linkedPerson(nhsNumber: string, context: Context): PersonKey {
  context.audit.record(nhsNumber, 'unpaid-carers');
  return { nhsNumber };
}

async function organisationSummary(code: string | null, context: Context) {
  if (code === null) return null;
  const organisation = await context.loaders.organisation.load(code);
  return { code, name: organisation?.name ?? code };
}

const assessmentsOf = async (person: PersonKey, kind: AssessmentRow['kind'], context: Context) =>
  (await context.loaders.assessments.load(person.nhsNumber)).filter((row) => row.kind === kind).map(withProvenance);

const carerLinksOf = async (person: PersonKey, side: 'caredFor' | 'carer', context: Context) =>
  (await context.loaders.carerLinks.load(person.nhsNumber))
    .filter((link) => link.side === side)
    .map((link) => withProvenance(link.row));

const assessor = (row: AssessmentRow, _: unknown, context: Context) => context.loaders.worker.load(row.assessorId);

/** Social care's resolvers. Every Person field goes through the request's loaders, so lists are batched. */
export const resolvers = {
  Query: {
    socialCareCaseload: async (_: unknown, args: CaseloadArgs, context: Context) => {
      const page = await socialCareCaseload(context.db, context.caller.subject, args);
      // The caseload is the caller's own, yet listing it reads who is on it: each person is
      // decided (in one batch) and recorded in the audit like any other read.
      await Promise.all(
        page.edges.map(async ({ node }) => {
          const decision = await context.access.require(node.nhsNumber, 'allocation');
          context.audit.record(node.nhsNumber, 'allocation', { breakGlassReason: decision.breakGlassReason });
        }),
      );
      return page;
    },
    socialCareWorker: (_: unknown, args: { id: string }, context: Context) => context.loaders.worker.load(args.id),
    socialCareProviders: (_: unknown, __: unknown, context: Context) =>
      context.db.query.organisations.findMany({
        where: (table, { eq }) => eq(table.kind, 'provider'),
        orderBy: (table, { asc }) => asc(table.name),
      }),
  },
  Mutation: socialCareServiceMutations,
  Person: {
    // Social care holds no demographics, so the key is all a Person is here, however it arrived
    // and whether or not the council holds anything: every field then answers to the policy, and
    // a refusal reads the same for a record that exists and one that does not. Async, so that
    // one invalid representation nulls only its own entity, not the whole list.
    __resolveReference: async (reference: PersonKey): Promise<PersonKey> => ({
      nhsNumber: requireNhsNumber(reference.nhsNumber, 'representations'),
    }),
    socialCareRequests: async (person: PersonKey, _: unknown, context: Context) =>
      (await context.loaders.requests.load(person.nhsNumber)).map(withProvenance),
    careActAssessments: (person: PersonKey, _: unknown, context: Context) => assessmentsOf(person, 'needs', context),
    carersAssessments: (person: PersonKey, _: unknown, context: Context) => assessmentsOf(person, 'carer', context),
    socialCareServices: async (person: PersonKey, _: unknown, context: Context) =>
      (await context.loaders.services.load(person.nhsNumber)).map(withProvenance),
    careAndSupportPlan: async (person: PersonKey, _: unknown, context: Context) => {
      const current = (await context.loaders.plans.load(person.nhsNumber)).find((plan) => plan.status !== 'ENDED');
      return current ? withProvenance(current) : null;
    },
    socialCareReviews: async (person: PersonKey, _: unknown, context: Context) =>
      withholdSensitive(await context.loaders.reviews.load(person.nhsNumber), context.decision).map(withProvenance),
    // Only the parts the caller may see, for the care coordination timeline to merge with other agencies'.
    socialCareTimeline: async (person: PersonKey, _: unknown, context: Context): Promise<TimelineEntry[]> =>
      newestFirst(await allowedParts(context, socialCareTimelineParts(person.nhsNumber, context))),
    allocatedSocialWorker: async (person: PersonKey, _: unknown, context: Context) =>
      (await context.loaders.allocatedWorker.load(person.nhsNumber))?.worker ?? null,
    // Naming the other person in a caring relationship is a read of their data too.
    unpaidCarers: async (person: PersonKey, _: unknown, context: Context) =>
      (await carerLinksOf(person, 'caredFor', context)).map((row) => ({
        ...row,
        carer: linkedPerson(row.carerNhsNumber, context),
      })),
    caringFor: async (person: PersonKey, _: unknown, context: Context) =>
      (await carerLinksOf(person, 'carer', context)).map((row) => ({
        ...row,
        person: linkedPerson(row.caredForNhsNumber, context),
      })),
    careWorkers: async (person: PersonKey, _: unknown, context: Context) =>
      (await context.loaders.careWorkerAssignments.load(person.nhsNumber)).map(withProvenance),
  },
  SocialCareRequest: {
    routeOfAccess: (row: typeof requests.$inferSelect) => cld(cldRouteOfAccess, row.routeOfAccess),
    outcome: (row: typeof requests.$inferSelect) => cld(cldEventOutcome, row.outcome),
  },
  SocialCareNeedsAssessment: {
    assessor,
    primarySupportReason: (row: AssessmentRow) => cld(vocabulary.cldPrimarySupportReason, row.primarySupportReason),
  },
  SocialCareCarersAssessment: {
    assessor,
    caredFor: (row: AssessmentRow) => personKey(row.caredForNhsNumber),
  },
  SocialCareService: {
    serviceType: (row: ServiceRow) => cld(vocabulary.cldServiceType, row.serviceType),
    serviceComponent: (row: ServiceRow) => cld(vocabulary.cldServiceComponent, row.serviceComponent),
    supportSetting: (row: ServiceRow) => cld(vocabulary.cldSupportSetting, row.supportSetting),
    deliveryMechanism: (row: ServiceRow) => cld(cldDeliveryMechanism, row.deliveryMechanism),
    primarySupportReason: (row: ServiceRow) => cld(vocabulary.cldPrimarySupportReason, row.primarySupportReason),
    provider: (row: ServiceRow, _: unknown, context: Context) => organisationSummary(row.providerCode, context),
  },
  SocialCarePlan: {
    provider: (row: { providerCode: string | null }, _: unknown, context: Context) =>
      organisationSummary(row.providerCode, context),
  },
  SocialCareReview: {
    reviewer: (row: typeof reviews.$inferSelect, _: unknown, context: Context) =>
      context.loaders.worker.load(row.reviewerId),
    outcome: (row: typeof reviews.$inferSelect) => cld(cldEventOutcome, row.outcome),
  },
  SocialCareWorkerAssignment: {
    worker: (row: { workerId: string }, _: unknown, context: Context) => context.loaders.worker.load(row.workerId),
  },
  SocialCareAllocation: {
    person: (row: typeof allocations.$inferSelect): PersonKey => ({ nhsNumber: row.nhsNumber }),
    worker: (row: typeof allocations.$inferSelect, _: unknown, context: Context) =>
      context.loaders.worker.load(row.workerId),
    provenance: (row: typeof allocations.$inferSelect) => provenanceOf(row),
  },
  SocialCareWorker: {
    // Batched: every worker the gateway asks for in one request is one statement. Async so that one
    // invalid representation fails only its own entity; an unknown id resolves to null.
    __resolveReference: async (reference: { id: unknown }, context: Context) =>
      context.loaders.worker.load(requireEntityId(reference.id, 'SocialCareWorker')),
    organisation: (worker: WorkerRow, _: unknown, context: Context) =>
      organisationSummary(worker.organisationCode, context),
    competencies: async (worker: WorkerRow, _: unknown, context: Context) =>
      (await context.loaders.competencies.load(worker.id)).map(withProvenance),
  },
  SocialCareProvider: {
    serviceComponents: (provider: { serviceComponents: string[] }) =>
      provider.serviceComponents.map((component) => cld(vocabulary.cldServiceComponent, component)),
    workers: (provider: { code: string }, _: unknown, context: Context) =>
      context.loaders.workersByOrganisation.load(provider.code),
  },
};
