import { definePolicy } from '@joined-up/kit';

/** Every professional role of the place: each may work on a person's care team. */
export const professionalRoles = [
  'gp',
  'practice-nurse',
  'diabetes-nurse',
  'community-matron',
  'district-nurse',
  'social-worker',
  'care-worker',
  'registered-manager',
  'link-worker',
  'carer-support-worker',
  'care-coordinator',
] as const;

/** What working with the person across agencies needs to see. */
const teamReads = ['care-plan', 'care-team', 'referrals', 'skills', 'timeline', 'experience'] as const;
/** What the person (or a carer they delegate to) sees and writes of their own plan. */
const own = [
  ...teamReads,
  'about-me',
  'goals',
  'contingency',
  'experience-report',
  'access-log',
  'sharing-decisions',
] as const;

/**
 * The Riverside Place Partnership's access policy for care coordination: who sees and changes the
 * person's shared plan, care team and referrals. Relationships come from the partnership's own
 * data: a place on the person's care team (by the worker's id, or a colleague at the same
 * organisation), being their named coordinator, and a referral the caller's organisation sent or
 * received. Reads and writes are both decided here; a write category names what it changes.
 * The README's table is written from this file.
 */
export const careCoordinationPolicy = definePolicy({
  sector: 'care-coordination',
  categories: [
    ...own,
    'own-referrals',
    'plan-contribution',
    'care-team-changes',
    'refer',
    'referral-response',
    'caseload',
  ],
  rules: [
    {
      roles: ['care-coordinator'],
      relationships: ['coordinator'],
      categories: [
        ...teamReads,
        'goals',
        'contingency',
        'experience-report',
        'plan-contribution',
        'care-team-changes',
        'caseload',
      ],
      because:
        'The named care coordinator joins up the whole plan and team with the person, and holds them as a caseload.',
    },
    {
      roles: professionalRoles,
      relationships: ['care-team'],
      categories: [...teamReads, 'goals', 'contingency', 'experience-report', 'plan-contribution'],
      because:
        'Every member of the care team, from any agency, works to one ' +
        'plan: they see it, the team, referrals and the timeline, and ' +
        'add goals, actions and reviews.',
    },
    {
      roles: ['care-coordinator', 'social-worker', 'gp'],
      relationships: ['care-team'],
      categories: ['care-team-changes'],
      because: 'The coordinator, the social worker and the GP on the team may add members and name the coordinator.',
    },
    {
      roles: professionalRoles,
      relationships: ['organisation-on-team'],
      categories: ['care-plan', 'care-team'],
      because:
        'A colleague covering for a team member (another support ' +
        'worker on the rota, a GP at the same practice) needs the ' +
        'plan and who to call.',
    },
    {
      roles: professionalRoles,
      relationships: ['referral-party'],
      categories: ['own-referrals'],
      because:
        'An organisation that sent or received a referral sees that referral and where it has got to, not the others.',
    },
    {
      roles: professionalRoles,
      relationships: ['referral-recipient'],
      categories: ['referral-response'],
      because: 'The organisation a referral was sent to accepts, declines or completes it.',
    },
    {
      // Not every professional for every NHS number: then a referral accepted or refused would say
      // whether the partnership holds the person. A caller with no relationship here is refused
      // alike whether the person is unknown to every agency or known and not theirs.
      roles: professionalRoles,
      relationships: ['care-team', 'organisation-on-team', 'referral-party'],
      categories: ['refer'],
      because:
        'Whoever gives the person care with the partnership (on their care team, a colleague of a ' +
        'team member, or a party to one of their referrals) may refer them on; the receiving organisation decides.',
    },
    {
      roles: ['privacy-officer'],
      relationships: ['agency-privacy-officer'],
      categories: ['access-log'],
      because: "The partnership's privacy officer reviews who has seen a person's care-coordination record.",
    },
  ],
  self: own,
  delegable: own,
  // In an emergency a clinician or social worker needs the contingency plan and who to call.
  breakGlass: { roles: ['gp', 'social-worker'], categories: ['care-plan', 'care-team'] },
  privacyOfficerRoles: ['privacy-officer'],
  organisationCodes: ['DEMOPP1'],
  // What the partnership tells a caller of their own relationships, when another agency asks on the caller's behalf.
  discloses: [
    {
      roles: professionalRoles,
      relationships: ['care-team', 'coordinator'],
      because:
        'A professional knows whose care team the partnership has placed them on, and whom they coordinate: ' +
        'it is their own work.',
    },
  ],
});
