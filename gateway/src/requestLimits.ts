import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { createRequestError } from '@joined-up/core';
import { type GraphQLError, Lexer, Source, TokenKind, type ValidationContext, type ValidationRule } from 'graphql';

/** How large one operation may be. Each is configurable (GatewayOptions, GATEWAY_MAX_*). */
export interface RequestLimits {
  /** Deepest nesting of fields, through fragments. */
  maxDepth: number;
  /** Most aliased fields in one operation. */
  maxAliases: number;
  /** Most directives in one operation. */
  maxDirectives: number;
  /** Highest estimated cost: graphql-armor's, where a field's children cost 1.5 times more at each level and `first: n` multiplies. */
  maxCost: number;
  /** Most lexical tokens in one operation's document, counted before it is parsed. */
  maxTokens: number;
  /** Most operations in one batched request (a JSON array body); 0 refuses batches. */
  maxBatchSize: number;
}

/**
 * Room for every query in the README and the tests: the SamsRecord example is 6 deep, costs
 * about 420 and has 164 tokens; a social worker's caseload of 100 people with their alerts and
 * plans costs about 8,500; the explorer's introspection query has about 200 tokens (its depth and
 * cost are not counted, and production refuses introspection altogether). Batches are refused.
 */
export const defaultRequestLimits: RequestLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 50,
  maxCost: 10_000,
  maxTokens: 1_000,
  maxBatchSize: 0,
};

/** What a QUERY_TOO_COMPLEX error says was measured. */
export type Measure = 'depth' | 'aliases' | 'directives' | 'cost' | 'tokens';

const measured: Record<Measure, (value: number) => string> = {
  depth: (value) => `is ${value} fields deep`,
  aliases: (value) => `has ${value} aliases`,
  directives: (value) => `has ${value} directives`,
  cost: (value) => `has an estimated cost of ${value}`,
  tokens: (value) => `has ${value} tokens`,
};

/** The QUERY_TOO_COMPLEX error, with the measure, the limit and the measured value in extensions. */
export function queryTooComplex(measure: Measure, limit: number, value: number): GraphQLError {
  return createRequestError(
    'QUERY_TOO_COMPLEX',
    `The operation ${measured[measure](value)}, over the limit of ${limit}.`,
    { measure, limit, measured: value },
  );
}

/**
 * graphql-armor's validation rules for depth, aliases, directives and cost, run with GraphQL's
 * own validation and so before any agency is called. Armor reports a breach only as a message
 * ("Query depth limit of 10 exceeded, found 12."), so its error is replaced by our catalogued one
 * carrying the figures. Fragments are measured as if written in place, so a fragment neither
 * hides a breach nor counts against a client that uses many. Introspection's depth and cost are
 * not counted: the explorer's schema query is deep by nature, and production refuses introspection.
 */
export function requestLimitRules(limits: RequestLimits): ValidationRule[] {
  const armor = (measure: Measure, limit: number) => ({
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(queryTooComplex(measure, limit, measuredBy(error))),
    ],
  });
  return [
    maxDepthRule({
      n: limits.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: true,
      ...armor('depth', limits.maxDepth),
    }),
    maxAliasesRule({ n: limits.maxAliases, ...armor('aliases', limits.maxAliases) }),
    maxDirectivesRule({ n: limits.maxDirectives, ...armor('directives', limits.maxDirectives) }),
    costLimitRule({
      maxCost: limits.maxCost,
      ignoreIntrospection: true,
      flattenFragments: true,
      ...armor('cost', limits.maxCost),
    }),
  ];
}

/** The figure armor found, from its message "... limit of 10 exceeded, found 12.", rounded up. */
function measuredBy(error: GraphQLError): number {
  const found = /found (\d+(?:\.\d+)?)\.$/.exec(error.message)?.[1];
  if (found === undefined) throw new Error(`Unrecognised graphql-armor message: ${error.message}`);
  return Math.ceil(Number(found));
}

/**
 * The number of lexical tokens in a GraphQL document, counted as graphql-js's parser counts them
 * (comments excluded). Stops at the first lexical error: the parser then reports it.
 */
export function countTokens(query: string): number {
  const lexer = new Lexer(new Source(query));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) tokens += 1;
  } catch {
    // Not lexable: let Apollo's parser answer with the syntax error.
  }
  return tokens;
}
