import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { profileCategories } from './categoriseFrame.ts';
import { runLoad } from './runLoad.ts';
import { startAgencies } from './startAgencies.ts';
import { startHelperProcess } from './startHelperProcess.ts';
import { type GatewayName, startTarget } from './startTarget.ts';
import { type CpuProfile, type ProfileSummary, summariseCpuProfile } from './summariseCpuProfile.ts';
import { workloads } from './workloads.ts';

// `npm run bench:profile [-- --targets joined-up,hive-gateway-rust] [--seconds N] [--connections N]
// [--no-build] [--keep]`: where each gateway's CPU goes per request on the federation benchmark. Each target
// runs in one process as `npm run bench` runs it, under `node --cpu-prof`, loaded with the k6 query
// at fixed concurrency; only the samples taken while the measured load ran are summed, by category
// (categoriseFrame.ts), and printed as milliseconds of CPU per request.
const { values } = parseArgs({
  options: {
    targets: { type: 'string', default: 'joined-up,hive-gateway-rust' },
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '20' },
    'no-build': { type: 'boolean', default: false },
    // Keeps each target's .cpuprofile files (for Chrome's DevTools or speedscope) and prints where.
    keep: { type: 'boolean', default: false },
  },
});
const targets = values.targets.split(',').filter(Boolean) as GatewayName[];
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const workload = workloads.find((candidate) => candidate.name === 'federation-benchmark')!;
const root = fileURLToPath(new URL('../../', import.meta.url));
const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;
const load = () => loadavg().map((value) => round(value));

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
if (!values['no-build']) {
  console.log('Compiling the packages (npm run build) ...');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
console.log(`Load average at the start: ${load().join(', ')}`);
// The agencies are not called: they run for the identity provider, whose tokens our gateway verifies.
const agencies = await startAgencies(1000);
const benchmark = await startHelperProcess<{ supergraphPath: string }>('./federationBenchmarkProcess.ts');
try {
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${await agencies.token(workload.user)}`,
  };
  const body = JSON.stringify({ query: workload.query, variables: {} });
  for (const name of targets) {
    const folder = mkdtempSync(join(tmpdir(), `joined-up-profile-${name}-`));
    const target = await startTarget(name, {
      supergraphPath: benchmark.ready.supergraphPath,
      identityUrl: agencies.ready.identityUrl,
      headers,
      workers: 1,
      nodeOptions: ['--cpu-prof', `--cpu-prof-dir=${folder}`],
    });
    let window: { fromUs: number; toUs: number };
    let result: Awaited<ReturnType<typeof runLoad>>;
    try {
      const answer = (await (await fetch(target.url, { method: 'POST', headers, body })).json()) as { data?: unknown };
      if (!answer.data) throw new Error(`${name} answered ${JSON.stringify(answer).slice(0, 300)}`);
      await runLoad({ url: target.url, headers, body, connections, durationSeconds: 5 });
      // V8 stamps samples with the monotonic clock, as process.hrtime does (microseconds).
      const fromUs = Number(process.hrtime.bigint() / 1000n);
      result = await runLoad({ url: target.url, headers, body, connections, durationSeconds: seconds });
      window = { fromUs, toUs: Number(process.hrtime.bigint() / 1000n) };
    } finally {
      // The profile is written as the target exits.
      await target.stop();
    }
    const summary = readdirSync(folder)
      .filter((file) => file.endsWith('.cpuprofile'))
      .map((file) => JSON.parse(readFileSync(join(folder, file), 'utf8')) as CpuProfile)
      .reduce<ProfileSummary | undefined>((sum, profile) => summariseCpuProfile(profile, window, sum), undefined);
    if (values.keep) console.log(`\nProfiles of ${name} kept in ${folder}`);
    else rmSync(folder, { recursive: true, force: true });
    if (!summary || summary.sampledUs === 0) throw new Error(`${name}: no samples fell in the measured window`);
    printSummary(name, summary, result);
  }
} finally {
  await benchmark.stop();
  await agencies.stop();
}
console.log(`\nLoad average at the end: ${load().join(', ')}`);

function printSummary(name: string, summary: ProfileSummary, result: Awaited<ReturnType<typeof runLoad>>): void {
  const requests = Math.max(1, result.requests);
  const idle = summary.self.get('idle') ?? 0;
  const busy = summary.sampledUs - idle;
  console.log(
    `\n### ${name}: ${result.rps} req/s at ${connections} connections, p50 ${result.p50Ms} ms, ` +
      `p95 ${result.p95Ms} ms, ${result.errors} errors; ${round(busy / 1000 / requests, 3)} ms of CPU per request ` +
      `(${round((100 * busy) / summary.sampledUs, 1)}% of the window busy)\n`,
  );
  console.log('| Category | self ms/req | self share of CPU | total ms/req |\n| --- | --- | --- | --- |');
  for (const category of [...profileCategories, 'other'] as const) {
    const self = summary.self.get(category) ?? 0;
    const total = category === 'other' ? self : (summary.total.get(category) ?? 0);
    if (self === 0 && total === 0) continue;
    const share = category === 'idle' ? '-' : `${round((100 * self) / busy, 1)}%`;
    console.log(
      `| ${category} | ${round(self / 1000 / requests, 3)} | ${share} | ${round(total / 1000 / requests, 3)} |`,
    );
  }
  console.log('\nTop functions by self time (ms per request):');
  const top = [...summary.functions].filter(([key]) => !key.startsWith('(idle)'));
  for (const [key, us] of top.sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(
      `  ${round(us / 1000 / requests, 3)
        .toFixed(3)
        .padStart(7)}  ${key}`,
    );
}
