import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { defaultRequestLimits, estimateCost, readCostDirectives, requestLimitRules } from '@joined-up/core';
import { supergraphPath } from '@joined-up/schema';
import { type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

const supergraph = readFileSync(supergraphPath, 'utf8');
const schema = Supergraph.build(supergraph, { supportedFeatures: null }).apiSchema().toGraphQLJSSchema();
const directives = readCostDirectives(supergraph);
const sam = '9990000018';

function cost(query: string): number {
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((definition) => [definition.name.value, definition]),
  );
  return estimateCost(schema, operation, fragments, {
    directives,
    assumedListSize: defaultRequestLimits.assumedListSize,
  });
}

// The committed supergraph's @cost and @listSize, priced as Apollo Router's demand control documents
// it (static_estimated, list_size 10 as in deploy/apollo-router/router.yaml): query 0, mutation 10,
// object 1, scalar and enum 0 or the @cost weight, a list its length times its item, and a field's
// @requires added. Every expected figure is worked by hand, so the calculator cannot agree with itself.
describe('demand control over the supergraph', () => {
  it('prices people(nhsNumbers) as the 100 people it may return, whatever the list holds', () => {
    // people: @listSize(assumedSize: 100) × Person 1; NHS numbers are scalars, free.
    const hundred = Array.from({ length: 100 }, () => `"${sam}"`).join(', ');
    expect(cost(`{ people(nhsNumbers: [${hundred}]) { nhsNumber } }`)).toBe(100);
    // 100 × (Person 1 + name 1) = 200.
    expect(cost(`{ people(nhsNumbers: ["${sam}"]) { name { given } } }`)).toBe(200);
  });

  it('prices a page by its first argument, through the connection to its edges', () => {
    // person 1 × (1 + healthAccessLog 1 × (1 + edges 100 × (edge 1 + node 1 + organisation 1) + pageInfo 1)) = 303.
    const page = (first: string) =>
      `{ person(nhsNumber: "${sam}") { healthAccessLog${first} { ` +
      'edges { node { organisation { code } } } pageInfo { hasNextPage } } } }';
    expect(cost(page('(first: 100)'))).toBe(303);
    // The default page, first: 20: 1 + 1 + 20 × 3 + 1 = 63.
    expect(cost(page(''))).toBe(63);
  });

  it('prices the cost bomb of 100 caseload entries with 100 encounters each past the limit', () => {
    // caseload 1 × (1 + edges 100 × (edge 1 + node 1 + person 1 + encounters 1 × (1 + edges 100 × (1 + 1)))) = 20_401.
    const bomb =
      '{ socialCareCaseload(first: 100) { edges { node { person { ' +
      'encounters(first: 100) { edges { node { type summary } } } } } } } }';
    expect(cost(bomb)).toBe(20_401);
    const errors = validate(schema, parse(bomb), requestLimitRules(defaultRequestLimits, directives));
    expect(errors.map((error) => error.extensions)).toEqual([
      { code: 'QUERY_TOO_COMPLEX', measure: 'cost', limit: 10_000, measured: 20_401, http: { status: 400 } },
    ]);
  });

  it('adds what a field @requires, and a @cost weight in place of the type cost', () => {
    // skillCoverage: 10 × 1, plus its @requires, careWorkers 10 × (1 + worker 1 × (1 + competencies 10 × 1)) = 120;
    // person 1 × (1 + 10 + 120) = 131.
    expect(cost(`{ person(nhsNumber: "${sam}") { skillCoverage { skill } } }`)).toBe(131);
    // The audit verification reads the whole audit: @cost(weight: 100), not 1 for its object.
    expect(cost('{ healthAuditVerification { intact rowsChecked } }')).toBe(100);
  });

  it('starts a mutation at 10', () => {
    // 10 + SharingDecision 1.
    expect(
      cost(`mutation { setHealthSharing(nhsNumber: "${sam}", sector: "social-care", shared: true) { shared } }`),
    ).toBe(11);
  });
});
