/**
 * Who sees what of Sam's record: every demo user against every category each agency holds,
 * the expected answer kept as data. The end-to-end test asks the gateway for one field of each
 * category as each user and checks the answer (and that the agency's audit recorded exactly the
 * categories expected), and the README's table is this table.
 *
 * Only categories read through a Person field are here. Care coordination's write-only
 * categories (about-me, goals, contingency, experience-report, plan-contribution,
 * care-team-changes, refer, referral-response) and its caseload (a Query of its own) guard
 * mutations and entry points, not Person fields; its integration test covers them.
 */
export const categoryFields = {
  health: {
    demographics: 'name { full }',
    // The name alone: what a person and their carer see of the unpaid carer the council records.
    name: 'name { full }',
    problems: 'problems { code { code } }',
    medications: 'medications { name }',
    allergies: 'allergies { severity }',
    alerts: 'alerts { category }',
    'individual-requirements': 'individualRequirements { category }',
    encounters: 'encounters(first: 1) { edges { node { type } } }',
    clinicians: 'clinicians { relationship }',
    'access-log': 'healthAccessLog(first: 1) { edges { node { actorName } } }',
    'sharing-decisions': 'healthSharingDecisions { sector shared }',
  },
  'social-care': {
    requests: 'socialCareRequests { requestedOn }',
    'needs-assessments': 'careActAssessments { id }',
    'carers-assessments': 'carersAssessments { id }',
    services: 'socialCareServices { id }',
    'care-plan': 'careAndSupportPlan { status }',
    reviews: 'socialCareReviews { id }',
    'allocated-worker': 'allocatedSocialWorker { name }',
    'unpaid-carers': 'unpaidCarers { relationship }',
    'care-workers': 'careWorkers { role }',
    'access-log': 'socialCareAccessLog(first: 1) { edges { node { actorName } } }',
    'sharing-decisions': 'socialCareSharingDecisions { sector shared }',
  },
  'voluntary-sector': {
    referrals: 'socialPrescribingReferrals { status }',
    'what-matters': 'whatMattersToMe { whatMatters }',
    engagements: 'engagements(first: 1) { edges { node { activity } } }',
    'access-log': 'voluntarySectorAccessLog(first: 1) { edges { node { actorName } } }',
    'sharing-decisions': 'voluntarySectorSharingDecisions { sector shared }',
  },
  'care-coordination': {
    'care-plan': 'carePlan { version }',
    'care-team': 'careTeam { role }',
    // One field answers two categories: 'referrals' shows every referral, 'own-referrals' only
    // those the caller's organisation sent or received. The field cannot tell them apart, so the
    // test checks the field, and the partnership's audit tells which of the two it granted.
    referrals: 'coordinationReferrals { status }',
    'own-referrals': 'coordinationReferrals { status }',
    skills: 'skillCoverage { skill }',
    timeline: 'timeline(first: 1) { edges { node { id } } }',
    experience: 'experience { answer }',
    'access-log': 'careCoordinationAccessLog(first: 1) { edges { node { actorName } } }',
    'sharing-decisions': 'careCoordinationSharingDecisions { sector shared }',
  },
} as const;

type Agency = keyof typeof categoryFields;
/** Per agency, the categories the user sees; every other category must be refused. */
export type Sees = { [A in Agency]: ReadonlyArray<keyof (typeof categoryFields)[A]> };

const everything = <A extends Agency>(agency: A) =>
  Object.keys(categoryFields[agency]) as Array<keyof (typeof categoryFields)[A]>;
const nothing: Sees = { health: [], 'social-care': [], 'voluntary-sector': [], 'care-coordination': [] };
const supportPlan = ['care-plan', 'services', 'allocated-worker', 'unpaid-carers', 'care-workers'] as const;
/** What every member of Sam's coordination care team sees: they all work to one plan. */
const teamReads = ['care-plan', 'care-team', 'referrals', 'skills', 'timeline', 'experience'] as const;
/**
 * Sam's own record in care coordination, which he delegated to his mother whole: every category but the narrower
 * own-referrals.
 */
const ownCoordination = [...teamReads, 'access-log', 'sharing-decisions'] as const;

