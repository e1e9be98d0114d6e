import { composeServices } from '@apollo/composition';
import { healthSubgraph } from '@joined-up/health';
import { type SubgraphModule, subgraphTypeDefs } from '@joined-up/kit';
import { socialCareSubgraph } from '@joined-up/social-care';
import { voluntarySectorSubgraph } from '@joined-up/voluntary-sector';
import { readSubgraphList } from './subgraphList.ts';

// The agencies' own SDL, by service name. A new agency adds its module here and its entry to
// subgraphs.json; composition then tells it whether it fits the graph.
const modules: Record<string, SubgraphModule<never, never>> = {
  health: healthSubgraph as unknown as SubgraphModule<never, never>,
  'social-care': socialCareSubgraph as unknown as SubgraphModule<never, never>,
  'voluntary-sector': voluntarySectorSubgraph as unknown as SubgraphModule<never, never>,
};

export type CompositionOutcome = { supergraphSdl: string; errors: [] } | { supergraphSdl: undefined; errors: string[] };

/** Composes the listed subgraphs with Apollo's composition library (Federation 2). */
export function composeSupergraph(): CompositionOutcome {
  const services = readSubgraphList().map((entry) => {
    const module = modules[entry.name];
    if (!module) throw new Error(`subgraphs.json lists "${entry.name}" but schema/src/composeSupergraph.ts has no module for it.`);
    return { name: entry.name, url: entry.url, typeDefs: subgraphTypeDefs(module.typeDefs) };
  });
  const result = composeServices(services);
  if (result.errors) return { supergraphSdl: undefined, errors: result.errors.map((error) => error.message) };
  return { supergraphSdl: `${result.supergraphSdl.trimEnd()}\n`, errors: [] };
}
