import { fileURLToPath } from 'node:url';

/**
 * The directory: the federation's entry points by NHS number (`person`, `people`), which turn the
 * key in the request into a Person reference. It is the gateway's, not an agency's: the gateway
 * serves it in its own process, so reaching a person depends on no agency's database. Another
 * engine running the supergraph (the benchmark's) reaches it at `url`.
 */
export const directorySubgraph = {
  name: 'directory',
  displayName: 'Joined-up gateway directory',
  url: 'http://localhost:4010/graphql',
  sdlPath: fileURLToPath(new URL('../subgraphs/directory.graphql', import.meta.url)),
} as const;
