import { readFileSync } from 'node:fs';
import { loadAgencyModules } from '@joined-up/dev';
import { publishedSdl } from '@joined-up/kit';
import { publishedSdlPath } from '@joined-up/schema';
import { describe, expect, it } from 'vitest';

const agencies = await loadAgencyModules();

describe("each agency's published SDL", () => {
  // Composition and the schema check read the published file, never the code: a stale file
  // would compose a graph the agency does not serve. `npm run publish-sdl` writes it.
  it.each(agencies.map(({ entry, module }) => [entry.name, entry, module] as const))(
    'is what %s serves',
    (_name, entry, module) => {
      expect(readFileSync(publishedSdlPath(entry), 'utf8')).toBe(publishedSdl(module.agency, module.typeDefs));
    },
  );
});
