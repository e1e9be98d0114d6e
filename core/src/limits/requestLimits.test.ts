import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readCostDirectives } from './readCostDirectives.ts';
import { countTokens, defaultRequestLimits, requestLimitRules } from './requestLimits.ts';

const sdl = `
  directive @flag on FIELD
  directive @listSize(assumedSize: Int, slicingArguments: [String!]) on FIELD_DEFINITION
  type Person { name: String, friends(first: Int): [Person!]! }
  type Query { person: Person, people(first: Int): [Person!]! @listSize(slicingArguments: ["first"]) }
`;
const schema = buildSchema(sdl);
const directives = readCostDirectives(sdl);

const limits = { ...defaultRequestLimits, maxDepth: 3, maxAliases: 2, maxDirectives: 2, maxCost: 200 };
const check = (query: string) =>
  validate(schema, parse(query), requestLimitRules(limits, directives)).map((error) => ({
    message: error.message,
    extensions: error.extensions,
  }));
const tooComplex = (measure: string, limit: number, measured: number, message: string) => ({
  message: `The operation ${message}, over the limit of ${limit}.`,
  extensions: { code: 'QUERY_TOO_COMPLEX', measure, limit, measured, http: { status: 400 } },
});

describe('requestLimitRules', () => {
  it('lets an operation within every limit through', () => {
    expect(check('{ person { name friends { name } } a: person { name } b: person { name @flag @flag } }')).toEqual([]);
  });

  it('refuses each limit breached with QUERY_TOO_COMPLEX, the limit and the measured value', () => {
    expect(check('{ person { friends { friends { name } } } }')).toEqual([
      tooComplex('depth', 3, 4, 'is 4 fields deep'),
    ]);
    expect(check('{ a: person { name } b: person { name } c: person { name } }')).toEqual([
      tooComplex('aliases', 2, 3, 'has 3 aliases'),
    ]);
    expect(check('{ person { name @flag @flag @flag } }')).toEqual([
      tooComplex('directives', 2, 3, 'has 3 directives'),
    ]);
    // people(first: 50), sized by @listSize: 50 × (Person 1 + friends, 10 assumed, × Person 1) = 550.
    expect(check('{ people(first: 50) { friends { name } } }')).toEqual([
      tooComplex('cost', 200, 550, 'has an estimated cost of 550'),
    ]);
  });

  it('measures fragments as if written in place, so a breach cannot hide in one', () => {
    expect(check('{ person { ...deep } } fragment deep on Person { friends { name } }')).toEqual([]);
    expect(
      check('{ person { ...deep } } fragment deep on Person { friends { ... on Person { friends { name } } } }'),
    ).toEqual([tooComplex('depth', 3, 4, 'is 4 fields deep')]);
  });

  it('measures a fragment spread many times over at its flattened size, without flattening it', () => {
    // Each fragment spreads the one below it twice: 2^40 leaves, measured in well under a second.
    const levels = Array.from(
      { length: 40 },
      (_, level) => `fragment f${level} on Person { ...f${level + 1} ...f${level + 1} }`,
    );
    const bomb = `{ person { ...f0 } } ${levels.join(' ')} fragment f40 on Person { friends { name } }`;
    const started = performance.now();
    const [error] = check(bomb);
    expect(performance.now() - started).toBeLessThan(500);
    expect(error?.extensions).toMatchObject({ measure: 'cost', limit: 200, measured: 1 + 10 * 2 ** 40 });
  });

  it('gives a cost past exact integers as that bound, never a figure in exponent form', () => {
    // 200 levels of lists, each taken as 10 long, cost about 10^200; the message and extensions stay exact integers.
    const deep = `{ person { ${'friends { '.repeat(199)}name${' }'.repeat(199)} } }`;
    const errors = validate(schema, parse(deep), requestLimitRules(defaultRequestLimits)).map((error) => ({
      message: error.message,
      extensions: error.extensions,
    }));
    expect(errors).toEqual([
      tooComplex('depth', 10, 201, 'is 201 fields deep'),
      tooComplex(
        'cost',
        10_000,
        Number.MAX_SAFE_INTEGER,
        `has an estimated cost of more than ${Number.MAX_SAFE_INTEGER}`,
      ),
    ]);
  });

  it('reports every limit an operation breaches', () => {
    const codes = check('{ a: people(first: 99) { b: friends { c: friends { name } } } }').map(
      (error) => error.extensions['measure'],
    );
    expect(codes).toEqual(['depth', 'aliases', 'cost']);
  });

  it('does not count the depth and cost of introspection, which the explorer needs', () => {
    expect(
      validate(
        buildSchema('type Query { hello: String }'),
        parse(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true })),
        requestLimitRules(defaultRequestLimits),
      ),
    ).toEqual([]);
  });
});

describe('countTokens', () => {
  it('counts lexical tokens as the parser does, without comments', () => {
    for (const [query, tokens] of [
      ['{ person { name } }', 6],
      ['# a comment\nquery Q($n: Int = 3) { people(first: $n) { name } }', 22],
    ] as const) {
      expect(countTokens(query)).toBe(tokens);
      expect(() => parse(query, { maxTokens: tokens })).not.toThrow();
      expect(() => parse(query, { maxTokens: tokens - 1 })).toThrow(/more that/);
    }
    expect(countTokens('')).toBe(0);
  });

  it('stops at a lexical error, leaving the parser to report it', () => {
    expect(countTokens('{ person ☃ }')).toBe(2);
  });
});
