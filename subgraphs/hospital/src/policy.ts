import { definePolicy } from '@joined-up/kit';

const clinicians = ['gp', 'practice-nurse', 'diabetes-nurse', 'community-matron', 'district-nurse'] as const;

/**
 * Riverside University Hospitals' access policy: the trust decides here, and only here, who sees
 * which part of what it holds about a person, given the relationships its own data shows. That a
 * person is in hospital, and where, is for the whole care team; why is for the clinicians. Each
 * rule says why.
 */
export const hospitalPolicy = definePolicy({
  sector: 'hospital',
  categories: ['stays', 'diagnoses', 'discharge-summaries', 'access-log', 'sharing-decisions'],
  rules: [
    {
      roles: ['ward-nurse', 'hospital-doctor'],
      relationships: ['trust-staff'],
      categories: ['stays', 'diagnoses', 'discharge-summaries'],
      because: 'The trust’s own clinical staff keep its record of the people in its care, and record their stays.',
    },
    {
      roles: clinicians,
      relationships: ['care-team'],
      categories: ['stays', 'diagnoses', 'discharge-summaries'],
      because:
        'Clinicians caring for the person after a stay need why they were admitted and what the ' +
        'hospital asks of them.',
    },
    {
      roles: ['social-worker', 'care-coordinator'],
      relationships: ['care-team'],
      categories: ['stays', 'discharge-summaries'],
      because:
        'Planning a safe discharge and the care after it needs the stay and the discharge summary, ' +
        'not the coded diagnoses.',
    },
    {
      roles: ['care-worker', 'link-worker'],
      relationships: ['care-team'],
      categories: ['stays'],
      because:
        'A care or link worker on the team needs to know the person is in hospital, on which ward ' +
        'and whom to call, not their diagnosis.',
    },
    {
      roles: ['privacy-officer'],
      relationships: ['agency-privacy-officer'],
      categories: ['access-log'],
      because: 'The trust’s privacy officer reviews who has seen a person’s record, when the person raises a concern.',
    },
  ],
  delegable: ['stays', 'diagnoses', 'discharge-summaries', 'access-log', 'sharing-decisions'],
  breakGlass: { roles: clinicians, categories: ['stays', 'diagnoses'] },
  privacyOfficerRoles: ['privacy-officer'],
  organisationCodes: ['DEMOH1'],
});
