// The list of subgraphs and the committed supergraph: what the gateway needs, and no agency code.
// Composition itself is in '@joined-up/schema/compose', which loads every agency's SDL.
export { readSubgraphList, subgraphListPath, supergraphPath, type SubgraphEntry } from './subgraphList.ts';
