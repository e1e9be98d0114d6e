import { careTeamMember } from '@joined-up/kit';
import { recordedBy } from '@joined-up/kit';
import { organisations, sam, samsMother, workers, recorderOf } from '@joined-up/population';
import type { clients, engagements, referralStatusChanges, referrals, whatMattersConversations } from './tables.ts';
import type { delegations, careTeam, sharingDecisions } from '@joined-up/kit';

const amira = recorderOf(workers.linkWorker);
const jo = recorderOf(workers.carersSupportWorker);
const referrer = {
  referrerName: workers.gp.name,
  referrerRole: workers.gp.jobTitle,
  referrerOrganisationName: organisations.samsPractice.name,
  referrerOrganisationCode: organisations.samsPractice.code,
};
const sentBy = `${workers.gp.name}, ${workers.gp.jobTitle}`;
const nhs = sam.nhsNumber;
const mum = samsMother.nhsNumber;

const engagement = (
  id: string,
  nhsNumber: string,
  occurredOn: string,
  serviceId: string,
  activity: string,
  attended: boolean,
  notes: string,
  recorder = amira,
) => ({
  id,
  nhsNumber,
  occurredOn,
  serviceId,
  activity,
  attended,
  notes,
  ...recordedBy(recorder, `${occurredOn}T18:00:00Z`),
});

/**
 * Sam and his mother as the voluntary sector knows them: Sam referred by his GP to Community
 * Links for company and confidence cooking; Margaret supported as his carer by the carers' group.
 * Amira's caseload also holds people known only locally, without an NHS number.
 */
