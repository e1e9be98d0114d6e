import { readFileSync } from 'node:fs';
import { directorySubgraph, readSubgraphList, supergraphPath } from '@joined-up/schema';
import { hiveGatewayConfig, withSubgraphUrls } from './hiveGatewayConfig.ts';

// For the Hive Gateway CLI (`hive-gateway supergraph`, which reads gatewayConfig from this file):
// the committed supergraph, each agency at <AGENCY>_URL when set, as our gateway reads them.
// The directory (person, people), which our gateway runs in its own process, at DIRECTORY_URL
// (served over HTTP by serveDirectory from @joined-up/gateway).
const urls = {
  ...Object.fromEntries(readSubgraphList().map((entry) => [entry.name, process.env[entry.urlVariable]])),
  [directorySubgraph.name]: process.env['DIRECTORY_URL'],
};

export const gatewayConfig = hiveGatewayConfig({
  supergraph: withSubgraphUrls(readFileSync(process.env['GATEWAY_SUPERGRAPH_PATH'] || supergraphPath, 'utf8'), urls),
  production: process.env['NODE_ENV'] === 'production',
});
