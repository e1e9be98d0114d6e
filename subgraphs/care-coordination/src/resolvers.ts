import { provenanceOf, requireEntityId, requireNhsNumber, selectsField, withProvenance } from '@joined-up/kit';
import type { GraphQLResolveInfo } from 'graphql';
import { carePlanMutations } from './carePlanMutations.ts';
import { careTeamMutations } from './careTeamMutations.ts';
import { coordinationMeasures } from './coordinationMeasures.ts';
import { carerUnavailabilityOf, declareCarerCannotCare, planInForce } from './declareCarerCannotCare.ts';
import type { CarePlanRow, CareTeamMemberRow, ExperienceResponseRow, ReferralRow } from './createLoaders.ts';
import { experienceMutations } from './experienceMutations.ts';
import { experienceStatement, experienceStatements } from './experienceStatements.ts';
import { today } from './inputRules.ts';
import { notificationResolvers } from './notifications.ts';
import { referralMutations } from './referralMutations.ts';
import type { Context } from './context.ts';
import { skillCoverage, type SkillCoverageParent } from './skillCoverage.ts';
import { timeline, type TimelineParent } from './timeline.ts';
import { myCoordinationCaseload, referralWorklist } from './worklists.ts';

/** A Person here is its key, plus what the gateway fetched from other agencies for @requires fields. */
type PersonParent = { nhsNumber: string };
type ActionRow = {
  ownerMemberId: string | null;
  ownerOrganisationCode: string;
  ownerOrganisationName: string;
  dueOn: string;
  status: string;
};

/** Who last wrote one section of the plan (About me, the contingency plan), kept beside it on the plan's row. */
function sectionProvenance(plan: CarePlanRow, section: 'aboutMe' | 'contingency') {
  const at = plan[`${section}RecordedAt`];
  if (!at) return null;
  return provenanceOf({
    recordedByName: plan[`${section}RecordedByName`] ?? '',
    recordedByRole: plan[`${section}RecordedByRole`] ?? '',
    organisationCode: plan[`${section}OrganisationCode`] ?? '',
    organisationName: plan[`${section}OrganisationName`] ?? '',
    recordedAt: at,
  });
}

