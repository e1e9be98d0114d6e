import { readFileSync } from 'node:fs';
import { publishedSdl } from '@joined-up/kit';
import { describe, expect, it } from 'vitest';
import { hospitalSubgraph } from './index.ts';

describe("hospital's published SDL", () => {
  // Composition and the schema check read the published file, never this code: a stale file would
  // compose a graph the agency does not serve. `npm run publish-sdl -- hospital` writes it.
  it('is what the subgraph serves', () => {
    const published = readFileSync(new URL('../../../schema/subgraphs/hospital.graphql', import.meta.url), 'utf8');
    expect(published).toBe(publishedSdl(hospitalSubgraph.agency, hospitalSubgraph.typeDefs));
  });
});
