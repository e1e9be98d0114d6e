import autocannon from 'autocannon';
import type { LoadOptions, LoadResult } from './runLoad.ts';

// A child process of the benchmark: it generates the load, apart from the process under test,
// and prints one JSON line with the result. autocannon reports p90 and p97.5 but no p95, and
// whole milliseconds, so every response time is kept and the percentiles are taken here.
const options = JSON.parse(process.argv[2] ?? '{}') as LoadOptions;
const samples: number[] = [];
let failures = 0;
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    {
      url: options.url,
      method: 'POST',
      headers: options.headers,
      body: options.body,
      connections: options.connections,
      duration: options.durationSeconds,
    },
    (error, finished) => (error ? reject(error) : resolve(finished)),
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
    else failures += 1;
  });
});
samples.sort((a, b) => a - b);
const percentile = (p: number) =>
  samples.length === 0 ? null : samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)]!;
const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
const answer: LoadResult = {
  requests: result.requests.total,
  rps: Math.round((samples.length / result.duration) * 10) / 10,
  p50Ms: round(percentile(50)),
  p95Ms: round(percentile(95)),
  p99Ms: round(percentile(99)),
  errors: result.errors + result.timeouts + failures,
};
process.stdout.write(`${JSON.stringify(answer)}\n`);
