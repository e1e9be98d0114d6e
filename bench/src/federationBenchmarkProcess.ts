import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFederationBenchmarkSubgraphs } from './federationBenchmark/index.ts';

// A child process of the benchmark: The Guild's four benchmark subgraphs, ported to Node, and
// their composed supergraph written to a file the gateways under test read.
// Free ports, which the supergraph records: fixed ones clash with any other federation on the machine.
const subgraphs = await startFederationBenchmarkSubgraphs();
const supergraphPath = join(tmpdir(), `joined-up-bench-federation-${process.pid}.graphql`);
writeFileSync(supergraphPath, subgraphs.supergraphSdl);
process.on('message', (message: { type: string }) => {
  if (message.type === 'stop') void subgraphs.stop().then(() => process.exit(0));
});
process.send?.({ type: 'ready', supergraphPath });
