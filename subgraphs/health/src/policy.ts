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

/**
 * Health's access policy: the GP federation and community health services decide here, and
 * only here, who sees which part of a person's health record. Relationships come from health's
 * own data: registration at the practice, a clinician's care relationship, and the care team
 * the practice records. The README's table is written from this file.
 */
export const healthPolicy = definePolicy({
  sector: 'health',
  categories: [...clinical, 'access-log', 'sharing-decisions'],
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
      categories: ['demographics', 'medications', 'allergies', 'alerts', 'individual-requirements', 'clinicians'],
      because:
        'A care worker on the care team needs what supporting the ' +
        'person takes (medicines such as insulin, alerts, ' +
        'adjustments, who to call), not their medical history.',
    },
    {
      roles: ['social-worker', 'care-coordinator'],
      relationships: ['care-team'],
      categories: ['demographics', 'problems', 'alerts', 'individual-requirements', 'clinicians'],
      because:
        'Planning care needs the person’s conditions, risks and adjustments, not consultations or prescriptions.',
    },
    {
      roles: ['link-worker'],
      relationships: ['care-team'],
      categories: ['demographics', 'individual-requirements'],
      because: 'A link worker needs to reach the person and meet their communication needs.',
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
