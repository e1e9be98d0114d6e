import { careTeamMember, recordedBy } from '@joined-up/kit';
import { sam, samsMother, workers, recorderOf } from '@joined-up/population';
import { competency, registeredManagers } from './socialCareWorkers.ts';
import type {
  allocations,
  assessments,
  careWorkerAssignments,
  plans,
  requests,
  reviews,
  services,
  unpaidCarers,
} from './tables.ts';
import type { careTeam, delegations } from '@joined-up/kit';
import { adultEligibilityOutcomes, carerEligibilityOutcomes, competencyNames } from './vocabulary.ts';

const daniel = recorderOf(workers.socialWorker);
const nhs = sam.nhsNumber;
const mother = samsMother.nhsNumber;
const oakfield = 'DEMOSL1';
const diabetesNurse = `${workers.diabetesNurse.name}, ${workers.diabetesNurse.jobTitle}`;
const oakfieldManager = `${registeredManagers.DEMOSL1.name}, ${registeredManagers.DEMOSL1.jobTitle}`;

/**
 * Sam's record at the council: the assessment that named what went wrong twice (staff who did
 * not understand his diabetes), the supported-living service that is his third try, and the
 * plan in his own words. His mother's record holds her carer's assessment.
 */
export const samsSocialCareRecord = {
  requests: [
    {
      id: 'sam-request-2023',
      nhsNumber: nhs,
      requestedOn: '2023-05-09',
      routeOfAccess: 'Community / Other route',
      outcome: 'Progress to Assessment',
      ...recordedBy(daniel, '2023-05-09T11:20:00Z'),
    },
    {
      id: 'margaret-request-2025',
      nhsNumber: mother,
      requestedOn: '2025-02-03',
      routeOfAccess: 'Community / Other route',
      outcome: 'Progress to Assessment',
      ...recordedBy(daniel, '2025-02-03T10:05:00Z'),
    },
  ] satisfies Array<typeof requests.$inferInsert>,
  assessments: [
    {
      id: 'sam-assessment-2023',
      nhsNumber: nhs,
      kind: 'needs',
      assessedOn: '2023-06-20',
      assessorId: workers.socialWorker.id,
      caredForNhsNumber: null,
      needs: [
        {
          outcome: adultEligibilityOutcomes.nutrition,
          impact:
            'Sam needs help to plan and cook meals and to count ' +
            'carbohydrates, so that his insulin matches what he eats. ' +
            'Skipped meals have led to hypos.',
        },
        {
          outcome: adultEligibilityOutcomes.homeSafely,
          impact:
            'Sam cannot yet manage his type 1 diabetes safely on his own ' +
            'at home: he needs support to take insulin at the right time ' +
            'and dose, and someone who can spot and treat a hypo.',
        },
        {
          outcome: adultEligibilityOutcomes.relationships,
          impact:
            'Sam wants to stay close to his mum and make friends of his ' +
            'own; when anxious he withdraws and loses touch with people.',
        },
        {
          outcome: adultEligibilityOutcomes.community,
          impact:
            'Sam needs someone with him to use the bus and go to new or ' +
            'busy places, which otherwise cause him distress.',
        },
      ],
      eligibility: 'ELIGIBLE',
      primarySupportReason: 'Learning Disability Support',
      summary:
        'Two supported-living placements have broken down because ' +
        "staff did not understand Sam's diabetes. Eligible needs in " +
        'four outcomes; support must come from staff trained in ' +
        'insulin administration and autism.',
      ...recordedBy(daniel, '2023-06-20T15:30:00Z'),
    },
    {
      id: 'margaret-carers-assessment-2025',
      nhsNumber: mother,
      kind: 'carer',
      assessedOn: '2025-03-12',
      assessorId: workers.socialWorker.id,
      caredForNhsNumber: nhs,
      needs: [
        {
          outcome: carerEligibilityOutcomes.caringForOthers,
          impact:
            "Margaret's arthritis makes the weekly shop, cleaning and the " +
            "trips to Sam's flat hard; she is tired and in pain most " +
            'days.',
        },
        {
          outcome: carerEligibilityOutcomes.relationships,
          impact: "Margaret has lost touch with friends since Sam's last placement broke down.",
        },
        {
          outcome: carerEligibilityOutcomes.recreation,
          impact: 'Margaret has had no break from caring for two years.',
        },
      ],
      eligibility: 'ELIGIBLE',
      primarySupportReason: null,
      summary:
        "Margaret wants to go on being Sam's mum, not his only safety " +
        'net. She worries about what happens when she can no longer ' +
        "care: agreed a carer's direct payment for breaks and a " +
        "contingency plan to be written with Sam's team.",
      ...recordedBy(daniel, '2025-03-12T14:00:00Z'),
    },
  ] satisfies Array<typeof assessments.$inferInsert>,
  services: [
    {
      id: 'sam-service-supported-living',
      nhsNumber: nhs,
      serviceType: 'Long Term Support: Community',
      serviceComponent: 'Supported Living',
      supportSetting: 'Community',
      deliveryMechanism: 'CASSR Commissioned Support',
      primarySupportReason: 'Learning Disability Support',
      providerCode: oakfield,
      hoursPerWeek: 42,
      startDate: '2025-11-17',
      endDate: null,
      ...recordedBy(daniel, '2025-11-10T12:00:00Z'),
    },
    {
      id: 'sam-service-home-support',
      nhsNumber: nhs,
      serviceType: 'Long Term Support: Community',
      serviceComponent: 'Home Support',
      supportSetting: 'Community',
      deliveryMechanism: 'CASSR Commissioned Support',
      primarySupportReason: 'Learning Disability Support',
      providerCode: 'DEMOSL2',
      hoursPerWeek: 20,
      startDate: '2023-09-04',
      endDate: '2025-10-31',
      ...recordedBy(daniel, '2023-08-30T12:00:00Z'),
    },
    {
      id: 'margaret-service-carer-direct-payment',
      nhsNumber: mother,
      serviceType: 'Carer Support: Direct Payment',
      serviceComponent: 'Support for Carer',
      supportSetting: null,
      deliveryMechanism: 'Direct Payment',
      primarySupportReason: null,
      providerCode: null,
      hoursPerWeek: null,
      startDate: '2025-04-01',
      endDate: null,
      ...recordedBy(daniel, '2025-03-20T10:00:00Z'),
    },
  ] satisfies Array<typeof services.$inferInsert>,
  plans: [
    {
      id: 'sam-plan-2025',
      nhsNumber: nhs,
      status: 'AGREED',
      agreedOn: '2025-11-10',
      outcomes: [
        {
          inTheirWords: 'I want to stay in my own flat this time.',
          howSupported:
            'Oakfield staff 42 hours a week from a small team Sam knows, ' +
            'with a plan for bad days agreed with Sam and his mum.',
        },
        {
          inTheirWords: 'I want staff who know how my insulin works.',
          howSupported:
            'Only support workers signed off in insulin administration by ' +
            "the diabetes specialist nurse help with Sam's insulin.",
        },
        {
          inTheirWords: 'I want to see my mum every week without her worrying.',
          howSupported: "Staff help Sam get to his mum's on Sundays and text her if anything changes.",
        },
        {
          inTheirWords: 'I want to go swimming and to the games club on Tuesdays.',
          howSupported: 'Staff go with Sam on the bus until he feels confident to go on his own.',
        },
      ],
      providerCode: oakfield,
      nextReviewDue: '2027-05-12',
      ...recordedBy(daniel, '2025-11-10T12:30:00Z'),
    },
    {
      id: 'sam-plan-2023',
      nhsNumber: nhs,
      status: 'ENDED',
      agreedOn: '2023-08-30',
      outcomes: [{ inTheirWords: 'I want my own flat.', howSupported: 'Brookside home support 20 hours a week.' }],
      providerCode: 'DEMOSL2',
      nextReviewDue: '2024-08-30',
      ...recordedBy(daniel, '2023-08-30T12:30:00Z'),
    },
  ] satisfies Array<typeof plans.$inferInsert>,
  reviews: [
    {
      id: 'sam-review-2026-05',
      nhsNumber: nhs,
      reviewedOn: '2026-05-12',
      reviewerId: workers.socialWorker.id,
      kind: 'PLANNED',
      outcome: 'No change in package',
      summary:
        'Six months in the new flat: settled, one hypo after a missed ' +
        'meal, handled well by staff. Mark Jones still to be trained ' +
        'in insulin administration.',
      nextReviewDue: '2027-05-12',
      ...recordedBy(daniel, '2026-05-12T15:00:00Z'),
    },
    {
      id: 'sam-review-2025-12-safeguarding',
      nhsNumber: nhs,
      reviewedOn: '2025-12-10',
      reviewerId: workers.socialWorker.id,
      kind: 'UNPLANNED',
      outcome: 'No change in package',
      summary:
        'Safeguarding concern raised by Dr Shah: an acquaintance has ' +
        'been taking money from Sam. Met Sam at his flat; no section ' +
        '42 enquiry needed. Sam agreed a plan: his bank card stays in ' +
        "the flat's safe, staff go with him to the cash machine, and " +
        'he has told the acquaintance not to visit.',
      nextReviewDue: null,
      sensitivity: 'safeguarding',
      ...recordedBy(daniel, '2025-12-10T16:00:00Z'),
    },
    {
      id: 'sam-review-2025-09',
      nhsNumber: nhs,
      reviewedOn: '2025-09-15',
      reviewerId: workers.socialWorker.id,
      kind: 'UNPLANNED',
      outcome: 'Progress to Support Planning / Services',
      summary:
        'Placement breaking down after two hypos that staff did not ' +
        'recognise. Agreed a move to supported living with staff ' +
        'trained in insulin administration.',
      nextReviewDue: null,
      ...recordedBy(daniel, '2025-09-15T16:00:00Z'),
    },
  ] satisfies Array<typeof reviews.$inferInsert>,
  allocations: [
    {
      id: 'sam-allocation',
      nhsNumber: nhs,
      workerId: workers.socialWorker.id,
      allocatedOn: '2023-05-15',
      endedOn: null,
      reason: 'Care Act assessment and support planning: learning disability, autism and type 1 diabetes.',
      ...recordedBy(daniel, '2023-05-15T09:00:00Z'),
    },
    {
      id: 'margaret-allocation',
      nhsNumber: mother,
      workerId: workers.socialWorker.id,
      allocatedOn: '2025-02-05',
      endedOn: null,
      reason: "Carer's assessment and support.",
      ...recordedBy(daniel, '2025-02-05T09:00:00Z'),
    },
  ] satisfies Array<typeof allocations.$inferInsert>,
  unpaidCarers: [
    {
      id: 'margaret-cares-for-sam',
      caredForNhsNumber: nhs,
      carerNhsNumber: mother,
      relationship: 'Mother',
      livesWithPerson: false,
      carersAssessmentStatus: 'COMPLETED',
      since: '2019-03-14',
      ...recordedBy(daniel, '2023-06-20T15:40:00Z'),
    },
  ] satisfies Array<typeof unpaidCarers.$inferInsert>,
  careWorkerAssignments: [
    {
      id: 'sam-care-worker-evans',
      nhsNumber: nhs,
      workerId: workers.careWorker.id,
      role: 'Lead support worker',
      since: '2025-11-17',
      ...recordedBy(recorderOf(registeredManagers.DEMOSL1), '2025-11-17T09:00:00Z'),
    },
    {
      id: 'sam-care-worker-jones',
      nhsNumber: nhs,
      workerId: workers.secondCareWorker.id,
      role: 'Support worker',
      since: '2025-11-17',
      ...recordedBy(recorderOf(registeredManagers.DEMOSL1), '2025-11-17T09:05:00Z'),
    },
  ] satisfies Array<typeof careWorkerAssignments.$inferInsert>,
  // Professionals of other agencies the council records as Sam's care team; the place
  // partnership's coordinator is on the team of everyone known to social care (seed.ts).
  careTeam: [workers.gp, workers.diabetesNurse, workers.linkWorker].map((worker) =>
    careTeamMember(nhs, worker, '2025-11-20'),
  ) satisfies Array<typeof careTeam.$inferInsert>,
  // Sam has asked that his mother can follow his support and reviews, but not his requests or assessments.
  delegations: [
    {
      nhsNumber: nhs,
      carerSubject: 'citizen-margaret',
      categories: [
        'care-plan',
        'services',
        'allocated-worker',
        'unpaid-carers',
        'care-workers',
        'reviews',
        'access-log',
        'sharing-decisions',
      ],
      grantedOn: '2025-11-20',
    },
  ] satisfies Array<typeof delegations.$inferInsert>,
  // Lucy is signed off for Sam's insulin; Mark is not yet, which the care team needs to see.
  competencies: [
    competency(workers.careWorker, competencyNames.insulin, '2025-11-10', 2, diabetesNurse),
    competency(workers.careWorker, competencyNames.medication, '2024-03-11', 3, oakfieldManager),
    competency(workers.careWorker, competencyNames.autism, '2023-01-16', null, oakfieldManager),
    competency(workers.careWorker, competencyNames.diabetes, '2025-10-27', 2, diabetesNurse),
    competency(workers.secondCareWorker, competencyNames.autism, '2024-06-03', null, oakfieldManager),
    competency(workers.secondCareWorker, competencyNames.medication, '2025-01-20', 3, oakfieldManager),
  ],
};
