import { decideAccess, type Caller, type Sector } from '@joined-up/kit';
import { describe, expect, it } from 'vitest';
import { careCoordinationPolicy } from './policy.ts';

const sam = '9990000018';
const caller = (role: string, sector: Sector | 'citizen', actsFor?: string): Caller => ({
  subject: `user-${role}`,
  name: role,
  role,
  organisation: { code: 'ORG', name: 'Org', sector: sector as Sector },
  actsFor,
  scopes: [],
  purpose: 'direct-care',
  token: 't',
});
const decide = (
  who: Caller,
  relationships: string[],
  category: string,
  options: { delegated?: string[]; breakGlass?: string } = {},
) => {
  const facts = {
    relationships: new Set(relationships),
    declinedSectors: new Set<Sector>(),
    delegated: new Set(options.delegated ?? []),
  };
  return decideAccess(careCoordinationPolicy, who, sam, facts, category, options.breakGlass).allowed ? 'allow' : 'deny';
};

describe("the place partnership's care-coordination policy", () => {
  it.each([
    [
      'named coordinator',
      'care-team-changes',
      'allow',
      caller('care-coordinator', 'care-coordination'),
      ['care-team', 'coordinator'],
    ],
    ['care worker on the team', 'care-plan', 'allow', caller('care-worker', 'social-care'), ['care-team']],
    ['care worker on the team', 'plan-contribution', 'allow', caller('care-worker', 'social-care'), ['care-team']],
    ['care worker on the team', 'care-team-changes', 'deny', caller('care-worker', 'social-care'), ['care-team']],
    ['care worker on the team', 'about-me', 'deny', caller('care-worker', 'social-care'), ['care-team']],
    [
      'colleague of a team member',
      'care-plan',
      'allow',
      caller('care-worker', 'social-care'),
      ['organisation-on-team'],
    ],
    ['colleague of a team member', 'timeline', 'deny', caller('care-worker', 'social-care'), ['organisation-on-team']],
    ['organisation that sent a referral', 'own-referrals', 'allow', caller('gp', 'health'), ['referral-party']],
    ['organisation that sent a referral', 'referrals', 'deny', caller('gp', 'health'), ['referral-party']],
    ['organisation that sent a referral', 'referral-response', 'deny', caller('gp', 'health'), ['referral-party']],
    [
      'organisation a referral was sent to',
      'referral-response',
      'allow',
      caller('link-worker', 'voluntary-sector'),
      ['referral-party', 'referral-recipient'],
    ],
    ['care team member', 'refer', 'allow', caller('gp', 'health'), ['care-team']],
    ['colleague of a team member', 'refer', 'allow', caller('gp', 'health'), ['organisation-on-team']],
    ['organisation that sent a referral', 'refer', 'allow', caller('gp', 'health'), ['referral-party']],
    // No relationship is what an NHS number the partnership does not hold looks like, too.
    ['any professional, no relationship', 'refer', 'deny', caller('gp', 'health'), []],
    ['any professional, no relationship', 'care-plan', 'deny', caller('gp', 'health'), []],
    [
      'privacy officer of the partnership',
      'access-log',
      'allow',
      caller('privacy-officer', 'care-coordination'),
      ['agency-privacy-officer'],
    ],
  ])('%s: %s is %s', (_, category, expected, who, relationships) => {
    expect(decide(who, relationships, category)).toBe(expected);
  });

  it('lets the person write About me and their goals, and a carer only what the person delegated', () => {
    expect(decide(caller('person', 'citizen', sam), [], 'about-me')).toBe('allow');
    expect(decide(caller('person', 'citizen', sam), [], 'refer')).toBe('deny');
    expect(decide(caller('carer', 'citizen', sam), [], 'about-me', { delegated: ['about-me'] })).toBe('allow');
    expect(decide(caller('carer', 'citizen', sam), [], 'about-me', { delegated: ['care-plan'] })).toBe('deny');
  });

  it('opens the plan and team to a GP in an emergency, and nothing written', () => {
    expect(decide(caller('gp', 'health'), [], 'care-plan', { breakGlass: 'Unconscious in A&E' })).toBe('allow');
    expect(decide(caller('gp', 'health'), [], 'plan-contribution', { breakGlass: 'Unconscious in A&E' })).toBe('deny');
  });
});
