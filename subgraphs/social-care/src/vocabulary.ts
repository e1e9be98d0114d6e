/**
 * Social care terms the shared population vocabulary does not carry yet: the CLD defined lists
 * for requests and event outcomes, the CLD delivery mechanism system, and the outcomes of the
 * Care and Support (Eligibility Criteria) Regulations 2014. Every value is quoted from its
 * source; none is invented. The system URIs follow the pattern of population/vocabulary.ts.
 */
export const cldRouteOfAccess = 'https://digital.nhs.uk/adult-social-care-client-level-data/route-of-access';
export const cldEventOutcome = 'https://digital.nhs.uk/adult-social-care-client-level-data/event-outcome';
export const cldDeliveryMechanism = 'https://digital.nhs.uk/adult-social-care-client-level-data/delivery-mechanism';

/** CLD Route of Access values (requests for support). */
export const routesOfAccess = [
  'Planned Entry (Transition)',
  'Discharge from Hospital',
  'Diversion from Hospital Services',
  'Community / Other route',
  'Prison',
  'Self-Funder',
  'Discharge from Reablement',
  'Transfer from Other LA',
] as const;

/** The CLD Event Outcome values this subgraph records on requests and reviews. */
export const eventOutcomes = [
  'Progress to Assessment',
  'Progress to Reablement/ST-Max',
  'Progress to Support Planning / Services',
  'No change in package',
  'Provision of service',
  'NFA - Information & Advice / Signposting only',
] as const;

export type RouteOfAccess = (typeof routesOfAccess)[number];
export type EventOutcome = (typeof eventOutcomes)[number];

/** The outcomes an adult may be unable to achieve: regulation 2(2) of the Eligibility Criteria Regulations. */
export const adultEligibilityOutcomes = {
  nutrition: 'Managing and maintaining nutrition',
  hygiene: 'Maintaining personal hygiene',
  toilet: 'Managing toilet needs',
  clothed: 'Being appropriately clothed',
  homeSafely: "Being able to make use of the adult's home safely",
  habitableHome: 'Maintaining a habitable home environment',
  relationships: 'Developing and maintaining family or other personal relationships',
  work: 'Accessing and engaging in work, training, education or volunteering',
  community:
    'Making use of necessary facilities or services in the local ' +
    'community including public transport, and recreational ' +
    'facilities or services',
  childCaring: 'Carrying out any caring responsibilities the adult has for a child',
} as const;

/** The outcomes a carer may be unable to achieve: regulation 3(3) of the same Regulations. */
export const carerEligibilityOutcomes = {
  childCaring: 'Carrying out any caring responsibilities the carer has for a child',
  caringForOthers: 'Providing care to other persons for whom the carer provides care',
  habitableHome: "Maintaining a habitable home environment in the carer's home",
  nutrition: 'Managing and maintaining nutrition',
  relationships: 'Developing and maintaining family or other personal relationships',
  work: 'Engaging in work, training, education or volunteering',
  community:
    'Making use of necessary facilities or services in the local ' +
    'community, including recreational facilities or services',
  recreation: 'Engaging in recreational activities',
} as const;

/** Competencies care workers are trained and signed off in. */
export const competencyNames = {
  insulin: 'Insulin administration',
  medication: 'Medication administration',
  autism: 'Autism awareness',
  diabetes: 'Diabetes awareness',
  dementia: 'Dementia awareness',
  movingAndHandling: 'Moving and handling',
  safeguarding: 'Safeguarding adults',
  epilepsy: 'Epilepsy awareness and rescue medication',
} as const;
