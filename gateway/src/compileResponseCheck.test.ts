import { buildSchema, operationFromDocument } from '@apollo/federation-internals';
import { computeResponse } from '@apollo/gateway/dist/resultShaping.js';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compileResponseCheck } from './compileResponseCheck.ts';

const schema = buildSchema(`
  type Query { search(name: String): [Person!]! person: Person actor: Actor count: Int }
  interface Actor { id: ID! }
  type Person implements Actor { id: ID! name: String status: Status nicknames: [String!] }
  type Clinician implements Actor { id: ID! role: String }
  enum Status { ACTIVE CLOSED }
`);

function operation(query: string) {
  return operationFromDocument(schema, parse(query), { validate: false });
}

/** What Apollo Gateway's post-processing makes of `data`, serialised as the client gets it. */
function reshaped(query: string, data: Record<string, unknown>): string {
  const copy = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  const result = computeResponse({ operation: operation(query), input: copy, introspectionHandling: () => null });
  return JSON.stringify(result.errors.length > 0 ? { data: result.data, errors: result.errors } : result.data);
}

/** The check's verdict, and (when it says yes) that post-processing would indeed give back the same bytes. */
function verdict(query: string, data: Record<string, unknown>): boolean | undefined {
  const check = compileResponseCheck(operation(query));
  if (!check) return undefined;
  const passes = check(data);
  if (passes) expect(reshaped(query, data)).toBe(JSON.stringify(data));
  return passes;
}

describe('compileResponseCheck', () => {
  const people = { search: [{ id: '1', name: 'Sam', status: 'ACTIVE', nicknames: ['S'] }] };

  it("passes an answer that is already the client's, aliases and fragments included", () => {
    expect(verdict('{ search { id name status nicknames } }', people)).toBe(true);
    expect(
      verdict('{ found: search { ...P } } fragment P on Person { key: id name status nicknames }', {
        found: [{ key: '1', name: 'Sam', status: 'ACTIVE', nicknames: null }],
      }),
    ).toBe(true);
    expect(
      verdict('{ actor { __typename id ... on Person { name } } }', {
        actor: { __typename: 'Person', id: '1', name: 'S' },
      }),
    ).toBe(true);
    expect(
      verdict('{ actor { __typename id ... on Person { name } } }', { actor: { __typename: 'Clinician', id: '2' } }),
    ).toBe(true);
  });

  it('refuses what post-processing would change', () => {
    const query = '{ search { id name status nicknames } }';
    // Fields in another order, one more (a __typename the planner added), one missing.
    expect(verdict(query, { search: [{ name: 'Sam', id: '1', status: 'ACTIVE', nicknames: [] }] })).toBe(false);
    expect(verdict('{ search { id } }', { search: [{ __typename: 'Person', id: '1' }] })).toBe(false);
    expect(verdict(query, { search: [{ id: '1', name: 'Sam', status: 'ACTIVE' }] })).toBe(false);
    // A value the API schema does not have (an @inaccessible enum value), a wrong scalar, a null where none may be.
    expect(verdict(query, { search: [{ id: '1', name: 'Sam', status: 'HIDDEN', nicknames: [] }] })).toBe(false);
    expect(verdict('{ count }', { count: 1.5 })).toBe(false);
    expect(verdict(query, { search: [{ id: '1', name: 'Sam', status: 'ACTIVE', nicknames: [null] }] })).toBe(false);
    expect(verdict(query, { search: [null] })).toBe(false);
    // A __typename no object type of the API schema has (an interface, an @inaccessible type).
    expect(verdict('{ actor { __typename id } }', { actor: { __typename: 'Actor', id: '1' } })).toBe(false);
    expect(verdict('{ actor { __typename id } }', { actor: { __typename: 'Secret', id: '1' } })).toBe(false);
    // The root's __typename, which the planner leaves for the gateway to answer.
    expect(verdict('{ __typename count }', { count: 1 })).toBe(false);
  });

  it('follows fragments as post-processing does: by the __typename answered', () => {
    const query = '{ actor { __typename ... on Clinician { role } ... on Person { name } } }';
    expect(verdict(query, { actor: { __typename: 'Person', name: 'Sam' } })).toBe(true);
    expect(verdict(query, { actor: { __typename: 'Person', role: 'GP' } })).toBe(false);
  });

  it("reads the client's order as Apollo Gateway does, fragments on one type merged", () => {
    // @apollo/federation-internals merges the two fragments on Person: the answer is id, status, name.
    const query = '{ person { ... on Person { id } name ... on Person { status } } }';
    expect(verdict(query, { person: { id: '1', status: null, name: 'S' } })).toBe(true);
    expect(verdict(query, { person: { id: '1', name: 'S', status: null } })).toBe(false);
  });

  it('leaves to the normal path what it does not follow', () => {
    expect(verdict('{ search { id name @include(if: true) } }', people)).toBeUndefined();
    expect(verdict('{ __schema { queryType { name } } }', {})).toBeUndefined();
    expect(verdict('{ actor { ... on Person { a: id } ... on Clinician { a: id } } }', {})).toBe(false);
    expect(compileResponseCheck(operation('{ a: person { id } ... on Query { a: person { name } } }'))).toBeUndefined();
  });
});