/** The care-coordination resolvers. Every list goes through the request's loaders, so lists are batched. */
export const resolvers = {
  Query: {
    myCoordinationCaseload,
    referralWorklist,
    coordinationMeasures,
    experienceStatements: () => experienceStatements,
    ...notificationResolvers.Query,
  },
  Mutation: {
    ...notificationResolvers.Mutation,
    ...carePlanMutations,
    ...careTeamMutations,
    ...referralMutations,
    ...experienceMutations,
    declareCarerCannotCare,
  },
  // Every field is decided by the partnership's policy, alike whether or not it holds anything
  // for the person: a refusal never tells a held record from an unknown one.
  Person: {
    // Async so that an invalid number fails only its own entity, not every representation in the request.
    __resolveReference: async (reference: Record<string, unknown>) => ({
      ...reference,
      nhsNumber: requireNhsNumber(reference['nhsNumber'], 'representations'),
    }),
    carePlan: (person: PersonParent, _: unknown, context: Context) => context.loaders.plan.load(person.nhsNumber),
    careTeam: (person: PersonParent, _: unknown, context: Context) => context.loaders.team.load(person.nhsNumber),
    careCoordinator: async (person: PersonParent, _: unknown, context: Context) =>
      (await context.loaders.team.load(person.nhsNumber)).find((member) => member.isCoordinator) ?? null,
    coordinationReferrals: async (person: PersonParent, _: unknown, context: Context) => {
      const all = await context.loaders.referrals.load(person.nhsNumber);
      // With only 'own-referrals', the caller's organisation sees what it sent or received.
      if (context.decisions?.has('referrals')) return all;
      const organisation = context.caller.organisation.code;
      return all.filter(
        (referral) => referral.fromOrganisationCode === organisation || referral.toOrganisationCode === organisation,
      );
    },
    skillCoverage: (person: SkillCoverageParent, _: unknown, context: Context) => skillCoverage(person, context),
    timeline: (person: TimelineParent, args: { first?: number | null; after?: string | null }, context: Context) =>
      timeline(person, args, context),
    experience: (person: PersonParent, _: unknown, context: Context) =>
      context.loaders.experience.load(person.nhsNumber),
  },
  CareCoordinationPartnershipWorker: {
    __resolveReference: async (reference: { id: unknown }, context: Context) =>
      context.loaders.worker.load(requireEntityId(reference.id, 'CareCoordinationPartnershipWorker')),
    organisation: (worker: { organisationCode: string; organisationName: string }) => ({
      code: worker.organisationCode,
      name: worker.organisationName,
    }),
  },
  CareCoordinationNotification: notificationResolvers.CareCoordinationNotification,
  CareCoordinationCareTeamMember: {
    sector: (member: CareTeamMemberRow) => member.sector,
    organisation: (member: CareTeamMemberRow) =>
      member.memberOrganisationCode
        ? { code: member.memberOrganisationCode, name: member.memberOrganisationName ?? member.memberOrganisationCode }
        : null,
    // References only: the agency that employs the worker resolves them through the gateway.
    clinician: (member: CareTeamMemberRow) => (member.kind === 'CLINICIAN' ? { id: member.workerId } : null),
    socialCareWorker: (member: CareTeamMemberRow) =>
      member.kind === 'SOCIAL_CARE_WORKER' ? { id: member.workerId } : null,
    voluntarySectorWorker: (member: CareTeamMemberRow) =>
      member.kind === 'VOLUNTARY_SECTOR_WORKER' ? { id: member.workerId } : null,
    partnershipWorker: (member: CareTeamMemberRow, _: unknown, context: Context) =>
      member.kind === 'PARTNERSHIP_WORKER' && member.workerId ? context.loaders.worker.load(member.workerId) : null,
    carer: (member: CareTeamMemberRow) =>
      member.kind === 'UNPAID_CARER' && member.carerNhsNumber ? { nhsNumber: member.carerNhsNumber } : null,
    provenance: (member: CareTeamMemberRow) => provenanceOf(member),
  },
  CareCoordinationCarePlan: {
    aboutMeProvenance: (plan: CarePlanRow) => sectionProvenance(plan, 'aboutMe'),
    goals: async (plan: CarePlanRow, _: unknown, context: Context, info: GraphQLResolveInfo) => {
      // Asked for with the goals, the plan's actions are read at once, in the same statement.
      if (selectsField(info, 'actions')) void context.loaders.actionsOfPlan.load(plan.id).catch(() => undefined);
      return (await context.loaders.goals.load(plan.id)).map(withProvenance);
    },
    contingencyPlan: (plan: CarePlanRow) =>
      plan.contingencyWhatToDo
        ? {
            whatToDo: plan.contingencyWhatToDo,
            whoToContact: plan.contingencyWhoToContact ?? [],
            provenance: sectionProvenance(plan, 'contingency'),
          }
        : null,
    planInForce,
    carerUnavailability: carerUnavailabilityOf,
    reviewOverdue: (plan: CarePlanRow) => plan.nextReviewDue < today(),
    reviews: async (plan: CarePlanRow, _: unknown, context: Context) =>
      (await context.loaders.reviews.load(plan.id)).map(withProvenance),
    changes: async (plan: CarePlanRow, _: unknown, context: Context) =>
      (await context.loaders.changes.load(plan.id)).map(withProvenance),
    provenance: (plan: CarePlanRow) => provenanceOf(plan),
  },
  CareCoordinationCarePlanGoal: {
    actions: async (goal: { id: string; planId: string }, _: unknown, context: Context) =>
      (await context.loaders.actionsOfPlan.load(goal.planId))
        .filter((action) => action.goalId === goal.id)
        .map(withProvenance),
  },
  CareCoordinationCarePlanAction: {
    ownerOrganisation: (action: ActionRow) => ({
      code: action.ownerOrganisationCode,
      name: action.ownerOrganisationName,
    }),
    owner: (action: ActionRow, _: unknown, context: Context) =>
      action.ownerMemberId ? context.loaders.member.load(action.ownerMemberId) : null,
    overdue: (action: ActionRow) => action.dueOn < today() && action.status !== 'DONE' && action.status !== 'CANCELLED',
  },
  CareCoordinationReferral: {
    person: (referral: ReferralRow) => ({ nhsNumber: referral.nhsNumber }),
    fromOrganisation: (referral: ReferralRow) => ({
      code: referral.fromOrganisationCode,
      name: referral.fromOrganisationName,
    }),
    toOrganisation: (referral: ReferralRow) => ({
      code: referral.toOrganisationCode,
      name: referral.toOrganisationName,
    }),
    toSector: (referral: ReferralRow) => referral.toSector,
    sentAt: (referral: ReferralRow) => new Date(referral.sentAt).toISOString(),
    statusHistory: async (referral: ReferralRow, _: unknown, context: Context) =>
      (await context.loaders.statusChanges.load(referral.id)).map((change) => ({
        ...withProvenance(change),
        changedAt: new Date(change.recordedAt).toISOString(),
      })),
    waitDays: (referral: ReferralRow) =>
      referral.answeredAt
        ? Math.floor((Date.parse(referral.answeredAt) - Date.parse(referral.sentAt)) / 86_400_000)
        : null,
    provenance: (referral: ReferralRow) => provenanceOf(referral),
  },
  CareCoordinationExperienceResponse: {
    statement: (response: ExperienceResponseRow) => experienceStatement(response.statementCode),
    provenance: (response: ExperienceResponseRow) => provenanceOf(response),
  },
};
