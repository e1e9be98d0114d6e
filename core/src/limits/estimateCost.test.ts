import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { estimateCost } from './estimateCost.ts';
import { readCostDirectives } from './readCostDirectives.ts';

// Apollo Router's documentation's own example schema, with the IBM specification's directives on top.
const sdl = /* GraphQL */ `
  directive @cost(
    weight: Int!
  ) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR
  directive @listSize(
    assumedSize: Int
    slicingArguments: [String!]
    sizedFields: [String!]
    requireOneSlicingArgument: Boolean = true
  ) on FIELD_DEFINITION
  type Address {
    zipCode: String
  }
  type Publisher {
    name: String
    address: Address
  }
  type Author {
    name: String
    books: [Book!]!
  }
  type Book {
    title: String
    author: Author
    publisher: Publisher
    reviews: [Review!]!
  }
  type Review @cost(weight: 3) {
    stars: Int
  }
  type BookPage {
    edges: [Book!]!
    total: Int
  }
  input Filter {
    title: String
    tags: [String!]
  }
  type Query {
    book(id: ID): Book
    books(first: Int = 20, filter: Filter): BookPage
      @listSize(assumedSize: 100, slicingArguments: ["first"], sizedFields: ["edges"])
    shelf: [Book!]! @listSize(assumedSize: 5)
    everything: [Book!]!
    expensive: Int @cost(weight: 50)
    search(term: String @cost(weight: 7)): Int
  }
  type Mutation {
    addBook(title: String): Book
  }
`;
const schema = buildSchema(sdl);
const directives = readCostDirectives(sdl);

function cost(query: string, variables?: Record<string, unknown>): number {
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
    assumedListSize: 10,
    ...(variables && { variables }),
  });
}

// Each expected figure is worked by hand from Apollo Router's documented algorithm (demand control,
// static_estimated): query 0, mutation 10; object 1, scalar and enum 0, or the @cost weight; a list
// is its length times its item's cost; arguments add their weights (an input object 1).
describe('estimateCost', () => {
  it("gives the documentation's BookQuery a cost of 4: four objects, scalars free", () => {
    expect(cost('{ book(id: 1) { title author { name } publisher { name address { zipCode } } } }')).toBe(4);
  });

  it('starts a mutation at 10', () => {
    // 10 + Book 1.
    expect(cost('mutation { addBook(title: "x") { title } }')).toBe(11);
  });

  it('multiplies a list by its slicing argument, and a sized field by the same', () => {
    // books: 1 × (BookPage 1 + edges 7 × (Book 1 + author 1)) = 15; total is a scalar.
    expect(cost('{ books(first: 7) { total edges { author { name } } } }')).toBe(15);
    // The default page (first: 20): 1 + 20 × 1 = 21.
    expect(cost('{ books { edges { title } } }')).toBe(21);
    // A variable: its value when known; while validating (no variables) the assumed size, the largest page.
    expect(cost('query ($n: Int) { books(first: $n) { edges { title } } }', { n: 3 })).toBe(4);
    expect(cost('query ($n: Int) { books(first: $n) { edges { title } } }')).toBe(101);
  });

  it('takes assumedSize, else the configured list size, for a list without a slicing argument', () => {
    // shelf: 5 × (Book 1 + reviews 10 × Review 3) = 155.
    expect(cost('{ shelf { reviews { stars } } }')).toBe(155);
    // everything: 10 × Book 1 = 10.
    expect(cost('{ everything { title } }')).toBe(10);
  });

  it('adds @cost weights of fields, types and arguments, and 1 for an input object', () => {
    expect(cost('{ expensive }')).toBe(50);
    expect(cost('{ search(term: "a") }')).toBe(7);
    // books(first: 1, filter: {...}): 1 × (1 + 1 × 1) + filter 1 = 3.
    expect(cost('{ books(first: 1, filter: { title: "a", tags: ["b"] }) { edges { title } } }')).toBe(3);
  });

  it('prices nothing skipped, no __typename and no introspection', () => {
    expect(cost('{ book { __typename author @skip(if: true) { name } publisher @include(if: false) { name } } }')).toBe(
      1,
    );
    expect(cost('{ __schema { types { name } } }')).toBe(0);
  });

  it('prices fragments as if written in place, and a fragment bomb without flattening it', () => {
    expect(
      cost('{ book { ...parts } } fragment parts on Book { author { name } ... on Book { publisher { name } } }'),
    ).toBe(3);
    // Each fragment spreads the one below twice: 2^40 authors, priced in well under a second.
    const levels = Array.from(
      { length: 40 },
      (_, level) => `fragment f${level} on Book { ...f${level + 1} ...f${level + 1} }`,
    );
    const started = performance.now();
    expect(cost(`{ book { ...f0 } } ${levels.join(' ')} fragment f40 on Book { author { name } }`)).toBe(1 + 2 ** 40);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
