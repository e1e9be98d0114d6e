import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSnippet, type NewAgency, placeholdersOf } from './scaffoldAgency.ts';

/**
 * Adds a new agency to the files the federation shares, and only those: the subgraph list, the
 * workspace list, the build (`npm run build` compiles it to dist/, as its image and the benchmark
 * run it) and the deployment (docker-compose.yml: its subgraph and database, the gateway's URL for
 * it and the partnership's sectors). No kit file and no other agency's.
 * Returns the files changed.
 */
export function registerAgency(root: string, agency: NewAgency, versions: Record<string, string>): string[] {
  const placeholders = placeholdersOf(agency, versions);
  const environment = placeholders['__ENV__']!;
  const listPath = join(root, 'schema/subgraphs.json');
  const list = JSON.parse(readFileSync(listPath, 'utf8')) as Array<Record<string, string>>;
  list.push({
    name: agency.name,
    displayName: agency.display,
    sector: agency.sector,
    url: `http://localhost:${agency.port}/graphql`,
    urlVariable: `${environment}URL`,
    sdl: `subgraphs/${agency.name}.graphql`,
    package: `@joined-up/${agency.name}`,
  });
  writeFileSync(listPath, `${JSON.stringify(list, null, 2)}\n`);

  const manifestPath = join(root, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { workspaces: string[] };
  // Beside the other agencies, so the list keeps its order: shared packages, agencies, the rest.
  const lastAgency = manifest.workspaces.findLastIndex((folder) => folder.startsWith('subgraphs/'));
  manifest.workspaces.splice(lastAgency + 1, 0, `subgraphs/${agency.name}`);
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);

  const buildPath = join(root, 'tsconfig.build.json');
  const build = JSON.parse(readFileSync(buildPath, 'utf8')) as { references: Array<{ path: string }> };
  // After the other agencies, so it is compiled after the kit it imports.
  const lastBuilt = build.references.findLastIndex((reference) => reference.path.startsWith('./subgraphs/'));
  build.references.splice(lastBuilt + 1, 0, { path: `./subgraphs/${agency.name}/tsconfig.build.json` });
  writeFileSync(
    buildPath,
    `${JSON.stringify(build, null, 2)}
`,
  );

  const composePath = join(root, 'docker-compose.yml');
  let compose = readFileSync(composePath, 'utf8');
  const sectorsLine = /JOINED_UP_SECTORS: ([a-z0-9,-]+)/;
  const sectors = [...new Set([...(sectorsLine.exec(compose)?.[1]?.split(',') ?? []), agency.sector])].join(',');
  compose = compose.replace(new RegExp(sectorsLine.source, 'g'), `JOINED_UP_SECTORS: ${sectors}`);
  const snippet = composeSnippet({ ...placeholders, __SECTORS__: sectors });
  compose = insertBefore(compose, "  # The gateway's per-caller rate limit", snippet);
  compose = editService(compose, 'gateway', (gateway) => {
    const urls = insertAfterLast(
      gateway,
      /^ {6}[A-Z_]+_URL: http:\/\/[a-z-]+:\d+\/graphql\n/m,
      `      ${environment}URL: http://${agency.name}:${agency.port}/graphql\n`,
    );
    // The gateway waits for every agency, the new one too: after the last of its depends_on.
    const dependsOn = urls.indexOf('    depends_on:\n');
    if (dependsOn < 0) throw new Error('The gateway service of docker-compose.yml has no depends_on.');
    const after = dependsOn + '    depends_on:\n'.length;
    const end = after + urls.slice(after).search(/^ {4}[a-z_]+:/m);
    return `${urls.slice(0, end)}      ${agency.name}:\n        condition: service_healthy\n${urls.slice(end)}`;
  });
  compose = insertAfterLast(
    compose,
    /^ {2}[a-z-]+-data:\n {4}internal: true\n/m,
    `  ${agency.name}-data:\n    internal: true\n`,
  );
  compose = insertAfterLast(compose, /^ {2}[a-z-]+-db-data: \{\}\n/m, `  ${agency.name}-db-data: {}\n`);
  writeFileSync(composePath, compose);
  return ['docker-compose.yml', 'package.json', 'schema/subgraphs.json', 'tsconfig.build.json'];
}

/** Applies `edit` to one service's block of docker-compose.yml, from its key to the next service's. */
function editService(text: string, name: string, edit: (block: string) => string): string {
  const start = text.indexOf(`\n  ${name}:\n`) + 1;
  if (start === 0) throw new Error(`docker-compose.yml has no ${name} service.`);
  const bodyStart = start + `  ${name}:\n`.length;
  const next = text.slice(bodyStart).search(/^ {0,2}[a-z#]/m);
  const end = next < 0 ? text.length : bodyStart + next;
  return text.slice(0, start) + edit(text.slice(start, end)) + text.slice(end);
}

function insertBefore(text: string, marker: string, insertion: string): string {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`docker-compose.yml has no "${marker.trim()}" to add the agency before.`);
  return text.slice(0, at) + insertion + text.slice(at);
}

function insertAfterLast(text: string, pattern: RegExp, insertion: string): string {
  const global = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
  const matches = [...text.matchAll(global)];
  const last = matches.at(-1);
  if (!last || last.index === undefined) throw new Error(`docker-compose.yml has no place for ${insertion.trim()}.`);
  const at = last.index + last[0].length;
  return text.slice(0, at) + insertion + text.slice(at);
}
