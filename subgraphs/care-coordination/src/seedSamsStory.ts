import { recordedBy } from '@joined-up/kit';
import { organisationName, recorderOf, sam, samsMother, workers, type DemoWorker } from '@joined-up/population';
import type {
  carePlanActions,
  carePlanChanges,
  carePlanGoals,
  carePlanReviews,
  carePlans,
  careTeamMembers,
  experienceResponses,
  referralStatusChanges,
  referrals,
  skillNeeds,
} from './tables.ts';
import type { delegations } from '@joined-up/kit';
import { careCoordinationPolicy } from './policy.ts';

const nhs = sam.nhsNumber;
const rachel = recorderOf(workers.coordinator);
const planId = 'sam-plan';
/** Sam and his mother wrote About me with Rachel; it is recorded as his mother's words, typed by her. */
const margaret = {
  id: 'citizen-margaret',
  name: `${samsMother.givenName} ${samsMother.familyName}`,
  jobTitle: 'Carer acting for the person',
  organisationCode: 'CITIZEN',
  organisationName: 'Citizen access',
};

type Kind = 'CLINICIAN' | 'SOCIAL_CARE_WORKER' | 'VOLUNTARY_SECTOR_WORKER' | 'PARTNERSHIP_WORKER';
const sectorOf: Record<Kind, string> = {
  CLINICIAN: 'health',
  SOCIAL_CARE_WORKER: 'social-care',
  VOLUNTARY_SECTOR_WORKER: 'voluntary-sector',
  PARTNERSHIP_WORKER: 'care-coordination',
};

function member(
  id: string,
  kind: Kind,
  worker: DemoWorker,
  role: string,
  since: string,
  isCoordinator = false,
): typeof careTeamMembers.$inferInsert {
  return {
    id,
    nhsNumber: nhs,
    kind,
    workerId: worker.id,
    sector: sectorOf[kind],
    memberOrganisationCode: worker.organisationCode,
    memberOrganisationName: organisationName(worker.organisationCode),
    role,
    isCoordinator,
    since,
    ...recordedBy(rachel, `${since}T10:00:00Z`),
  };
}

const planChange = (
  version: number,
  summary: string,
  at: string,
  by = rachel,
): typeof carePlanChanges.$inferInsert => ({
  id: `sam-plan-change-${version}`,
  planId,
  nhsNumber: nhs,
  version,
  summary,
  ...recordedBy(by, at),
});

/**
 * Sam's care coordination, as the place partnership holds it: the team that finally works
 * together after two failed placements (every agency's worker, with his mother), Rachel Green
 * named as his coordinator, one plan written with him and his mother, the skills his care needs,
 * and the referral that brought the council in after his second placement broke down.
 */
