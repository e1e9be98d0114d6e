/** Where a gateway's CPU time goes, as the profile's table names it. */
export const profileCategories = [
  'HTTP server + body parsing',
  'checks: token verification',
  'checks: limits + validation',
  'checks: trusted documents',
  'checks: NHS numbers',
  'checks: rate limiting',
  'our plugins: context, logging, metrics',
  'request pipeline (Apollo Server / Yoga)',
  'query planning (cached)',
  'execution: plan walk + data sources',
  'fetch: HTTP client',
  'fetch: JSON.parse of answers',
  'fetch: JSON.stringify of requests',
  'result merging',
  'serialisation (JSON.stringify)',
  'graphql-js (other)',
  'node internals (streams, timers, promises)',
  'V8 (program)',
  'GC',
  'idle',
] as const;

export type ProfileCategory = (typeof profileCategories)[number];

/** One frame of a V8 CPU profile: what `--cpu-prof` writes as a node's callFrame. */
export interface CallFrame {
  functionName: string;
  url: string;
}

/** The categories whose JSON.parse and JSON.stringify belong to the fetch path rather than the client's request. */
export const fetchCategories: ReadonlySet<ProfileCategory> = new Set([
  'execution: plan walk + data sources',
  'fetch: HTTP client',
]);

/** A pattern matching any of `files` (package folders or our compiled files) in a frame's URL. */
const anyOf = (...files: string[]) => new RegExp(files.map((file) => file.replace(/[/.]/g, '\\$&')).join('|'));

// Hive's Rust-planner runtime keeps its executor in one file: its functions say what they do.
const hiveMerging = new RegExp(
  `^(${[
    'mergeFlattenEntities',
    'projectSelectionSet',
    'projectDataByOperation',
    'projectRequires',
    'applyOutputRewrites',
    'applyKeyRenamer',
    'applyValueSetter',
    'entitySatisfiesTypeCondition',
    'normalizeFlattenNodePath',
    'collectFlattenEntities',
    'traverseFlattenPath',
    'buildFlattenEntityPathMap',
    'applyBatchAliasEntities',
  ].join('|')})$`,
);
const hivePlanning = /^(planDocument|calculateCacheKeyForDocument|getLazyValue|getLazyFactory)$/;

// Functions that are one category whatever else is on the stack: the client's answer serialised,
// and the subgraphs' answers parsed (the JSON builtins have no frame of their own when inlined).
const byFunction: ReadonlyArray<[RegExp, RegExp, ProfileCategory]> = [
  [/^(prettyJSONStringify|jsonStringifyResultWithoutInternals)$/, /./, 'serialisation (JSON.stringify)'],
  [/^json$/, anyOf('/gateway/dist/createSubgraphFetcher', '/minipass-fetch/'), 'fetch: JSON.parse of answers'],
];

// Package (or our compiled file) -> category, first match wins. Frames matching none (node's own
// modules, V8 builtins, graphql-js, anonymous functions) take their caller's category, as do
// @apollo/federation-internals' helpers, which the executor and result shaping call as well as
// the planner. Apollo Gateway's index.js is its executor's entry: what it calls itself is the
// query plan's lookup (the operation built from the document, the plan cache's key).
// node:_http_outgoing, _http_common and _http_incoming serve both ends: their caller decides.
const rules: ReadonlyArray<[RegExp, ProfileCategory]> = [
  [
    anyOf(
      '/core/dist/createTokenVerifier',
      '/core/dist/cacheVerifiedTokens',
      '/core/dist/callerFromIssuerClaims',
      '/core/dist/readClaim',
      '/jose/',
    ),
    'checks: token verification',
  ],
  [anyOf('/core/dist/limits/TrustedDocuments'), 'checks: trusted documents'],
  [
    anyOf(
      '/core/dist/limits/RateLimiter',
      '/core/dist/limits/createMemoryRateLimiter',
      '/gateway/dist/createRateLimiter',
    ),
    'checks: rate limiting',
  ],
  [
    anyOf('/core/dist/limits/', '/gateway/dist/requireResolvedOperation', '/core/dist/hideFieldSuggestions'),
    'checks: limits + validation',
  ],
  [anyOf('/gateway/dist/validateNhsNumberArguments', '/core/dist/nhsNumber'), 'checks: NHS numbers'],
  [
    anyOf(
      '/core/dist/createHttpHandler',
      'node:_http_server',
      '/@whatwg-node/server/',
      '/@apollo/server/dist/esm/standalone',
    ),
    'HTTP server + body parsing',
  ],
  [anyOf('/@apollo/gateway/dist/resultShaping', '/@apollo/gateway/dist/utilities/deepMerge'), 'result merging'],
  [
    anyOf('/@apollo/query-planner/', '/@apollo/gateway/dist/index.js', '/@graphql-hive/router-query-planner/'),
    'query planning (cached)',
  ],
  [
    anyOf(
      '/undici/',
      'node:_http_client',
      'node:_http_agent',
      '/gateway/dist/createSubgraphFetcher',
      '/@graphql-mesh/transport-http/',
      '/@graphql-tools/executor-http/',
      '/@whatwg-node/node-fetch/',
      '/minipass-fetch/',
      '/make-fetch-happen/',
      '/@npmcli/agent/',
      '/agent-base/',
      '/node-fetch/',
    ),
    'fetch: HTTP client',
  ],
  [
    anyOf(
      '/@apollo/gateway/dist/',
      '/gateway/dist/JoinedUpDataSource',
      '/gateway/dist/AgencyTraffic',
      '/gateway/dist/RetryBudget',
      '/gateway/dist/AgencyFailure',
      '/gateway/dist/describeFetch',
      '/gateway/dist/reportMissingParts',
      '/cockatiel/',
      '/@graphql-mesh/fusion-runtime/',
      '/@graphql-tools/delegate/',
      '/@graphql-tools/federation/',
      '/@graphql-tools/batch-delegate/',
      '/@graphql-tools/batch-execute/',
      '/@graphql-tools/stitch/',
    ),
    'execution: plan walk + data sources',
  ],
  [
    anyOf(
      '/@apollo/server/',
      '/@apollo/utils',
      '/graphql-yoga/',
      '/@envelop/',
      '/@graphql-hive/gateway-runtime/',
      '/@graphql-hive/yoga/',
      '/@graphql-hive/core/',
      '/@graphql-mesh/',
    ),
    'request pipeline (Apollo Server / Yoga)',
  ],
  [
    anyOf('/gateway/dist/', '/core/dist/', '/pino', '/prom-client/', '/@opentelemetry/'),
    'our plugins: context, logging, metrics',
  ],
];

/**
 * The category of one frame by its file (a package, or our compiled gateway/ and core/), or null
 * for a frame that belongs to whoever called it. `(garbage collector)`, `(idle)` and `(program)`
 * are V8's own.
 */
export function categoriseFrame(frame: CallFrame): ProfileCategory | null {
  if (frame.functionName === '(garbage collector)') return 'GC';
  if (frame.functionName === '(idle)') return 'idle';
  if (frame.functionName === '(program)') return 'V8 (program)';
  if (frame.url.includes('/@graphql-hive/router-runtime/')) {
    if (hiveMerging.test(frame.functionName)) return 'result merging';
    if (hivePlanning.test(frame.functionName)) return 'query planning (cached)';
    return 'execution: plan walk + data sources';
  }
  for (const [name, url, category] of byFunction)
    if (name.test(frame.functionName) && url.test(frame.url)) return category;
  for (const [pattern, category] of rules) if (pattern.test(frame.url)) return category;
  return null;
}
