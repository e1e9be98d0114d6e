import { readFileSync } from 'node:fs';
import { errorCodes } from '@joined-up/core';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe("the README's error table", () => {
  it('lists every code of the catalog once, with the HTTP status the catalog gives it first', () => {
    const section = readme.slice(readme.indexOf('## Errors'), readme.indexOf('\n## ', readme.indexOf('## Errors') + 1));
    const rows = [...section.matchAll(/^\| `([A-Z_]+)` \| (\d{3})[^|]* \|/gm)].map(([, code, status]) => [
      code,
      Number(status),
    ]);
    expect(rows).toEqual(Object.entries(errorCodes).map(([code, entry]) => [code, entry.httpStatus]));
  });
});
