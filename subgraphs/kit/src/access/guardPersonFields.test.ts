import type { BreakGlassDeclaration, Caller, Sector } from '@joined-up/core';
import type { GraphQLError, GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createAccessControl } from './createAccessControl.ts';
import { definePolicy } from './AgencyPolicy.ts';
import { createAuditTrail } from './createAuditTrail.ts';
import { allowedParts, guardPersonFields, type GuardedContext, withholdSensitive } from './guardPersonFields.ts';
import { policyCategories } from './schemaRequirements.ts';

const sam = '9990000018';
const policy = definePolicy({
  sector: 'social-care',
  categories: ['requests', 'assessments', 'reviews', 'care-plan'],
  rules: [
    {
      roles: ['social-worker'],
      relationships: ['allocated'],
      categories: ['requests', 'assessments', 'reviews', 'care-plan'],
      sensitive: true,
      because: 'holds the case',
    },
    {
      roles: ['care-coordinator'],
      relationships: ['care-team'],
      categories: ['requests', 'reviews'],
      because: 'coordinates the plan',
    },
    { roles: ['care-worker'], relationships: ['care-team'], categories: ['care-plan'], because: 'delivers the plan' },
  ],
  delegable: [],
  breakGlass: { roles: ['gp'], categories: ['reviews'] },
  privacyOfficerRoles: [],
  organisationCodes: ['ORG'],
});
const typeDefs = /* GraphQL */ `
  type Person {
    nhsNumber: ID!
    carePlan: String @policy(policies: [["care-plan"]])
    timeline: [String!] @policy(policies: [["requests"], ["assessments"], ["reviews"]])
  }
`;
const caller = (role: string): Caller => ({
  subject: `user-${role}`,
  name: role,
  role,
  organisation: { code: 'ORG', name: 'Org', sector: 'care-coordination' },
  actsFor: undefined,
  scopes: [],
  purpose: 'direct-care',
  token: 't',
});
const relationshipsOf: Record<string, string[]> = {
  'social-worker': ['allocated'],
  'care-coordinator': ['care-team'],
  'care-worker': ['care-team'],
  gp: [],
};
const rows = {
  requests: [{ id: 'request-1', sensitivity: null }],
  assessments: [{ id: 'assessment-1', sensitivity: null }],
  reviews: [
    { id: 'review-1', sensitivity: null },
    { id: 'review-safeguarding', sensitivity: 'safeguarding' },
  ],
};

/** Resolves the guarded field as the given caller, counting how often the agency's facts are loaded. */
async function resolveAs(
  role: string,
  field: 'timeline' | 'carePlan',
  breakGlass?: BreakGlassDeclaration,
  agencyPolicy = policy,
) {
  let factLoads = 0;
  const access = createAccessControl({
    policy: agencyPolicy,
    caller: caller(role),
    agencyName: 'Riverside Council',
    breakGlass,
    loadFacts: async (_caller, nhsNumbers) => {
      factLoads += 1;
      return new Map(
        nhsNumbers.map((nhsNumber) => [
          nhsNumber,
          {
            relationships: new Set(relationshipsOf[role]),
            declinedSectors: new Set<Sector>(),
            delegated: new Set<string>(),
          },
        ]),
      );
    },
  });
  const audit = createAuditTrail(caller(role), 'request-1');
  const seen: { decision?: GuardedContext['decision']; decisions?: GuardedContext['decisions'] } = {};
  const resolvers = guardPersonFields(
    {
      carePlan: (_person: unknown, _args: unknown, context: GuardedContext) => {
        Object.assign(seen, { decision: context.decision, decisions: context.decisions });
        return 'Stay in my own flat';
      },
      timeline: async (_person: unknown, _args: unknown, context: GuardedContext) => {
        Object.assign(seen, { decision: context.decision, decisions: context.decisions });
        return allowedParts(context, {
          requests: () => rows.requests.map((row) => row.id),
          assessments: () => rows.assessments.map((row) => row.id),
          reviews: (decision) => withholdSensitive(rows.reviews, decision).map((row) => row.id),
        });
      },
    },
    policyCategories(typeDefs, 'Person'),
  );
  const resolve = resolvers[field] as unknown as (
    parent: unknown,
    args: unknown,
    context: GuardedContext,
    info: GraphQLResolveInfo,
  ) => Promise<unknown>;
  const value = await resolve({ nhsNumber: sam }, {}, { access, audit }, {} as GraphQLResolveInfo).catch(
    (error: GraphQLError) => error,
  );
  return {
    value,
    access,
    audited: audit.rows().map((row) => ({ categories: row.categories, breakGlass: row.breakGlass })),
    seen,
    factLoads,
  };
}

describe('policyCategories', () => {
  it('reads one category as a string and several alternatives as a list, in the order written', () => {
    expect(policyCategories(typeDefs, 'Person')).toEqual({
      carePlan: 'care-plan',
      timeline: ['requests', 'assessments', 'reviews'],
    });
  });

  it(
    "reads an alternative's first name as the category, the rest " +
      "being other agencies' policies that composition asks a " +
      '@requires field to name',
    () => {
      expect(
        policyCategories(
          'type Person { a: String @policy(policies: [["timeline", ' +
            '"encounters", "requests"]]) b: String @policy(policies: ' +
            '[["x", "y"], ["z"]]) }',
          'Person',
        ),
      ).toEqual({
        a: 'timeline',
        b: ['x', 'z'],
      });
    },
  );

  it('refuses an @policy with an alternative that names no category', () => {
    expect(() => policyCategories('type Person { a: String @policy(policies: []) }', 'Person')).toThrowError(
      'Person.a has an @policy without a category in every alternative.',
    );
    expect(() =>
      policyCategories('type Person { a: String @policy(policies: [["requests"], []]) }', 'Person'),
    ).toThrowError('Person.a has an @policy without a category in every alternative.');
  });
});

