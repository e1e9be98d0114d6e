import { definePolicy } from '@joined-up/kit';

/** Roles of the charities' paid workers who hold people's support: link workers and carers' support workers. */
const voluntaryWorkers = ['link-worker', 'carer-support-worker'];
/** Roles at the referring GP practice who may see what the referral shares back. */
const referrers = ['gp', 'practice-nurse'];

/**
 * The Riverside Voluntary Sector Partnership's access policy: the charities decide here, and only
 * here, who sees which part of what they hold about a person. Relationships come from the
 * partnership's own data: the link worker on the person's referral (or whose client the person
 * is), the staff of the organisation the person was referred to, the organisation that made the
 * referral, and the care team the partnership records. What a referrer sees beyond the referral
 * is what the person agreed on the referral: the facts loader turns that into the
 * 'referrer-shared-…' relationships. The README's table is written from this file.
 */
export const voluntarySectorPolicy = definePolicy({
  sector: 'voluntary-sector',
  categories: ['referrals', 'what-matters', 'engagements', 'client-list', 'access-log', 'sharing-decisions'],
  rules: [
    {
      roles: voluntaryWorkers,
      relationships: ['link-worker'],
      categories: ['referrals', 'what-matters', 'engagements', 'client-list'],
      sensitive: true,
      because:
        'The worker who took the referral on, or whose client the ' +
        'person is, holds the support: the referral, what matters to ' +
        'the person and every session, safeguarding notes included.',
    },
    {
      roles: voluntaryWorkers,
      relationships: ['organisation-staff'],
      categories: ['referrals', 'engagements'],
      because:
        'Staff of the organisation the person was referred to run the ' +
        'service: they see the referral and the sessions, while what ' +
        'matters to the person stays with the worker they told.',
    },
    {
      roles: referrers,
      relationships: ['referrer'],
      categories: ['referrals'],
      because: 'The practice that made the referral sees it and where it has got to.',
    },
    {
      roles: referrers,
      relationships: ['referrer-shared-what-matters'],
      categories: ['what-matters'],
      because:
        'The person agreed, on the referral, that what matters to them is shared with the practice that referred them.',
    },
    {
      roles: referrers,
      relationships: ['referrer-shared-engagements'],
      categories: ['engagements'],
      because:
        'The person agreed, on the referral, that the groups they go ' +
        'to are shared with the practice that referred them.',
    },
    {
      roles: ['care-coordinator', 'social-worker'],
      relationships: ['care-team'],
      categories: ['referrals', 'what-matters'],
      because:
        'Planning care with the person needs their social prescribing ' +
        'and what matters to them, not the notes of each session.',
    },
    {
      roles: ['privacy-officer'],
      relationships: ['agency-privacy-officer'],
      categories: ['access-log'],
      because: "The partnership's privacy officer reviews who has seen a person's voluntary-sector record.",
    },
  ],
  delegable: ['referrals', 'what-matters', 'engagements', 'access-log', 'sharing-decisions'],
  // Charities rarely hold what an emergency needs; a GP may see that a referral exists and why.
  breakGlass: { roles: ['gp'], categories: ['referrals'] },
  privacyOfficerRoles: ['privacy-officer'],
  organisationCodes: ['DEMOV1', 'DEMOV2', 'DEMOV3'],
});
