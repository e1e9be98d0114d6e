import { readFileSync } from 'node:fs';
import { type ErrorCode, type ErrorCodeEntry, errorCodes, httpStatusOf, type RequestErrorCode } from '@joined-up/core';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/**
 * The HTTP status column for a code, in the README's words, from httpStatusOf: the function the
 * gateway and every subgraph take each status from (the fuzz suite checks real answers against it).
 */
function statusColumn(code: ErrorCode): string {
  const entry: ErrorCodeEntry = errorCodes[code];
  const parts: string[] = [];
  if (entry.refuses) {
    const refusing = code as RequestErrorCode;
    parts.push([httpStatusOf(refusing), entry.refuses.when].filter(Boolean).join(' '));
    for (const [status, when] of Object.entries(entry.refuses.also ?? {}))
      parts.push(`${httpStatusOf(refusing, Number(status) as never)} ${when}`);
  }
  if (entry.blanks) parts.push(entry.refuses ? 'else 200 at each field' : '200 at each field');
  return parts.join('; ');
}

describe("the README's error table", () => {
  it('lists every code of the catalog once, with the HTTP statuses answers carrying it get', () => {
    const section = readme.slice(readme.indexOf('## Errors'), readme.indexOf('\n## ', readme.indexOf('## Errors') + 1));
    const rows = [...section.matchAll(/^\| `([A-Z_]+)` \| ([^|]+) \|/gm)].map(([, code, status]) => [
      code,
      status!.trim(),
    ]);
    expect(rows).toEqual(Object.keys(errorCodes).map((code) => [code, statusColumn(code as ErrorCode)]));
  });

  it('gives every code a status for whole refusals, or a place at the fields it blanks, or both', () => {
    for (const [code, entry] of Object.entries(errorCodes) as Array<[ErrorCode, ErrorCodeEntry]>) {
      expect(entry.refuses ?? entry.blanks, code).toBeDefined();
      // A code that does both says when it refuses the whole request.
      if (entry.refuses && entry.blanks) expect(entry.refuses.when, code).toBeTruthy();
    }
    expect(httpStatusOf('BAD_REQUEST', 405)).toBe(405);
    expect(httpStatusOf('RATE_LIMITED')).toBe(429);
  });
});