/** The expected table. Why each row is as it is lives in each agency's policy.ts. */
export const expectedAccess: Record<string, Sees> = {
  gp: {
    health: [
      'demographics',
      'problems',
      'medications',
      'allergies',
      'alerts',
      'individual-requirements',
      'encounters',
      'clinicians',
    ],
    'social-care': supportPlan,
    'voluntary-sector': ['referrals', 'what-matters', 'engagements'],
    // On the team, and his practice sent the referral that brought the council in.
    'care-coordination': [...teamReads, 'own-referrals'],
  },
  'practice-nurse': {
    health: [
      'demographics',
      'problems',
      'medications',
      'allergies',
      'alerts',
      'individual-requirements',
      'encounters',
      'clinicians',
    ],
    'social-care': [],
    'voluntary-sector': ['referrals', 'what-matters', 'engagements'],
    // Not on the team herself: a colleague of the GP who is, and of the practice that referred him.
    'care-coordination': ['care-plan', 'care-team', 'own-referrals'],
  },
  'diabetes-nurse': {
    health: [
      'demographics',
      'problems',
      'medications',
      'allergies',
      'alerts',
      'individual-requirements',
      'encounters',
      'clinicians',
    ],
    'social-care': supportPlan,
    'voluntary-sector': [],
    'care-coordination': teamReads,
  },
  'social-worker': {
    health: ['demographics', 'problems', 'alerts', 'individual-requirements', 'clinicians'],
    'social-care': [
      'requests',
      'needs-assessments',
      'carers-assessments',
      'services',
      'care-plan',
      'reviews',
      'allocated-worker',
      'unpaid-carers',
      'care-workers',
      'sharing-decisions',
    ],
    // Sam has declined that his voluntary-sector records be shown to the council.
    'voluntary-sector': [],
    // On the team, and the council received the GP's referral.
    'care-coordination': [...teamReads, 'own-referrals'],
  },
  'care-worker': {
    health: ['demographics', 'medications', 'allergies', 'alerts', 'individual-requirements', 'clinicians'],
    'social-care': supportPlan,
    'voluntary-sector': [],
    'care-coordination': teamReads,
  },
  'link-worker': {
    health: ['demographics', 'individual-requirements'],
    'social-care': ['care-plan', 'allocated-worker'],
    'voluntary-sector': ['referrals', 'what-matters', 'engagements'],
    'care-coordination': teamReads,
  },
  coordinator: {
    health: ['demographics', 'problems', 'alerts', 'individual-requirements', 'clinicians'],
    'social-care': [
      'requests',
      'needs-assessments',
      'carers-assessments',
      'services',
      'care-plan',
      'reviews',
      'allocated-worker',
      'unpaid-carers',
      'care-workers',
    ],
    'voluntary-sector': ['referrals', 'what-matters'],
    // His named coordinator: the coordinator's own categories are writes and the caseload.
    'care-coordination': teamReads,
  },
  sam: {
    health: everything('health'),
    'social-care': everything('social-care'),
    'voluntary-sector': everything('voluntary-sector'),
    'care-coordination': ownCoordination,
  },
  carer: {
    health: [
      'demographics',
      'problems',
      'medications',
      'allergies',
      'alerts',
      'individual-requirements',
      'clinicians',
      'access-log',
      'sharing-decisions',
    ],
    'social-care': [...supportPlan, 'reviews', 'access-log', 'sharing-decisions'],
    'voluntary-sector': ['referrals', 'what-matters', 'access-log', 'sharing-decisions'],
    // Sam delegated his whole coordination record to her.
    'care-coordination': ownCoordination,
  },
  'unrelated-gp': nothing,
  // The GP federation's privacy officer, not the partnership's.
  'privacy-officer': { health: ['access-log'], 'social-care': [], 'voluntary-sector': [], 'care-coordination': [] },
  // Each agency's privacy officer opens its own access log and nothing else, anywhere.
  'council-privacy-officer': { ...nothing, 'social-care': ['access-log'] },
  'voluntary-privacy-officer': { ...nothing, 'voluntary-sector': ['access-log'] },
  'partnership-privacy-officer': { ...nothing, 'care-coordination': ['access-log'] },
};

const samsMother = '9990000026';
/** On the social worker's caseload in the demo population, and on no care team of health's with her. */
const allocatedElsewhere = '9990001057';
/** In the demo population, with no relationship to the social worker anywhere. */
const stranger = '9990000034';

/**
 * Decisions resting on a relationship another agency records, read through the federation (the
 * council's allocation, its record of an unpaid carer), checked end to end beside the table above:
 * who asks, about whom, one field of which category, and whether it is shown. The reason for each
 * is the `because` of the rule in health's `policy.ts` that names the relationship.
 */
export const relationshipsElsewhereCases = [
  // Allocated to the social worker by the council; her name is on no care team health records for him.
  {
    user: 'social-worker',
    subject: allocatedElsewhere,
    category: 'demographics',
    field: 'dateOfBirth',
    relationship: 'social-care:allocated',
    sees: true,
  },
  {
    user: 'social-worker',
    subject: allocatedElsewhere,
    category: 'problems',
    field: 'problems { id }',
    relationship: 'social-care:allocated',
    sees: true,
  },
  {
    user: 'social-worker',
    subject: allocatedElsewhere,
    category: 'medications',
    field: 'medications { name }',
    relationship: 'social-care:allocated',
    sees: false,
  },
  {
    user: 'social-worker',
    subject: stranger,
    category: 'demographics',
    field: 'dateOfBirth',
    relationship: 'none',
    sees: false,
  },
  // Sam's mother, whom the council records as his unpaid carer: her name, and nothing else of her record.
  {
    user: 'sam',
    subject: samsMother,
    category: 'name',
    field: 'name { full }',
    relationship: 'social-care:unpaid-carer',
    sees: true,
  },
  {
    user: 'sam',
    subject: samsMother,
    category: 'demographics',
    field: 'dateOfBirth',
    relationship: 'social-care:unpaid-carer',
    sees: false,
  },
  {
    user: 'carer',
    subject: samsMother,
    category: 'name',
    field: 'name { full }',
    relationship: 'social-care:unpaid-carer',
    sees: true,
  },
  {
    user: 'carer',
    subject: samsMother,
    category: 'problems',
    field: 'problems { id }',
    relationship: 'social-care:unpaid-carer',
    sees: false,
  },
] as const;
