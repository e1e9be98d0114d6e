import { createRequestError } from '../errorCodes.ts';
import {
  type FragmentDefinitionNode,
  type GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  type ValidationRule,
} from 'graphql';
import { estimateCost } from './estimateCost.ts';
import { measureOperation, type OperationMeasures } from './measureOperation.ts';
import { type CostDirectives, noCostDirectives } from './readCostDirectives.ts';

/** How large one operation may be. Each is configurable (GatewayOptions, GATEWAY_MAX_*). */
export interface RequestLimits {
  /** Deepest nesting of fields, through fragments. */
  maxDepth: number;
  /** Most aliased fields in one operation. */
  maxAliases: number;
  /** Most directives in one operation. */
  maxDirectives: number;
  /**
   * Highest estimated cost, as Apollo Router's demand control computes it from the schema's `@cost` and `@listSize`
   * (estimateCost): an object costs 1, a scalar 0, a list its length times its items.
   */
  maxCost: number;
  /** The length taken for a list field the schema gives no `@listSize` (Apollo Router's `list_size`). */
  assumedListSize: number;
  /** Most lexical tokens in one operation's document, counted before it is parsed. */
  maxTokens: number;
  /** Most operations in one batched request (a JSON array body); 0 refuses batches. */
  maxBatchSize: number;
}

/**
 * Room for every query in the README and the tests: the SamsRecord example is 6 deep, costs
 * 418 and has 164 tokens; a social worker's caseload of 100 people with their alerts and
 * plans costs 2,601; the explorer's introspection query has about 200 tokens (its depth and
 * cost are not counted, and production refuses introspection altogether). Batches are refused.
 * A list the schema does not size is taken as 10 long: a person's medications or alerts, say.
 */
export const defaultRequestLimits: RequestLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 50,
  maxCost: 10_000,
  assumedListSize: 10,
  maxTokens: 1_000,
  maxBatchSize: 0,
};

/** What a QUERY_TOO_COMPLEX error says was measured. */
export type Measure = 'depth' | 'aliases' | 'directives' | 'cost' | 'tokens';

const measured: Record<Measure, (value: string) => string> = {
  depth: (value) => `is ${value} fields deep`,
  aliases: (value) => `has ${value} aliases`,
  directives: (value) => `has ${value} directives`,
  cost: (value) => `has an estimated cost of ${value}`,
  tokens: (value) => `has ${value} tokens`,
};

/**
 * The QUERY_TOO_COMPLEX error, with the measure, the limit and the measured value in extensions.
 * A cost estimate can be vast (1.5 to the power of the depth); past the integers JSON carries
 * exactly, the figure is given as that bound and the message says "more than".
 */
export function queryTooComplex(measure: Measure, limit: number, value: number): GraphQLError {
  const exact = value <= Number.MAX_SAFE_INTEGER;
  const figure = exact ? Math.ceil(value) : Number.MAX_SAFE_INTEGER;
  return createRequestError(
    'QUERY_TOO_COMPLEX',
    `The operation ${measured[measure](exact ? String(figure) : `more than ${figure}`)}, over the limit of ${limit}.`,
    { measure, limit, measured: figure },
  );
}

const measures: ReadonlyArray<[keyof OperationMeasures, keyof RequestLimits]> = [
  ['depth', 'maxDepth'],
  ['aliases', 'maxAliases'],
  ['directives', 'maxDirectives'],
];

/**
 * One validation rule for depth, aliases, directives and cost, run with GraphQL's own validation
 * and so before any agency is called. The figures are computed here (measureOperation,
 * estimateCost), not read back out of another library's message, and each breach is reported with
 * its figures. Fragments are measured as if written in place, so a fragment neither hides a breach
 * nor counts against a client that uses many. Cost reads `@cost` and `@listSize` from
 * `costDirectives` (readCostDirectives of the supergraph at the gateway, of its own SDL at a
 * subgraph), a function when the schema served can change; validation has no variables, so a page
 * size given as one is taken at its field's largest.
 */
export function requestLimitRules(
  limits: RequestLimits,
  costDirectives: CostDirectives | (() => CostDirectives) = noCostDirectives,
): ValidationRule[] {
  const directivesNow = typeof costDirectives === 'function' ? costDirectives : () => costDirectives;
  const rule: ValidationRule = (context) => {
    let fragments: Map<string, FragmentDefinitionNode> | undefined;
    return {
      OperationDefinition(operation) {
        fragments ??= new Map(
          context
            .getDocument()
            .definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
            .map((definition) => [definition.name.value, definition]),
        );
        const found = measureOperation(operation, fragments);
        for (const [measure, limit] of measures) {
          if (found[measure] > limits[limit])
            context.reportError(queryTooComplex(measure, limits[limit], found[measure]));
        }
        const options = { directives: directivesNow(), assumedListSize: limits.assumedListSize };
        const cost = estimateCost(context.getSchema(), operation, fragments, options);
        if (cost > limits.maxCost) context.reportError(queryTooComplex('cost', limits.maxCost, cost));
        // The measure walked the whole operation; nothing below needs this rule again.
        return false;
      },
    };
  };
  return [rule];
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
