import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * One agency subgraph in the federation, as the partnership lists it: who runs it, its sector,
 * where it is served in development, and where its published SDL (its contract) is kept.
 */
export interface SubgraphEntry {
  /** Service name, as in the supergraph's join__Graph: lower case words joined by dashes. */
  name: string;
  /** The data controller's name, shown when its part of an answer is missing. */
  displayName: string;
  /** The agency's sector (health, social-care, ...): what a person's sharing decisions name. */
  sector: string;
  /** URL in development; the gateway's environment variable `urlVariable` overrides it. */
  url: string;
  urlVariable: string;
  /** The agency's published SDL, relative to schema/: composition reads this, never the agency's code. */
  sdl: string;
  /**
   * The workspace package that runs the agency in this repository, if one does; `npm start` and
   * the tests start those. An agency that runs elsewhere is listed without one.
   */
  package?: string;
}

/** The file that lists the subgraphs: data, so the gateway reads it without importing agency code. */
export const subgraphListPath = fileURLToPath(new URL('../subgraphs.json', import.meta.url));

/** Where the committed, composed supergraph lives. */
export const supergraphPath = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

const namePattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Reads and checks the subgraph list, naming every problem at once. */
export function readSubgraphList(path = subgraphListPath): SubgraphEntry[] {
  const entries = JSON.parse(readFileSync(path, 'utf8')) as SubgraphEntry[];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const where = `${path} entry ${index + 1}${typeof entry.name === 'string' ? ` (${entry.name})` : ''}`;
    if (typeof entry.name !== 'string' || !namePattern.test(entry.name))
      problems.push(`${where}: "name" must be lower-case words joined by dashes`);
    else if (seen.has(entry.name)) problems.push(`${where}: "name" is listed twice`);
    seen.add(entry.name);
    for (const field of ['displayName', 'url', 'urlVariable', 'sdl'] as const) {
      if (typeof entry[field] !== 'string' || entry[field] === '') problems.push(`${where}: "${field}" is required`);
    }
    if (typeof entry.sector !== 'string' || !namePattern.test(entry.sector))
      problems.push(`${where}: "sector" must be a slug such as social-care`);
  }
  if (problems.length > 0) throw new Error(`The subgraph list is invalid:\n  - ${problems.join('\n  - ')}`);
  return entries;
}

/** The absolute path of an entry's published SDL file. */
export function publishedSdlPath(entry: SubgraphEntry, listPath = subgraphListPath): string {
  return resolve(dirname(listPath), entry.sdl);
}

/** Every sector the partnership's agencies are in: what a person's sharing decisions may name. */
export function partnershipSectors(entries: readonly SubgraphEntry[]): string[] {
  return [...new Set(entries.map((entry) => entry.sector))];
}
