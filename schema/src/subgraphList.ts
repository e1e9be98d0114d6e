import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One agency subgraph in the federation: who runs it and where it is served in development. */
export interface SubgraphEntry {
  /** Service name, as in the supergraph's join__Graph. */
  name: string;
  /** The data controller's name, shown when its part of an answer is missing. */
  displayName: string;
  /** URL in development; the gateway's environment variable `urlVariable` overrides it. */
  url: string;
  urlVariable: string;
}

/** The file that lists the subgraphs: data, so the gateway reads it without importing agency code. */
export const subgraphListPath = fileURLToPath(new URL('../subgraphs.json', import.meta.url));

export function readSubgraphList(path = subgraphListPath): SubgraphEntry[] {
  return JSON.parse(readFileSync(path, 'utf8')) as SubgraphEntry[];
}

/** Where the committed, composed supergraph lives. */
export const supergraphPath = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));