describe('guardPersonFields with a field of several categories', () => {
  it(
    'resolves with every category for a caller allowed them all, ' +
      'sensitive entries by their own decision, and audits each',
    async () => {
      const { value, audited, seen, factLoads } = await resolveAs('social-worker', 'timeline');
      expect(value).toEqual(['request-1', 'assessment-1', 'review-1', 'review-safeguarding']);
      expect(audited).toEqual([{ categories: ['assessments', 'requests', 'reviews'], breakGlass: false }]);
      expect([...(seen.decisions?.keys() ?? [])]).toEqual(['requests', 'assessments', 'reviews']);
      expect(seen.decision).toBeUndefined();
      // The categories are decided together: the facts are loaded once.
      expect(factLoads).toBe(1);
    },
  );

  it('shows only the categories the caller may see, withholds sensitive entries, and audits only those', async () => {
    const { value, audited, seen } = await resolveAs('care-coordinator', 'timeline');
    expect(value).toEqual(['request-1', 'review-1']);
    expect(audited).toEqual([{ categories: ['requests', 'reviews'], breakGlass: false }]);
    expect(seen.decisions?.get('reviews')).toMatchObject({ allowed: true, includeSensitive: false });
    expect(seen.decisions?.has('assessments')).toBe(false);
  });

  it('refuses with the usual FORBIDDEN, and audits nothing, when the caller may see none of them', async () => {
    const { value, audited } = await resolveAs('care-worker', 'timeline');
    expect(value).toMatchObject({
      message: 'Riverside Council does not share this part of the record with you.',
      extensions: { code: 'FORBIDDEN', agency: 'Riverside Council' },
    });
    expect(audited).toEqual([]);
  });

  it('flags a part opened by a declared emergency in the audit', async () => {
    const reason = 'Found collapsed at home, looking for his plan';
    const { value, audited } = await resolveAs('gp', 'timeline', { nhsNumber: sam, reason });
    expect(value).toEqual(['review-1']);
    expect(audited).toEqual([{ categories: ['reviews'], breakGlass: true }]);
  });

  it('opens nothing with an emergency declared for someone else', async () => {
    const { value, audited } = await resolveAs('gp', 'timeline', {
      nhsNumber: '9434765919',
      reason: 'Another patient',
    });
    expect(value).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(audited).toEqual([]);
  });
});

describe('guardPersonFields with a field of one category', () => {
  it('passes the decision, and the same decision as the only one of the decisions', async () => {
    const { value, audited, seen } = await resolveAs('care-worker', 'carePlan');
    expect(value).toBe('Stay in my own flat');
    expect(audited).toEqual([{ categories: ['care-plan'], breakGlass: false }]);
    expect(seen.decision).toMatchObject({ allowed: true });
    expect([...(seen.decisions?.entries() ?? [])]).toEqual([['care-plan', seen.decision]]);
  });

  it('refuses with FORBIDDEN as before', async () => {
    const { value } = await resolveAs('care-coordinator', 'carePlan');
    expect(value).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });
});

describe('guardPersonFields with a category that includes another', () => {
  // As health's demographics hold the name: whoever may see the wider may see the narrower.
  const including = definePolicy({
    ...policy,
    includes: { assessments: ['reviews'] },
    rules: [
      ...policy.rules,
      { roles: ['assessor'], relationships: ['allocated'], categories: ['assessments'], because: 'assesses' },
    ],
  });
  relationshipsOf['assessor'] = ['allocated'];

  it('grants the narrower as part of the wider, without deciding it apart', async () => {
    const { access } = await resolveAs('assessor', 'carePlan', undefined, including);
    expect(await access.decide(sam, 'reviews')).toMatchObject({ allowed: true, includedIn: 'assessments' });
  });

  it('audits a field answering both under the wider alone', async () => {
    const { value, audited, seen } = await resolveAs('assessor', 'timeline', undefined, including);
    expect(value).toEqual(['assessment-1', 'review-1']);
    expect(seen.decisions?.get('reviews')).toMatchObject({ includedIn: 'assessments' });
    expect(audited).toEqual([{ categories: ['assessments'], breakGlass: false }]);
  });

  it('decides the narrower on its own rules for a caller refused the wider', async () => {
    const { audited, seen } = await resolveAs('care-coordinator', 'timeline', undefined, including);
    expect(seen.decisions?.get('reviews')).not.toHaveProperty('includedIn');
    expect(audited).toEqual([{ categories: ['requests', 'reviews'], breakGlass: false }]);
  });

  it('refuses a policy whose includes name a category it does not hold, or chain', () => {
    expect(() => definePolicy({ ...policy, includes: { assessments: ['unknown'] } })).toThrowError(
      'Policy names categories it does not hold: unknown',
    );
    expect(() =>
      definePolicy({ ...policy, includes: { assessments: ['reviews'], reviews: ['requests'] } }),
    ).toThrowError('Policy includes categories that are themselves included: reviews');
  });
});

describe('allowedParts', () => {
  it('refuses to build anything for a field the guard did not decide', async () => {
    await expect(allowedParts({} as GuardedContext, { requests: () => ['request-1'] })).rejects.toThrowError(
      'allowedParts needs a field guarded by guardPersonFields.',
    );
  });
});
