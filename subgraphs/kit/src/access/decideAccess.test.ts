import type { Caller, Sector } from '@joined-up/core';
import { describe, expect, it } from 'vitest';
import { definePolicy, type SubjectFacts } from './AgencyPolicy.ts';
import { decideAccess } from './decideAccess.ts';

const policy = definePolicy({
  sector: 'health',
  categories: ['demographics', 'problems', 'encounters', 'access-log'],
  rules: [
    {
      roles: ['gp'],
      relationships: ['registered-practice'],
      categories: ['demographics', 'problems', 'encounters'],
      sensitive: true,
      because: 'their GP',
    },
    { roles: ['care-worker'], relationships: ['care-team'], categories: ['demographics'], because: 'supports them' },
  ],
  delegable: ['demographics', 'problems', 'access-log'],
  breakGlass: { roles: ['gp'], categories: ['demographics', 'problems'] },
  privacyOfficerRoles: ['privacy-officer'],
  organisationCodes: ['ORG'],
});

const caller = (role: string, sector: Sector = 'health', actsFor?: string): Caller => ({
  subject: `user-${role}`,
  name: role,
  role,
  organisation: { code: 'ORG', name: 'Org', sector },
  actsFor,
  scopes: [],
  purpose: 'direct-care',
  token: 't',
});
const facts = (relationships: string[] = [], declined: Sector[] = [], delegated: string[] = []): SubjectFacts => ({
  relationships: new Set(relationships),
  declinedSectors: new Set(declined),
  delegated: new Set(delegated),
});
const sam = '9990000018';
const outcome = (decision: ReturnType<typeof decideAccess>) =>
  decision.allowed
    ? `allow${decision.includeSensitive ? '+sensitive' : ''}${decision.breakGlassReason ? '+break-glass' : ''}`
    : 'deny';

describe('decideAccess', () => {
  it.each([
    [
      'gp registered at the practice',
      caller('gp'),
      facts(['registered-practice']),
      'problems',
      undefined,
      'allow+sensitive',
    ],
    ['gp with no relationship', caller('gp'), facts(), 'problems', undefined, 'deny'],
    [
      'gp with no relationship declaring an emergency',
      caller('gp'),
      facts(),
      'problems',
      'Collapsed in the waiting room',
      'allow+break-glass',
    ],
    [
      'break-glass is limited to its categories',
      caller('gp'),
      facts(),
      'encounters',
      'Collapsed in the waiting room',
      'deny',
    ],
    [
      'care worker on the care team, within the rule',
      caller('care-worker', 'social-care'),
      facts(['care-team']),
      'demographics',
      undefined,
      'allow',
    ],
    [
      'care worker on the care team, beyond the rule',
      caller('care-worker', 'social-care'),
      facts(['care-team']),
      'problems',
      undefined,
      'deny',
    ],
    [
      'care worker whose sector the person declined',
      caller('care-worker', 'social-care'),
      facts(['care-team'], ['social-care']),
      'demographics',
      undefined,
      'deny',
    ],
    [
      "a decline does not bind the agency's own sector",
      caller('gp'),
      facts(['registered-practice'], ['health']),
      'problems',
      undefined,
      'allow+sensitive',
    ],
    [
      'the person, their own record',
      caller('person', 'citizen', sam),
      facts(),
      'encounters',
      undefined,
      'allow+sensitive',
    ],
    [
      "the person, someone else's record",
      caller('person', 'citizen', '9434765919'),
      facts(),
      'demographics',
      undefined,
      'deny',
    ],
    [
      'a carer, delegated',
      caller('carer', 'citizen', sam),
      facts([], [], ['problems']),
      'problems',
      undefined,
      'allow',
    ],
    [
      'a carer, not delegated',
      caller('carer', 'citizen', sam),
      facts([], [], ['problems']),
      'encounters',
      undefined,
      'deny',
    ],
    [
      'a carer for someone else',
      caller('carer', 'citizen', '9434765919'),
      facts([], [], ['problems']),
      'problems',
      undefined,
      'deny',
    ],
  ])('%s', (_label, who, known, category, breakGlassReason, expected) => {
    expect(outcome(decideAccess(policy, who, sam, known, category, breakGlassReason))).toBe(expected);
  });

  it('refuses any purpose other than direct care', () => {
    expect(
      outcome(
        decideAccess(
          policy,
          { ...caller('gp'), purpose: 'research' },
          sam,
          facts(['registered-practice']),
          'problems',
          undefined,
        ),
      ),
    ).toBe('deny');
  });

  it('rejects a policy naming categories it does not hold', () => {
    expect(() => definePolicy({ ...policy, delegable: ['shoe-size'] })).toThrowError(
      'Policy names categories it does not hold: shoe-size',
    );
  });
});
