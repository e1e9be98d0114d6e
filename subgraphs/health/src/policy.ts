import { definePolicy } from '@joined-up/kit';

const clinical = [
  'demographics',
  'problems',
  'medications',
  'allergies',
  'alerts',
  'individual-requirements',
  'encounters',
  'clinicians',
] as const;
/** What supporting the person day to day takes: medicines, alerts, adjustments and who to call. */
const supporting = [
  'demographics',
  'medications',
  'allergies',
  'alerts',
  'individual-requirements',
  'clinicians',
] as const;
/** What planning care takes: conditions, risks and adjustments, not consultations or prescriptions. */
const planning = ['demographics', 'problems', 'alerts', 'individual-requirements', 'clinicians'] as const;

/**
 * Health's access policy: the GP federation and community health services decide here, and
 * only here, who sees which part of a person's health record. Relationships come from health's
 * own data: registration at the practice, a clinician's care relationship, and the care team
 * the practice records; and, named `<agency>:<kind>`, from what the council and the partnership
 * record (an allocation, their care team, an unpaid carer), read through the federation. The
 * README's table is written from this file.
 */
export const healthPolicy = definePolicy({
  sector: 'health',
  // A caller who may see the demographics may see the name they hold: decided as one.
  includes: { demographics: ['name'] },
  // 'name' alone (a person's name, without the rest of their demographics) is what a person and
  // their carer see of the carer the council records.
  categories: [...clinical, 'name', 'access-log', 'sharing-decisions'],
  rules: [
    {
      roles: ['gp'],
      relationships: ['registered-practice', 'care-relationship'],
      categories: clinical,
      sensitive: true,
      because:
        'A GP of the practice the person is registered with holds their whole record, sensitive entries included.',
    },
    {
      roles: ['practice-nurse', 'diabetes-nurse', 'community-matron', 'district-nurse'],
      relationships: ['registered-practice', 'care-relationship'],
      categories: clinical,
      because: 'Nurses caring for the person see the clinical record; sensitive entries stay with the GP.',
    },
    {
      roles: ['care-worker'],
      relationships: ['care-team'],
      categories: supporting,
      because:
        'A care worker on the care team needs what supporting the ' +
        'person takes (medicines such as insulin, alerts, ' +
        'adjustments, who to call), not their medical history.',
    },
    {
      roles: ['social-worker', 'care-coordinator'],
      relationships: ['care-team'],
      categories: planning,
      because:
        'Planning care needs the person’s conditions, risks and adjustments, not consultations or prescriptions.',
    },
    {
      roles: ['link-worker'],
      relationships: ['care-team'],
      categories: ['demographics', 'individual-requirements'],
      because: 'A link worker needs to reach the person and meet their communication needs.',
    },
    // Relationships other agencies record, read through the federation with the caller's own token
    // (each agency deciding what it tells), accepted for what the practice's care team would open.
    {
      roles: ['social-worker'],
      relationships: ['social-care:allocated'],
      categories: planning,
      because:
        'The council’s allocation of the person to the social worker is as legitimate as a place on the ' +
        'practice’s care team: the worker holding the case plans care with their conditions, risks and adjustments.',
    },
    {
      roles: ['care-worker'],
      relationships: ['social-care:assigned-care-worker'],
      categories: supporting,
      because:
        'A care worker the council assigned to support the person needs their medicines, alerts and ' +
        'adjustments, as a care worker on the practice’s care team does.',
    },
    {
      roles: ['social-worker', 'care-coordinator'],
      relationships: ['care-coordination:care-team', 'care-coordination:coordinator'],
      categories: planning,
      because:
        'A place on the partnership’s care team, or being the person’s named coordinator, is a care-team ' +
        'membership: planning care needs their conditions, risks and adjustments.',
    },
    {
      roles: ['care-worker'],
      relationships: ['care-coordination:care-team'],
      categories: supporting,
      because:
        'A care worker on the partnership’s care team needs what supporting the person takes, as on the practice’s.',
    },
    {
      roles: ['link-worker'],
      relationships: ['care-coordination:care-team'],
      categories: ['demographics', 'individual-requirements'],
      because:
        'A link worker on the partnership’s care team needs to reach the person and meet their communication needs.',
    },
    {
      roles: ['person', 'carer'],
      relationships: ['social-care:unpaid-carer'],
      categories: ['name'],
      because:
        'The person, and the carer acting for them, see the name of the unpaid carer the council records for the ' +
        'person (the carer’s own name included), and nothing else of the carer’s record.',
    },
    {
      roles: ['privacy-officer'],
      relationships: ['agency-privacy-officer'],
      categories: ['access-log'],
      because: 'The federation’s Caldicott guardian reviews who has seen a person’s record when a concern is raised.',
    },
  ],
  delegable: [...clinical, 'access-log', 'sharing-decisions'],
  breakGlass: {
    roles: ['gp', 'practice-nurse', 'diabetes-nurse', 'community-matron', 'district-nurse'],
    categories: ['demographics', 'problems', 'medications', 'allergies', 'alerts', 'individual-requirements'],
  },
  privacyOfficerRoles: ['privacy-officer'],
  organisationCodes: ['DEMOF1', 'DEMOP1', 'DEMOP2', 'DEMOP3', 'DEMOP4', 'DEMOC1'],
});