export const samsCoordinationRecord = {
  careTeam: [
    member(
      'sam-team-coordinator',
      'PARTNERSHIP_WORKER',
      workers.coordinator,
      'Named care coordinator',
      '2025-11-20',
      true,
    ),
    member('sam-team-gp', 'CLINICIAN', workers.gp, 'Named GP', '2025-11-20'),
    member('sam-team-diabetes-nurse', 'CLINICIAN', workers.diabetesNurse, 'Diabetes specialist nurse', '2025-11-20'),
    member('sam-team-community-matron', 'CLINICIAN', workers.communityMatron, 'Community matron', '2025-11-20'),
    member(
      'sam-team-social-worker',
      'SOCIAL_CARE_WORKER',
      workers.socialWorker,
      'Allocated social worker',
      '2025-11-20',
    ),
    member(
      'sam-team-lead-support-worker',
      'SOCIAL_CARE_WORKER',
      workers.careWorker,
      'Lead support worker, Oakfield Supported Living',
      '2025-11-20',
    ),
    member(
      'sam-team-support-worker',
      'SOCIAL_CARE_WORKER',
      workers.secondCareWorker,
      'Support worker, Oakfield Supported Living',
      '2025-11-20',
    ),
    member(
      'sam-team-link-worker',
      'VOLUNTARY_SECTOR_WORKER',
      workers.linkWorker,
      'Social prescribing link worker',
      '2026-05-15',
    ),
    {
      id: 'sam-team-mother',
      nhsNumber: nhs,
      kind: 'UNPAID_CARER',
      workerId: null,
      sector: null,
      memberOrganisationCode: null,
      memberOrganisationName: null,
      carerNhsNumber: samsMother.nhsNumber,
      carerName: margaret.name,
      carerRelationship: 'Mother',
      carerContact: 'Mobile 07700 900126; prefers a call after 10am, or a text if it can wait.',
      role: 'Main unpaid carer',
      isCoordinator: false,
      since: '2025-11-20',
      ...recordedBy(rachel, '2025-11-20T10:00:00Z'),
    },
  ] satisfies Array<typeof careTeamMembers.$inferInsert>,
  plan: {
    id: planId,
    nhsNumber: nhs,
    version: 6,
    status: 'AGREED',
    aboutMe:
      "I'm Sam. I like climbing, trains and cooking with my mum on " +
      'Sundays. I like to know what is happening each day, and I ' +
      'need people to tell me before plans change. Loud places and ' +
      'lots of people talking at once make me anxious. I can do my ' +
      'insulin with someone checking the dose with me.',
    whatMattersToMe: [
      'Staying in my own flat this time',
      'Climbing on Saturdays',
      'Seeing Mum on Sundays',
      'Staff who know about my diabetes and talk to each other',
    ],
    aboutMeRecordedByName: margaret.name,
    aboutMeRecordedByRole: margaret.jobTitle,
    aboutMeOrganisationCode: margaret.organisationCode,
    aboutMeOrganisationName: margaret.organisationName,
    aboutMeRecordedAt: '2025-12-02T19:30:00Z',
    contingencyWhatToDo:
      "If Mum is ill or cannot come on Sunday, Oakfield's on-call " +
      'manager arranges a member of staff Sam knows for the day, ' +
      'and Rachel tells Sam what is happening in the morning. If ' +
      'Mum cannot care for more than a week, Rachel calls a team ' +
      "meeting within two working days; the council's emergency " +
      "carers' support is arranged through Daniel.",
    contingencyWhoToContact: [
      'Oakfield Supported Living on-call: 01632 960499',
      'Rachel Green, care coordinator: 01632 960601',
      'Daniel Moore, social worker: 01632 960301',
    ],
    contingencyRecordedByName: rachel.name,
    contingencyRecordedByRole: rachel.jobTitle,
    contingencyOrganisationCode: rachel.organisationCode,
    contingencyOrganisationName: rachel.organisationName,
    contingencyRecordedAt: '2025-12-09T11:00:00Z',
    lastReviewedOn: '2026-09-15',
    nextReviewDue: '2027-03-15',
    ...recordedBy(rachel, '2025-11-25T14:00:00Z'),
  } satisfies typeof carePlans.$inferInsert,
  goals: [
    {
      id: 'sam-goal-flat',
      planId,
      description: 'I want to keep living in my own flat.',
      status: 'ACTIVE',
      ...recordedBy(rachel, '2025-12-02T14:10:00Z'),
    },
    {
      id: 'sam-goal-climbing',
      planId,
      description: 'I want to go climbing every Saturday.',
      status: 'ACTIVE',
      ...recordedBy(recorderOf(workers.linkWorker), '2026-05-28T16:30:00Z'),
    },
  ] satisfies Array<typeof carePlanGoals.$inferInsert>,
  actions: [
    {
      id: 'sam-action-insulin-training',
      goalId: 'sam-goal-flat',
      planId,
      description:
        'Train every support worker on the rota in insulin administration, signed off by the diabetes nurse.',
      ownerMemberId: 'sam-team-diabetes-nurse',
      ownerOrganisationCode: workers.diabetesNurse.organisationCode,
      ownerOrganisationName: organisationName(workers.diabetesNurse.organisationCode),
      dueOn: '2027-01-31',
      status: 'IN_PROGRESS',
      ...recordedBy(rachel, '2025-12-02T14:20:00Z'),
    },
    {
      id: 'sam-action-hypo-plan',
      goalId: 'sam-goal-flat',
      planId,
      description: 'Write a hypo plan with Sam and put it on the fridge and in the staff handbook.',
      ownerMemberId: 'sam-team-diabetes-nurse',
      ownerOrganisationCode: workers.diabetesNurse.organisationCode,
      ownerOrganisationName: organisationName(workers.diabetesNurse.organisationCode),
      dueOn: '2026-01-15',
      status: 'DONE',
      ...recordedBy(rachel, '2025-12-02T14:25:00Z'),
    },
    {
      id: 'sam-action-climbing',
      goalId: 'sam-goal-climbing',
      planId,
      description: 'Introduce Sam to the Saturday climbing group and go with him for the first three sessions.',
      ownerMemberId: 'sam-team-link-worker',
      ownerOrganisationCode: workers.linkWorker.organisationCode,
      ownerOrganisationName: organisationName(workers.linkWorker.organisationCode),
      dueOn: '2026-07-31',
      status: 'DONE',
      ...recordedBy(recorderOf(workers.linkWorker), '2026-05-28T16:35:00Z'),
    },
  ] satisfies Array<typeof carePlanActions.$inferInsert>,
  reviews: [
    {
      id: 'sam-plan-review-1',
      planId,
      reviewedOn: '2026-09-15',
      summary:
        'Sam is settled and climbing most Saturdays. One support ' +
        'worker still needs insulin training; the diabetes nurse will ' +
        'finish it by January.',
      nextReviewDue: '2027-03-15',
      ...recordedBy(rachel, '2026-09-15T16:00:00Z'),
    },
  ] satisfies Array<typeof carePlanReviews.$inferInsert>,
  changes: [
    planChange(1, 'Plan started by Rachel Green, Care coordinator', '2025-11-25T14:00:00Z'),
    planChange(2, 'Goal added: I want to keep living in my own flat.', '2025-12-02T14:10:00Z'),
    planChange(
      3,
      'About me and what matters to me updated by Margaret Taylor (Carer acting for the person)',
      '2025-12-02T19:30:00Z',
      margaret,
    ),
    planChange(4, 'Contingency plan updated by Rachel Green (Care coordinator)', '2025-12-09T11:00:00Z'),
    planChange(
      5,
      'Goal added: I want to go climbing every Saturday.',
      '2026-05-28T16:30:00Z',
      recorderOf(workers.linkWorker),
    ),
    planChange(6, 'Plan reviewed on 2026-09-15; next review due 2027-03-15', '2026-09-15T16:00:00Z'),
  ],
  skillNeeds: [
    {
      id: 'sam-skill-insulin',
      nhsNumber: nhs,
      skill: 'Insulin administration',
      because: 'Type 1 diabetes: Sam gives his own insulin with a support worker checking the dose, four times a day.',
      ...recordedBy(recorderOf(workers.diabetesNurse), '2025-11-26T10:00:00Z'),
    },
    {
      id: 'sam-skill-autism',
      nhsNumber: nhs,
      skill: 'Autism awareness',
      because: 'Autism: Sam needs to be told before plans change, and quiet when he is anxious.',
      ...recordedBy(rachel, '2025-11-26T10:05:00Z'),
    },
  ] satisfies Array<typeof skillNeeds.$inferInsert>,
  referrals: [
    {
      id: 'sam-referral-social-care',
      nhsNumber: nhs,
      fromOrganisationCode: workers.gp.organisationCode,
      fromOrganisationName: organisationName(workers.gp.organisationCode),
      referrer: 'Dr Priya Shah, GP',
      toOrganisationCode: 'DEMOLA1',
      toOrganisationName: organisationName('DEMOLA1'),
      toSector: 'social-care',
      service: 'Adult social care: review of care and support',
      reason:
        'Second supported-living placement has broken down; Sam and ' +
        'his mother ask for a review and a placement whose staff can ' +
        'support his diabetes.',
      priority: 'URGENT',
      status: 'COMPLETED',
      sentAt: '2025-10-20T09:30:00Z',
      answeredAt: '2025-10-22T11:00:00Z',
      ...recordedBy(recorderOf(workers.gp), '2025-10-20T09:30:00Z'),
    },
  ] satisfies Array<typeof referrals.$inferInsert>,
  referralStatusChanges: [
    {
      id: 'sam-referral-social-care-0',
      referralId: 'sam-referral-social-care',
      nhsNumber: nhs,
      status: 'SENT',
      reason: null,
      ...recordedBy(recorderOf(workers.gp), '2025-10-20T09:30:00Z'),
    },
    {
      id: 'sam-referral-social-care-1',
      referralId: 'sam-referral-social-care',
      nhsNumber: nhs,
      status: 'ACCEPTED',
      reason: null,
      ...recordedBy(recorderOf(workers.socialWorker), '2025-10-22T11:00:00Z'),
    },
    {
      id: 'sam-referral-social-care-2',
      referralId: 'sam-referral-social-care',
      nhsNumber: nhs,
      status: 'COMPLETED',
      reason: 'Review done; a place at Oakfield Supported Living agreed from 17 November.',
      ...recordedBy(recorderOf(workers.socialWorker), '2025-11-14T16:00:00Z'),
    },
  ] satisfies Array<typeof referralStatusChanges.$inferInsert>,
  experience: [
    {
      id: 'sam-experience-plan',
      nhsNumber: nhs,
      statementCode: 'NV-PLAN',
      answer: 'AGREE',
      comment: 'This time people talk to each other and to Mum.',
      answeredOn: '2026-09-15',
      ...recordedBy(rachel, '2026-09-15T16:10:00Z'),
    },
    {
      id: 'sam-experience-coordinator',
      nhsNumber: nhs,
      statementCode: 'NV-KNOW-COORDINATOR',
      answer: 'STRONGLY_AGREE',
      comment: 'Rachel.',
      answeredOn: '2026-09-15',
      ...recordedBy(rachel, '2026-09-15T16:12:00Z'),
    },
  ] satisfies Array<typeof experienceResponses.$inferInsert>,
  // Sam lets his mother see and write his plan with him, as he asked at the first meeting.
  delegations: [
    {
      nhsNumber: nhs,
      carerSubject: 'citizen-margaret',
      categories: [...careCoordinationPolicy.delegable],
      grantedOn: '2025-11-25',
    },
  ] satisfies Array<typeof delegations.$inferInsert>,
};
