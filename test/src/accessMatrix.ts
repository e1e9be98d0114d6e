/**
 * Who sees what of Sam's record: every demo user against every category each agency holds,
 * the expected answer kept as data. The end-to-end test asks the gateway for one field of each
 * category as each user and checks the answer, and the README's table is this table.
 */
export const categoryFields = {
  health: {
    demographics: 'name { full }',
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
} as const;

type Agency = keyof typeof categoryFields;
/** Per agency, the categories the user sees; every other category must be refused. */
export type Sees = { [A in Agency]: ReadonlyArray<keyof (typeof categoryFields)[A]> };

const everything = <A extends Agency>(agency: A) => Object.keys(categoryFields[agency]) as Array<keyof (typeof categoryFields)[A]>;
const nothing: Sees = { health: [], 'social-care': [], 'voluntary-sector': [] };
const supportPlan = ['care-plan', 'services', 'allocated-worker', 'unpaid-carers', 'care-workers'] as const;

/** The expected table. Why each row is as it is lives in each agency's policy.ts. */
export const expectedAccess: Record<string, Sees> = {
  gp: {
    health: ['demographics', 'problems', 'medications', 'allergies', 'alerts', 'individual-requirements', 'encounters', 'clinicians'],
    'social-care': supportPlan,
    'voluntary-sector': ['referrals', 'what-matters', 'engagements'],
  },
  'practice-nurse': {
    health: ['demographics', 'problems', 'medications', 'allergies', 'alerts', 'individual-requirements', 'encounters', 'clinicians'],
    'social-care': [],
    'voluntary-sector': ['referrals', 'what-matters', 'engagements'],
  },
  'diabetes-nurse': {
    health: ['demographics', 'problems', 'medications', 'allergies', 'alerts', 'individual-requirements', 'encounters', 'clinicians'],
    'social-care': supportPlan,
    'voluntary-sector': [],
  },
  'social-worker': {
    health: ['demographics', 'problems', 'alerts', 'individual-requirements', 'clinicians'],
    'social-care': ['requests', 'needs-assessments', 'carers-assessments', 'services', 'care-plan', 'reviews', 'allocated-worker', 'unpaid-carers', 'care-workers', 'sharing-decisions'],
    // Sam has declined that his voluntary-sector records be shown to the council.
    'voluntary-sector': [],
  },
  'care-worker': {
    health: ['demographics', 'medications', 'allergies', 'alerts', 'individual-requirements', 'clinicians'],
    'social-care': supportPlan,
    'voluntary-sector': [],
  },
  'link-worker': {
    health: ['demographics', 'individual-requirements'],
    'social-care': ['care-plan', 'allocated-worker'],
    'voluntary-sector': ['referrals', 'what-matters', 'engagements'],
  },
  coordinator: {
    health: ['demographics', 'problems', 'alerts', 'individual-requirements', 'clinicians'],
    'social-care': ['requests', 'needs-assessments', 'carers-assessments', 'services', 'care-plan', 'reviews', 'allocated-worker', 'unpaid-carers', 'care-workers'],
    'voluntary-sector': ['referrals', 'what-matters'],
  },
  sam: { health: everything('health'), 'social-care': everything('social-care'), 'voluntary-sector': everything('voluntary-sector') },
  carer: {
    health: ['demographics', 'problems', 'medications', 'allergies', 'alerts', 'individual-requirements', 'clinicians', 'access-log', 'sharing-decisions'],
    'social-care': [...supportPlan, 'reviews', 'access-log', 'sharing-decisions'],
    'voluntary-sector': ['referrals', 'what-matters', 'access-log', 'sharing-decisions'],
  },
  'unrelated-gp': nothing,
  'privacy-officer': { health: ['access-log'], 'social-care': [], 'voluntary-sector': [] },
};
