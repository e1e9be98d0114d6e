import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { registeredOperation } from '@joined-up/schema';
import { type LoadResult, runLoad } from './runLoad.ts';

// `npm run bench:tracing`: what tracing costs. The same federation (PGlite, 300 people), once with
// tracing off and once exporting every span of every request to an OTLP/HTTP collector (a local
// sink that accepts and counts), each loaded with Sam's whole record (PersonView, as his GP).
const seconds = Number(process.env['TRACING_BENCH_SECONDS'] ?? 20);
const target = fileURLToPath(new URL('./tracingCostTarget.ts', import.meta.url));
let exports = 0;
let exportedBytes = 0;
const sink = createServer((request, response) => {
  request.on('data', (chunk: Buffer) => (exportedBytes += chunk.length));
  request.on('end', () => {
    exports += 1;
    response.setHeader('content-type', 'application/json');
    response.end('{}');
  });
});
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
const sinkUrl = `http://127.0.0.1:${(sink.address() as { port: number }).port}`;

async function measure(tracing: boolean): Promise<LoadResult> {
  const child = spawn(
    process.execPath,
    ['--conditions=@joined-up/source', '--import', 'tsx', target, ...(tracing ? [sinkUrl] : [])],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const started = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve(JSON.parse(line) as { url: string; token: string });
    });
    child.once('exit', (code) => reject(new Error(`the target exited with ${code}`)));
  });
  const load = {
    url: started.url,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${started.token}` },
    body: JSON.stringify({ query: registeredOperation('PersonView').body, variables: { nhsNumber: '9990000018' } }),
    connections: 8,
  };
  await runLoad({ ...load, durationSeconds: 5 });
  const result = await runLoad({ ...load, durationSeconds: seconds });
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return result;
}

const off = await measure(false);
const on = await measure(true);
sink.close();
const row = (name: string, result: LoadResult) =>
  `| ${name} | ${result.rps.toFixed(0)} | ${result.p50Ms} | ${result.p99Ms} | ${result.errors} |`;
console.log(`PersonView as gp, 8 connections, ${seconds} s each, on ${new Date().toISOString()}`);
console.log('| tracing | requests/s | p50 ms | p99 ms | errors |\n| --- | --- | --- | --- | --- |');
console.log(row('off', off));
console.log(row('on, exported', on));
console.log(
  `Tracing on costs ${(100 * (1 - on.rps / off.rps)).toFixed(1)}% of throughput; ` +
    `${exports} OTLP exports, ${(exportedBytes / 1e6).toFixed(1)} MB.`,
);
