import { composeServices } from '@apollo/composition';
import { subgraphTypeDefs } from '@joined-up/kit';
import { agencyModules } from './agencyModules.ts';
import { readSubgraphList } from './subgraphList.ts';

export type CompositionOutcome = { supergraphSdl: string; errors: [] } | { supergraphSdl: undefined; errors: string[] };

/** Composes the listed subgraphs with Apollo's composition library (Federation 2). */
export function composeSupergraph(): CompositionOutcome {
  const urls = new Map(readSubgraphList().map((entry) => [entry.name, entry.url]));
  const services = agencyModules().map(({ module }) => ({
    name: module.agency.name,
    url: urls.get(module.agency.name),
    typeDefs: subgraphTypeDefs(module.typeDefs),
  }));
  const result = composeServices(services);
  if (result.errors) return { supergraphSdl: undefined, errors: result.errors.map((error) => error.message) };
  return { supergraphSdl: `${result.supergraphSdl.trimEnd()}\n`, errors: [] };
}
