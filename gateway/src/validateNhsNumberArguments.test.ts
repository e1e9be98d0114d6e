import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { findInvalidNhsNumberArgument } from './validateNhsNumberArguments.ts';

const schema = buildSchema(`
  scalar NHSNumber
  type Person { nhsNumber: NHSNumber! name: String }
  type Query {
    person(nhsNumber: NHSNumber!): Person
    people(nhsNumbers: [NHSNumber!]!): [Person]!
    search(name: String): [Person!]!
  }
`);

const check = (query: string, variables: Record<string, unknown> = {}) =>
  findInvalidNhsNumberArgument(schema, parse(query), variables);

describe('findInvalidNhsNumberArgument', () => {
  it('accepts valid numbers, with or without spaces, inline or as variables', () => {
    expect(check('{ person(nhsNumber: "9434765919") { name } }')).toBeUndefined();
    expect(check('query($n: NHSNumber!) { person(nhsNumber: $n) { name } }', { n: '943 476 5919' })).toBeUndefined();
    expect(
      check('query($n: [NHSNumber!]!) { people(nhsNumbers: $n) { name } }', { n: ['9434765919', '9000000009'] }),
    ).toBeUndefined();
  });

  it('names the argument holding an invalid number', () => {
    expect(check('{ person(nhsNumber: "9434765918") { name } }')).toBe('nhsNumber');
    expect(check('query($n: NHSNumber!) { person(nhsNumber: $n) { name } }', { n: '12345' })).toBe('nhsNumber');
    expect(check('{ people(nhsNumbers: ["9434765919", "0000000060"]) { name } }')).toBe('nhsNumbers');
    expect(check('query($n: [NHSNumber!]!) { people(nhsNumbers: $n) { name } }', { n: ['9434765919', 42] })).toBe(
      'nhsNumbers',
    );
  });

  it('ignores arguments of other types', () => {
    expect(check('{ search(name: "12345") { name } }')).toBeUndefined();
  });
});

describe('findInvalidNhsNumberArgument on a document seen before', () => {
  it('checks the values of each request, as variables change them', () => {
    const document = parse(
      'query($n: NHSNumber!) { person(nhsNumber: $n) { name } other: person(nhsNumber: "9434765919") { name } }',
    );
    expect(findInvalidNhsNumberArgument(schema, document, { n: '9434765919' })).toBeUndefined();
    expect(findInvalidNhsNumberArgument(schema, document, { n: '12345' })).toBe('nhsNumber');
    expect(findInvalidNhsNumberArgument(schema, document, { n: '943 476 5919' })).toBeUndefined();
  });
});
