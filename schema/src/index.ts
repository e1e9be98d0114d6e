// The federation's contract as data: the list of subgraphs, each agency's published SDL and the
// committed supergraph. What the gateway needs, and no agency code.
export {
  partnershipSectors,
  publishedSdlPath,
  readSubgraphList,
  subgraphListPath,
  supergraphPath,
  type SubgraphEntry,
} from './subgraphList.ts';
export { directorySubgraph } from './directorySubgraph.ts';
export {
  operationId,
  operationsFolder,
  readRegisteredOperations,
  registeredOperation,
  type RegisteredOperation,
} from './registeredOperations.ts';
