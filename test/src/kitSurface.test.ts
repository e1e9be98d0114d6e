import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSubgraphList } from '@joined-up/schema';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The names a module's text imports from a package. */
function namesImported(text: string, from: string): string[] {
  return [...text.matchAll(new RegExp(`import(?: type)? \\{([^}]*)\\} from '${from}'`, 'g'))].flatMap((match) =>
    match[1]!
      .split(',')
      .map((name) =>
        name
          .replace(/^\s*type\s+/, '')
          .split(' as ')[0]!
          .trim(),
      )
      .filter(Boolean),
  );
}

describe("the kit's public surface", () => {
  const index = readFileSync(join(root, 'subgraphs/kit/src/index.ts'), 'utf8');
  // Values only: a type is exported because a value's signature names it (so an agency's own
  // declarations can name it too), and is used wherever that value is.
  const exported = [...index.matchAll(/export \{([^}]*)\}/g)].flatMap((match) =>
    match[1]!
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name && !name.startsWith('type ')),
  );
  // What agencies write: every agency of this repository, and the template a new one starts from.
  const agencyFiles = [
    ...readSubgraphList()
      .filter((entry) => entry.package !== undefined)
      .flatMap((entry) => filesUnder(join(root, 'subgraphs', entry.name))),
    ...filesUnder(join(root, 'dev/templates/agency')),
  ];
  const used = new Set(agencyFiles.flatMap((file) => namesImported(readFileSync(file, 'utf8'), '@joined-up/kit')));

  it('is what agencies use, all of it', () => {
    expect(exported.length).toBeGreaterThan(20);
    expect(exported.filter((name) => !used.has(name)).sort()).toEqual([]);
  });
});
