import { type Caller, decideAccess } from '@joined-up/kit';
import { describe, expect, it } from 'vitest';
import { hospitalPolicy } from './policy.ts';

const sam = '9990000018';
const caller = (role: string, sector: string, actsFor?: string): Caller => ({
  subject: `user-${role}`,
  name: role,
  role,
  organisation: { code: 'ORG', name: 'Org', sector },
  actsFor,
  scopes: [],
  purpose: 'direct-care',
  token: 't',
});
const decide = (who: Caller, relationships: string[], category: string) =>
  decideAccess(
    hospitalPolicy,
    who,
    sam,
    { relationships: new Set(relationships), declinedSectors: new Set(), delegated: new Set() },
    category,
    undefined,
  ).allowed;

describe("Riverside University Hospitals' policy", () => {
  it.each([
    ['the GP on the care team sees the diagnoses', caller('gp', 'health'), ['care-team'], 'diagnoses', true],
    ['a care worker on the team sees the stay', caller('care-worker', 'social-care'), ['care-team'], 'stays', true],
    ['but not the diagnoses', caller('care-worker', 'social-care'), ['care-team'], 'diagnoses', false],
    ['nor the discharge summary', caller('care-worker', 'social-care'), ['care-team'], 'discharge-summaries', false],
    [
      'the coordinator sees the discharge summary',
      caller('care-coordinator', 'care-coordination'),
      ['care-team'],
      'discharge-summaries',
      true,
    ],
    ['a GP with no relationship sees nothing', caller('gp', 'health'), [], 'stays', false],
    ['the person sees their own diagnoses', caller('person', 'citizen', sam), [], 'diagnoses', true],
  ])('%s', (_case, who, relationships, category, allowed) => {
    expect(decide(who, relationships, category)).toBe(allowed);
  });
});
