import { decideAccess, type Caller, type Sector } from '@joined-up/kit';
import { describe, expect, it } from 'vitest';
import { voluntarySectorPolicy } from './policy.ts';

const sam = '9990000018';
const caller = (role: string, sector: Sector): Caller => ({
  subject: `user-${role}`,
  name: role,
  role,
  organisation: { code: 'ORG', name: 'Org', sector },
  actsFor: undefined,
  scopes: [],
  purpose: 'direct-care',
  token: 't',
});
const decide = (who: Caller, relationships: string[], category: string, declined: Sector[] = []) => {
  const decision = decideAccess(
    voluntarySectorPolicy,
    who,
    sam,
    { relationships: new Set(relationships), declinedSectors: new Set(declined), delegated: new Set() },
    category,
    undefined,
  );
  return decision.allowed ? `allow${decision.includeSensitive ? '+sensitive' : ''}` : 'deny';
};

describe("the voluntary sector's policy", () => {
  it.each([
    [
      'link worker on the referral',
      'engagements',
      'allow+sensitive',
      caller('link-worker', 'voluntary-sector'),
      ['link-worker'],
    ],
    [
      'staff of the organisation referred to',
      'engagements',
      'allow',
      caller('link-worker', 'voluntary-sector'),
      ['organisation-staff'],
    ],
    [
      'staff of the organisation referred to',
      'what-matters',
      'deny',
      caller('link-worker', 'voluntary-sector'),
      ['organisation-staff'],
    ],
    ['referring GP', 'referrals', 'allow', caller('gp', 'health'), ['referrer']],
    ['referring GP, nothing more agreed', 'what-matters', 'deny', caller('gp', 'health'), ['referrer']],
    [
      'referring GP, what matters agreed',
      'what-matters',
      'allow',
      caller('gp', 'health'),
      ['referrer', 'referrer-shared-what-matters'],
    ],
    ['care worker on the care team', 'referrals', 'deny', caller('care-worker', 'social-care'), ['care-team']],
    [
      'coordinator on the care team',
      'engagements',
      'deny',
      caller('care-coordinator', 'care-coordination'),
      ['care-team'],
    ],
    [
      "the partnership's privacy officer",
      'access-log',
      'allow',
      caller('privacy-officer', 'voluntary-sector'),
      ['agency-privacy-officer'],
    ],
  ] as const)('%s: %s is %s', (_name, category, expected, who, relationships) => {
    expect(decide(who, [...relationships], category)).toBe(expected);
  });

  it('lets a person decline sharing with a sector, never with the partnership itself', () => {
    expect(decide(caller('social-worker', 'social-care'), ['care-team'], 'referrals', ['social-care'])).toBe('deny');
    expect(decide(caller('care-coordinator', 'care-coordination'), ['care-team'], 'referrals', ['social-care'])).toBe(
      'allow',
    );
    expect(decide(caller('link-worker', 'voluntary-sector'), ['link-worker'], 'referrals', ['voluntary-sector'])).toBe(
      'allow+sensitive',
    );
  });
});
