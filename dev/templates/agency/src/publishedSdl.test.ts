import { readFileSync } from 'node:fs';
import { publishedSdl } from '@joined-up/kit';
import { describe, expect, it } from 'vitest';
import { __FIELD__Subgraph } from './index.ts';

describe("__NAME__'s published SDL", () => {
  // Composition and the schema check read the published file, never this code: a stale file would
  // compose a graph the agency does not serve. `npm run publish-sdl -- __NAME__` writes it.
  it('is what the subgraph serves', () => {
    const published = readFileSync(new URL('../../../schema/subgraphs/__NAME__.graphql', import.meta.url), 'utf8');
    expect(published).toBe(publishedSdl(__FIELD__Subgraph.agency, __FIELD__Subgraph.typeDefs));
  });
});
