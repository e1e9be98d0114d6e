// The Joined-up gateway: build it with createGateway, or build and listen with startGateway.
export { createGateway, type Gateway, type GatewayOptions, type GatewaySubgraph } from './createGateway.ts';
export { loadGatewayConfig, type GatewayConfig } from './loadGatewayConfig.ts';
export { defaultRequestLimits, readCostDirectives, requestLimitRules, type RequestLimits } from '@joined-up/core';
export { defaultRateLimit, type RateLimit } from '@joined-up/core';
export { defaultTrafficShaping, type CircuitStateName, type TrafficShaping } from './AgencyTraffic.ts';
export { startGateway } from './startGateway.ts';
export { createExplorer, type Explorer, type ExplorerOptions } from './explorer/createExplorer.ts';
export type { ServedSupergraph, SupergraphSource } from './SupergraphSource.ts';
export { supergraphId } from './supergraphId.ts';
export { createDirectorySchema } from './createDirectorySchema.ts';
export { serveDirectory } from './serveDirectory.ts';
