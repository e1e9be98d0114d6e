import { definePolicy } from '@joined-up/kit';

/**
 * Riverside University Hospitals NHS Foundation Trust's access policy: the agency decides here, and only here, who sees which part of what
 * it holds about a person, given the relationships its own data shows. Each rule says why.
 */
export const hospitalPolicy = definePolicy({
  sector: 'hospital',
  categories: ['support', 'access-log', 'sharing-decisions'],
  rules: [
    {
      roles: [
        'gp',
        'practice-nurse',
        'diabetes-nurse',
        'community-matron',
        'district-nurse',
        'social-worker',
        'care-worker',
        'link-worker',
        'care-coordinator',
      ],
      relationships: ['care-team'],
      categories: ['support'],
      because:
        'A professional the agency records on the person’s care team works with it for the person, ' +
        'so sees what it does for them.',
    },
    {
      roles: ['privacy-officer'],
      relationships: ['agency-privacy-officer'],
      categories: ['access-log'],
      because:
        'The agency’s privacy officer reviews who has seen a person’s record, ' + 'when the person raises a concern.',
    },
  ],
  delegable: ['support', 'access-log', 'sharing-decisions'],
  breakGlass: { roles: ['gp'], categories: ['support'] },
  privacyOfficerRoles: ['privacy-officer'],
  organisationCodes: ['DEMOHO1'],
});
