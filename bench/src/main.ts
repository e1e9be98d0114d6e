import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { supergraphPath } from '@joined-up/schema';
import { printReport, targetChecks, type BenchResults, type Entry } from './report.ts';
import { runLoad } from './runLoad.ts';
import { startHelperProcess } from './startHelperProcess.ts';
import { type RunningTarget, startTarget, type TargetName } from './startTarget.ts';
import { targetsOf, type Workload, workloads } from './workloads.ts';

// `npm run bench [-- --quick]`: every workload against every target over real HTTP, interleaved
// in one run (round by round, target by target), on PostgreSQL; results printed as a table and
// written to bench/results/latest.json. Never part of `npm test`.
const usage = `Usage: npm run bench [-- --quick] [--workloads person-view,caseload,search,federation-benchmark]
       [--scales 1000,100000,900000] [--rounds N] [--seconds N] [--connections N]`;
const options = {
  quick: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
  workloads: { type: 'string' },
  scales: { type: 'string' },
  rounds: { type: 'string' },
  seconds: { type: 'string' },
  connections: { type: 'string' },
} as const;
let values: ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];
try {
  ({ values } = parseArgs({ options }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const quick = values.quick === true;
const settings = {
  quick,
  rounds: Number(values.rounds ?? (quick ? 1 : 3)),
  warmupSeconds: quick ? 1 : 3,
  seconds: Number(values.seconds ?? (quick ? 4 : 10)),
  connections: Number(values.connections ?? 20),
  // The NHS number test range (999 ...) holds about 909,000 valid numbers, so "1M" is 900,000.
  scales: (values.scales ?? (quick ? '1000' : '1000,100000,900000')).split(',').map(Number),
};
const chosen = workloads.filter((workload) => !values.workloads || values.workloads.split(',').includes(workload.name));
const problems = [
  ...(values.workloads ?? '')
    .split(',')
    .filter((name) => name && !workloads.some((workload) => workload.name === name))
    .map((name) => `unknown workload "${name}"`),
  ...settings.scales
    .filter((people) => !Number.isInteger(people) || people < 2 || people > 900_000)
    .map((people) => `scale ${people} is not 2 to 900000 people (the NHS test range holds about 909,000)`),
  ...(['rounds', 'seconds', 'connections'] as const)
    .filter((name) => !Number.isInteger(settings[name]) || settings[name] < 1)
    .map((name) => `--${name} must be a whole number from 1`),
];
if (problems.length > 0 || chosen.length === 0) {
  console.error(`${problems.join('\n') || 'no workload chosen'}\n${usage}`);
  process.exit(2);
}
const gateways: Array<Exclude<TargetName, 'direct'>> = [
  'joined-up',
  'joined-up-before',
  'apollo-gateway',
  'hive-gateway',
];
const results: BenchResults = {
  startedAt: new Date().toISOString(),
  machine: {
    cpus: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  settings,
  workloads: {},
  scales: {},
  checks: {},
};

type Agencies = Awaited<ReturnType<typeof startAgencies>>;
async function startAgencies(people: number) {
  console.log(
    `\nStarting the agencies on PostgreSQL with ${people.toLocaleString('en-GB')} people (seeded on first use) ...`,
  );
  const helper = await startHelperProcess<{ identityUrl: string; subgraphs: Record<string, string> }>(
    './agenciesProcess.ts',
    [String(people)],
  );
  const tokens = new Map<string, string>();
  return {
    ...helper,
    async token(user: string): Promise<string> {
      if (!tokens.has(user)) {
        const response = await fetch(`${helper.ready.identityUrl}/token?user=${user}`);
        tokens.set(user, ((await response.json()) as { access_token: string }).access_token);
      }
      return tokens.get(user)!;
    },
    async statements(): Promise<number> {
      const { counts } = await helper.ask<{ counts: Record<string, number> }>('counts');
      return Object.values(counts).reduce((sum, count) => sum + count, 0);
    },
  };
}

/** One request, to check the target answers the workload as the others do before loading it. */
async function check(url: string, headers: Record<string, string>, body: string): Promise<string[]> {
  const response = await fetch(url, { method: 'POST', headers, body });
  const answer = (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
  if (!response.ok || !answer.data)
    throw new Error(`${url} answered ${response.status}: ${JSON.stringify(answer).slice(0, 500)}`);
  return [...new Set((answer.errors ?? []).map((error) => error.extensions?.code ?? 'UNKNOWN'))].sort();
}

async function measure(
  workload: Workload,
  target: RunningTarget | { name: 'direct'; url: string },
  agencies: Agencies,
): Promise<Entry> {
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${await agencies.token(workload.user)}`,
  };
  const body = JSON.stringify({ query: workload.query, variables: workload.variables ?? {} });
  const errorCodes = await check(target.url, headers, body);
  const load = { url: target.url, headers, body, connections: settings.connections };
  await runLoad({ ...load, durationSeconds: settings.warmupSeconds });
  const before = workload.graph === 'agencies' ? await agencies.statements() : 0;
  const result = await runLoad({ ...load, durationSeconds: settings.seconds });
  const sqlPerRequest =
    workload.graph === 'agencies'
      ? Math.round((((await agencies.statements()) - before) / Math.max(1, result.requests)) * 10) / 10
      : null;
  const entry: Entry = {
    ...result,
    sqlPerRequest,
    peakMemoryMb: 'peakMemoryMb' in target ? target.peakMemoryMb() : null,
    errorCodesInAnswer: errorCodes,
  };
  console.log(
    `  ${workload.name.padEnd(20)} ${target.name.padEnd(17)} ` +
      `${String(entry.rps).padStart(8)} req/s  p50 ${entry.p50Ms} ` +
      `ms  p95 ${entry.p95Ms} ms  p99 ${entry.p99Ms} ms  errors ` +
      `${entry.errors}  sql/req ${entry.sqlPerRequest ?? '-'}  peak ` +
      `${entry.peakMemoryMb ?? '-'} MiB`,
  );
  return entry;
}

/** Runs the workloads round by round, every target in turn, and keeps each target's median round by throughput. */
async function compare(
  list: readonly Workload[],
  targetNames: readonly TargetName[],
  agencies: Agencies,
  supergraph: string,
): Promise<Record<string, Record<string, Entry>>> {
  const rounds: Record<string, Record<string, Entry[]>> = {};
  for (let round = 1; round <= settings.rounds; round += 1) {
    console.log(`Round ${round} of ${settings.rounds}`);
    for (const workload of list) {
      // Each round starts the order at a different target, so no target is always measured last,
      // after the others have grown the agencies' audit and warmed (or tired) the machine.
      const order = targetsOf(
        workload,
        targetNames.filter((target): target is Exclude<TargetName, 'direct'> => target !== 'direct'),
      ).filter((name) => targetNames.includes(name));
      for (const name of [...order.slice((round - 1) % order.length), ...order.slice(0, (round - 1) % order.length)]) {
        const headers = {
          'content-type': 'application/json',
          authorization: `Bearer ${await agencies.token(workload.user)}`,
        };
        const target =
          name === 'direct'
            ? {
                name: 'direct' as const,
                url: agencies.ready.subgraphs[workload.directSubgraph!]!,
                stop: async () => undefined,
              }
            : await startTarget(name, { supergraphPath: supergraph, identityUrl: agencies.ready.identityUrl, headers });
        try {
          ((rounds[workload.name] ??= {})[name] ??= []).push(await measure(workload, target, agencies));
        } finally {
          await target.stop();
        }
      }
    }
  }
  return Object.fromEntries(
    Object.entries(rounds).map(([workload, byTarget]) => [
      workload,
      Object.fromEntries(
        Object.entries(byTarget).map(([target, entries]) => [
          target,
          [...entries].sort((a, b) => a.rps - b.rps)[Math.floor(entries.length / 2)]!,
        ]),
      ),
    ]),
  );
}

/** SQL statements per request for a caseload of 5 and of 50, through our gateway. */
async function caseloadStatements(agencies: Agencies): Promise<Record<string, number>> {
  const caseload = workloads.find((workload) => workload.name === 'caseload')!;
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${await agencies.token(caseload.user)}`,
  };
  const target = await startTarget('joined-up', { supergraphPath, identityUrl: agencies.ready.identityUrl, headers });
  try {
    const perRequest: Record<string, number> = {};
    for (const first of [5, 50]) {
      const body = JSON.stringify({ query: caseload.query, variables: { first } });
      await check(target.url, headers, body);
      const before = await agencies.statements();
      for (let i = 0; i < 10; i += 1) await check(target.url, headers, body);
      perRequest[`caseload-${first}`] = ((await agencies.statements()) - before) / 10;
    }
    return perRequest;
  } finally {
    await target.stop();
  }
}

const started = Date.now();
const [firstScale, ...laterScales] = settings.scales;
const agencyWorkloads = chosen.filter((workload) => workload.graph === 'agencies');
const agencies = await startAgencies(firstScale!);
try {
  results.workloads = await compare(agencyWorkloads, [...gateways, 'direct'], agencies, supergraphPath);
  results.checks[`sqlPerRequest@${firstScale}`] = await caseloadStatements(agencies);
  if (chosen.some((workload) => workload.graph === 'federation-benchmark')) {
    console.log('\nStarting the federation benchmark subgraphs ...');
    const benchmark = await startHelperProcess<{ supergraphPath: string }>('./federationBenchmarkProcess.ts');
    try {
      Object.assign(
        results.workloads,
        await compare(
          chosen.filter((workload) => workload.graph === 'federation-benchmark'),
          gateways,
          agencies,
          benchmark.ready.supergraphPath,
        ),
      );
    } finally {
      await benchmark.stop();
    }
  }
  for (const workload of agencyWorkloads.filter((candidate) => candidate.scaled)) {
    const ours = results.workloads[workload.name]?.['joined-up'];
    if (ours) (results.scales[workload.name] ??= {})[String(firstScale)] = ours;
  }
} finally {
  await agencies.stop();
}
for (const people of laterScales) {
  const scaled = await startAgencies(people);
  try {
    const measured = await compare(
      agencyWorkloads.filter((workload) => workload.scaled),
      ['joined-up'],
      scaled,
      supergraphPath,
    );
    for (const [workload, byTarget] of Object.entries(measured))
      (results.scales[workload] ??= {})[String(people)] = byTarget['joined-up']!;
    results.checks[`sqlPerRequest@${people}`] = await caseloadStatements(scaled);
  } finally {
    await scaled.stop();
  }
}
results.durationSeconds = Math.round((Date.now() - started) / 1000);
results.targets = targetChecks(results);
const resultsFolder = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(resultsFolder, { recursive: true });
writeFileSync(`${resultsFolder}latest.json`, `${JSON.stringify(results, null, 2)}\n`);
printReport(results);
console.log(`\nWrote bench/results/latest.json (${results.durationSeconds} s).`);
