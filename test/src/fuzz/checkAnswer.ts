import { errorCodes } from '@joined-up/core';

/** What a fuzzed request got back: the HTTP status (0 when the connection closed without one) and the body. */
export interface Answer {
  status: number;
  text: string;
}

// What must never reach a caller, however odd the request: a stack frame, a path on the server,
// SQL or a database's own words.
const leaks: Array<[string, RegExp]> = [
  ['a stack frame', /\bat [\w.<>]+ \(|\(\/[^)]*:\d+:\d+\)|\bat (?:file:\/\/|\/)[^\s"]+:\d+/],
  ['a file path', /\/work\/|\/home\/|\/usr\/|node_modules|file:\/\/|[\w-]+\.(?:ts|js|mjs|cjs):\d+/],
  [
    'SQL',
    // Quotes may come escaped, as JSON writes them.
    new RegExp(
      [
        String.raw`\bselect\s+[\w\\"*.,\s()]+\s+from\s+\\?"`,
        String.raw`insert into \\?"`,
        String.raw`update \\?"\w+\\?" set`,
        String.raw`delete from \\?"`,
        'failed query:',
        'syntax error at or near',
        String.raw`relation \\?"\w+\\?" does not exist`,
        'violates (?:not-null|unique|foreign key|check) constraint',
        'duplicate key value',
        'invalid input syntax for type',
        'invalid byte sequence',
      ].join('|'),
      'i',
    ),
  ],
];

/**
 * Why an answer breaks the rules, or undefined when it keeps them: no 5xx, nothing internal, and
 * every error code one of the catalog's (or Apollo's CSRF and persisted-query ones it may add).
 */
export function problemWith(answer: Answer): string | undefined {
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  for (const [what, pattern] of leaks) {
    const found = pattern.exec(answer.text);
    if (found) return `${what}: ${found[0]}`;
  }
  const body = answer.text.slice(answer.text.indexOf('{'));
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const errors = (parsed as { errors?: Array<{ extensions?: { code?: unknown } }> } | null)?.errors;
  for (const error of Array.isArray(errors) ? errors : []) {
    const code = error.extensions?.code;
    if (typeof code !== 'string' || !(code in errorCodes || apolloCodes.has(code)))
      return `uncatalogued code ${String(code)}`;
  }
  return undefined;
}

// Codes Apollo Server may return for a request it refuses before anything of ours runs.
const apolloCodes = new Set([
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
