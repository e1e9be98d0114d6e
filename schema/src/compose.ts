// Agency code: composition and the list of agency modules (development tooling and tests).
export { agencyModules, type AgencyModule, type AnySubgraphModule } from './agencyModules.ts';
export { composeSupergraph, type CompositionOutcome } from './composeSupergraph.ts';
