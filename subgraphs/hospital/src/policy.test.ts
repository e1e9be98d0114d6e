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

describe("Riverside University Hospitals NHS Foundation Trust's policy", () => {
  it.each([
    [
      'the coordinator on the care team sees the support',
      caller('care-coordinator', 'care-coordination'),
      ['care-team'],
      'support',
      true,
    ],
    ['a GP with no relationship does not', caller('gp', 'health'), [], 'support', false],
    ['the person sees their own record', caller('person', 'citizen', sam), [], 'support', true],
    [
      'a care worker on the team does not read the access log',
      caller('care-worker', 'social-care'),
      ['care-team'],
      'access-log',
      false,
    ],
  ])('%s', (_case, who, relationships, category, allowed) => {
    expect(decide(who, relationships, category)).toBe(allowed);
  });
});
