import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] };

interface Workspace {
  folder: string;
  name: string;
  dependencies: string[];
}

const workspaces: Workspace[] = rootManifest.workspaces.map((folder) => {
  const manifest = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) as {
    name: string;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  return {
    folder,
    name: manifest.name,
    dependencies: [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})],
  };
});

// Agencies are the workspaces under subgraphs/ other than the shared kit and demo population:
// independent parties, each deploying its own subgraph.
const shared = new Set(['subgraphs/kit', 'subgraphs/population']);
const agencies = workspaces.filter(
  (workspace) => workspace.folder.startsWith('subgraphs/') && !shared.has(workspace.folder),
);
const agencyNames = new Set(agencies.map((agency) => agency.name));
// What must never depend on an agency: the contract, the gateway and what every agency shares.
const neutral = workspaces.filter((workspace) => ['schema', 'gateway', 'core', ...shared].includes(workspace.folder));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs|cjs|tsx)$/.test(name) ? [path] : [];
  });
}

/** Each package a module's text imports (static, dynamic with a literal, re-export), by package name. */
function importedPackages(text: string): string[] {
  const specifiers = [
    ...text.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
  ].map((match) => match[1]!);
  return specifiers
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:'))
    .map((specifier) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}

function violations(from: Workspace, forbidden: (name: string) => boolean): string[] {
  const inCode = sourceFiles(join(root, from.folder)).flatMap((file) =>
    importedPackages(readFileSync(file, 'utf8'))
      .filter(forbidden)
      .map((name) => `${relative(root, file)} imports ${name}`),
  );
  const inManifest = from.dependencies
    .filter(forbidden)
    .map((name) => `${from.folder}/package.json depends on ${name}`);
  return [...new Set([...inCode, ...inManifest])];
}

describe('agencies are independent parties', () => {
  it('finds the agencies of this repository', () => {
    expect(agencies.length).toBeGreaterThanOrEqual(4);
  });

  it.each(agencies.map((agency) => [agency.folder, agency] as const))(
    '%s imports no other agency’s package',
    (_folder, agency) => {
      expect(violations(agency, (name) => agencyNames.has(name) && name !== agency.name)).toEqual([]);
    },
  );

  it.each(neutral.map((workspace) => [workspace.folder, workspace] as const))(
    '%s imports no agency’s package',
    (_folder, workspace) => {
      expect(violations(workspace, (name) => agencyNames.has(name))).toEqual([]);
    },
  );

  it('sees every way a module can import a package', () => {
    const module = [
      "import { healthSubgraph } from '@joined-up/health';",
      "export { seed } from '@joined-up/social-care/seed';",
      "const voluntary = await import('@joined-up/voluntary-sector');",
      "import 'side-effect';",
      "import { local } from './local.ts';",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(importedPackages(module)).toEqual([
      '@joined-up/health',
      '@joined-up/social-care',
      '@joined-up/voluntary-sector',
      'side-effect',
    ]);
  });
});