export const samsVoluntarySectorRecord = {
  referrals: [
    {
      id: 'sam-referral-1',
      nhsNumber: nhs,
      referredOn: '2026-05-12',
      ...referrer,
      referredToCode: organisations.communityLinks.code,
      reason:
        'Lonely since moving into his new flat and would like to meet ' +
        'people. Wants confidence cooking for himself, with his ' +
        'diabetes in mind.',
      status: 'ACCEPTED',
      linkWorkerId: workers.linkWorker.id,
      agreedToShare: [
        'His referral, what matters to him and the groups he goes to, with his GP practice and his care coordinator',
        'The days of his groups, with Oakfield Supported Living, so ' +
          'his support workers can plan meals and insulin around them',
      ],
      sharedWithReferrer: ['what-matters', 'engagements'],
      ...recordedBy(amira, '2026-05-12T15:10:00Z'),
    },
    {
      id: 'margaret-referral-1',
      nhsNumber: mum,
      referredOn: '2025-11-03',
      ...referrer,
      referredToCode: organisations.carersGroup.code,
      reason:
        'Main unpaid carer for her son Sam. Tired, and worried about what happens to him when she can no longer care.',
      status: 'ACCEPTED',
      linkWorkerId: workers.carersSupportWorker.id,
      agreedToShare: [
        'What matters to her and her goals, with her GP practice and ' +
          "Sam's care coordinator, for Sam's contingency plan",
      ],
      sharedWithReferrer: ['what-matters'],
      ...recordedBy(jo, '2025-11-03T11:00:00Z'),
    },
  ] satisfies Array<typeof referrals.$inferInsert>,
  referralStatusChanges: [
    {
      id: 'sam-referral-1-0',
      referralId: 'sam-referral-1',
      status: 'SENT',
      changedOn: '2026-05-12',
      changedBy: sentBy,
      reason: null,
      ...recordedBy(amira, '2026-05-12T15:10:00Z'),
    },
    {
      id: 'sam-referral-1-1',
      referralId: 'sam-referral-1',
      status: 'ACCEPTED',
      changedOn: '2026-05-15',
      changedBy: `${amira.name}, ${amira.jobTitle}`,
      reason: null,
      ...recordedBy(amira, '2026-05-15T10:30:00Z'),
    },
    {
      id: 'margaret-referral-1-0',
      referralId: 'margaret-referral-1',
      status: 'SENT',
      changedOn: '2025-11-03',
      changedBy: sentBy,
      reason: null,
      ...recordedBy(jo, '2025-11-03T11:00:00Z'),
    },
    {
      id: 'margaret-referral-1-1',
      referralId: 'margaret-referral-1',
      status: 'ACCEPTED',
      changedOn: '2025-11-06',
      changedBy: `${jo.name}, ${jo.jobTitle}`,
      reason: null,
      ...recordedBy(jo, '2025-11-06T09:45:00Z'),
    },
  ] satisfies Array<typeof referralStatusChanges.$inferInsert>,
  whatMattersConversations: [
    {
      id: 'sam-what-matters-1',
      nhsNumber: nhs,
      heldOn: '2026-05-28',
      heldById: workers.linkWorker.id,
      whatMatters: [
        'Living in my own flat and it working this time',
        'Cooking my own tea',
        'Climbing on Saturdays',
        'Mum not worrying all the time',
      ],
      goals: [
        'Cook my own tea once a week by the end of the summer',
        'Go climbing every Saturday, with Lucy at first and then on my own',
        'Make a friend I can text',
      ],
      ...recordedBy(amira, '2026-05-28T16:00:00Z'),
    },
    {
      id: 'margaret-what-matters-1',
      nhsNumber: mum,
      heldOn: '2025-11-20',
      heldById: workers.carersSupportWorker.id,
      whatMatters: [
        "Knowing Sam will be all right when I can't do this any more",
        'A full night of sleep without the phone by the bed',
        'Getting back to my allotment',
      ],
      goals: [
        "Write down everything Sam needs, so someone else could do it if I couldn't",
        "Come to the carers' café once a month",
        "Ask the council for a carer's assessment",
      ],
      ...recordedBy(jo, '2025-11-20T13:00:00Z'),
    },
  ] satisfies Array<typeof whatMattersConversations.$inferInsert>,
  engagements: [
    engagement(
      'sam-engagement-1',
      nhs,
      '2026-06-06',
      'v2-climbing',
      'Saturday climbing session',
      true,
      'First session; came with Lucy. Climbed three routes and asked to come back.',
    ),
    engagement(
      'sam-engagement-2',
      nhs,
      '2026-06-10',
      'v2-cooking',
      'Cook and eat together: spaghetti bolognese',
      true,
      'Chopped and cooked with the group. Counted the carbs with his card before eating, with Lucy.',
    ),
    engagement(
      'sam-engagement-3',
      nhs,
      '2026-06-13',
      'v2-climbing',
      'Saturday climbing session',
      true,
      'Came on the bus with Lucy. Talked with another climber about football.',
    ),
    engagement(
      'sam-engagement-4',
      nhs,
      '2026-06-17',
      'v2-cooking',
      'Cook and eat together: chicken stir-fry',
      true,
      'Cooked the rice on his own. Took the recipe card home.',
    ),
    engagement(
      'sam-engagement-5',
      nhs,
      '2026-06-20',
      'v2-climbing',
      'Saturday climbing session',
      false,
      'Texted Amira in the morning to say he was too tired. Keen to come next week.',
    ),
    engagement(
      'sam-engagement-6',
      nhs,
      '2026-06-24',
      'v2-cooking',
      'Cook and eat together: vegetable curry',
      true,
      'Made the curry with one prompt from a volunteer. Said he would cook it at home on Sunday.',
    ),
    engagement(
      'sam-engagement-7',
      nhs,
      '2026-06-27',
      'v2-climbing',
      'Saturday climbing session',
      true,
      'Came on his own for the first time and stayed for a drink afterwards with the group.',
    ),
    engagement(
      'margaret-engagement-1',
      mum,
      '2025-12-02',
      'v1-carers-cafe',
      "Carers' café",
      true,
      'First visit. Talked about the two placements that broke down and how tired she is.',
      jo,
    ),
    engagement(
      'margaret-engagement-2',
      mum,
      '2026-01-06',
      'v1-carers-cafe',
      "Carers' café",
      true,
      'Met two other parent carers of adults with a learning disability.',
      jo,
    ),
    engagement(
      'margaret-engagement-3',
      mum,
      '2026-01-20',
      'v1-carers-advice',
      'Planning ahead appointment',
      true,
      'Started an emergency plan for Sam: who to call, his insulin ' +
        'routine, what calms him. Referred to the council for a ' +
        "carer's assessment.",
      jo,
    ),
    engagement(
      'margaret-engagement-4',
      mum,
      '2026-02-03',
      'v1-carers-cafe',
      "Carers' café",
      false,
      'Phoned to say Sam was unsettled after a change of support worker.',
      jo,
    ),
    engagement(
      'margaret-engagement-5',
      mum,
      '2026-03-03',
      'v1-carers-cafe',
      "Carers' café",
      true,
      'Shared the finished emergency plan with the group as an example.',
      jo,
    ),
  ] satisfies Array<typeof engagements.$inferInsert>,
  clients: [
    {
      id: 'sam-client',
      workerId: workers.linkWorker.id,
      givenName: sam.givenName,
      familyName: sam.familyName,
      nhsNumber: nhs,
      linkedWithAgreementOn: '2026-05-15',
      since: '2026-05-15',
      ...recordedBy(amira, '2026-05-15T10:30:00Z'),
    },
    {
      id: 'margaret-client',
      workerId: workers.carersSupportWorker.id,
      givenName: samsMother.givenName,
      familyName: samsMother.familyName,
      nhsNumber: mum,
      linkedWithAgreementOn: '2025-11-06',
      since: '2025-11-06',
      ...recordedBy(jo, '2025-11-06T09:45:00Z'),
    },
    // People who came to Community Links themselves and have not been linked to an NHS number.
    {
      id: 'local-story-1',
      workerId: workers.linkWorker.id,
      givenName: 'Kwame',
      familyName: 'Mensah',
      nhsNumber: null,
      linkedWithAgreementOn: null,
      since: '2026-03-09',
      ...recordedBy(amira, '2026-03-09T11:00:00Z'),
    },
    {
      id: 'local-story-2',
      workerId: workers.linkWorker.id,
      givenName: 'Niamh',
      familyName: 'Kelly',
      nhsNumber: null,
      linkedWithAgreementOn: null,
      since: '2026-04-21',
      ...recordedBy(amira, '2026-04-21T14:30:00Z'),
    },
    {
      id: 'local-story-3',
      workerId: workers.linkWorker.id,
      givenName: 'Tomasz',
      familyName: 'Nowak',
      nhsNumber: null,
      linkedWithAgreementOn: null,
      since: '2026-06-02',
      ...recordedBy(amira, '2026-06-02T10:00:00Z'),
    },
  ] satisfies Array<typeof clients.$inferInsert>,
  // Sam's social worker, whom Amira works with; his care coordinator is on the team of everyone
  // known to both the voluntary sector and social care (seed.ts).
  careTeam: [careTeamMember(nhs, workers.socialWorker, '2026-05-15')] satisfies Array<typeof careTeam.$inferInsert>,
  // Sam has asked that his mother can see his referral and what matters to him, not each session.
  delegations: [
    {
      nhsNumber: nhs,
      carerSubject: 'citizen-margaret',
      categories: ['referrals', 'what-matters', 'access-log', 'sharing-decisions'],
      grantedOn: '2026-05-15',
    },
  ] satisfies Array<typeof delegations.$inferInsert>,
  // Sam would rather the council did not see what he does with Community Links (the example).
  sharingDecisions: [
    { nhsNumber: nhs, sector: 'social-care', decidedBySubject: 'citizen-sam', decidedAt: '2026-05-28T16:30:00Z' },
  ] satisfies Array<typeof sharingDecisions.$inferInsert>,
};
