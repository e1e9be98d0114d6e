import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readRegisteredOperations, registeredOperation, supergraphPath } from '@joined-up/schema';
import { beforePortOffset, prepareBeforeSystem } from './prepareBeforeSystem.ts';
import { measureAppRecord } from './measureAppRecord.ts';
import { measureEventDelivery } from './measureEventDelivery.ts';
import { printReport, targetChecks, type BenchResults, type Entry } from './report.ts';
import { runLoad } from './runLoad.ts';
import { type Agencies, startAgencies } from './startAgencies.ts';
import { startHelperProcess } from './startHelperProcess.ts';
import { type GatewayName, type RunningTarget, startTarget, type TargetName } from './startTarget.ts';
import { targetsOf, type Workload, workloads } from './workloads.ts';

// `npm run bench [-- --quick]`: every workload against every target over real HTTP, interleaved
// in one run (round by round, target by target), on PostgreSQL; results printed as a table and
// written to bench/results/latest.json. Never part of `npm test`.
const usage = `Usage: npm run bench [-- --quick]
       [--workloads person-view,caseload,search,federation-benchmark,app-record,event-delivery]
       [--targets joined-up,joined-up-before,apollo-gateway,hive-gateway,hive-gateway-rust,direct]
       [--layouts one-process,per-core] [--scales 1000,100000,900000] [--rounds N] [--seconds N]
       [--connections N]`;
const options = {
  quick: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
  workloads: { type: 'string' },
  targets: { type: 'string' },
  layouts: { type: 'string' },
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
const allTargets: readonly TargetName[] = [
  'joined-up',
  'joined-up-before',
  'apollo-gateway',
  'hive-gateway',
  'hive-gateway-rust',
  'direct',
];
/** Each gateway in one process, and each with one worker per core: like against like in both. */
const allLayouts = { 'one-process': 1, 'per-core': availableParallelism() } as const;
type Layout = keyof typeof allLayouts;
const listed = (value: string | undefined) => (value ?? '').split(',').filter(Boolean);
const settings = {
  quick,
  rounds: Number(values.rounds ?? (quick ? 1 : 3)),
  warmupSeconds: quick ? 1 : 3,
  seconds: Number(values.seconds ?? (quick ? 4 : 10)),
  connections: Number(values.connections ?? 20),
  targets: values.targets ? listed(values.targets) : [...allTargets],
  layouts: values.layouts ? listed(values.layouts) : Object.keys(allLayouts),
  workersPerCore: allLayouts['per-core'],
  // The NHS number test range (999 ...) holds about 909,000 valid numbers, so "1M" is 900,000.
  scales: (values.scales ?? (quick ? '1000' : '1000,100000,900000')).split(',').map(Number),
};
const chosen = workloads.filter((workload) => !values.workloads || listed(values.workloads).includes(workload.name));
// The web app in the browser is measured after the load runs, on its own (npm run bench:app alone).
const appRecord = !values.workloads || listed(values.workloads).includes('app-record');
// So are events, from an agency's write to subscribed screens (npm run bench:events alone).
const eventDelivery = !values.workloads || listed(values.workloads).includes('event-delivery');
const problems = [
  ...listed(values.workloads)
    .filter((name) => !['app-record', 'event-delivery'].includes(name))
    .filter((name) => !workloads.some((workload) => workload.name === name))
    .map((name) => `unknown workload "${name}"`),
  ...settings.targets
    .filter((name) => !allTargets.includes(name as TargetName))
    .map((name) => `unknown target "${name}"`),
  ...settings.layouts.filter((name) => !(name in allLayouts)).map((name) => `unknown layout "${name}"`),
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
const targetNames = settings.targets as TargetName[];
const results: BenchResults = {
  startedAt: new Date().toISOString(),
  machine: {
    cpus: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    // The machine is shared: the load before the run says how much of it the run had.
    loadAverageAtStart: loadavg().map((load) => Math.round(load * 100) / 100),
  },
  settings,
  workloads: {},
  scales: {},
  checks: {},
};

/** Where a target's requests go: today's agencies, or the before system's own. */
interface System {
  agencies: Agencies;
  /** The supergraph of the agencies as this system composed it. */
  supergraphPath: string;
  /** The workload's query as this system registered it. */
  query(workload: Workload): string;
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
  system: System,
): Promise<Entry> {
  const { agencies } = system;
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${await agencies.token(workload.user)}`,
  };
  const body = JSON.stringify({ query: system.query(workload), variables: workload.variables ?? {} });
  const errorCodes = await check(target.url, headers, body);
  const load = { url: target.url, headers, body, connections: settings.connections };
  await runLoad({ ...load, durationSeconds: settings.warmupSeconds });
  const before = workload.graph === 'agencies' ? await agencies.statements() : 0;
  const result = await runLoad({ ...load, durationSeconds: settings.seconds });
  const sqlPerRequest =
    workload.graph === 'agencies'
      ? Math.round((((await agencies.statements()) - before) / Math.max(1, result.requests)) * 10) / 10
      : null;
  const memory = 'peakMemory' in target ? target.peakMemory() : null;
  const entry: Entry = {
    ...result,
    sqlPerRequest,
    peakMemoryMb: memory?.totalMb ?? null,
    peakProcessMemoryMb: memory?.largestProcessMb ?? null,
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

/**
 * Runs the workloads round by round, every target in turn, each gateway with `workers`
 * processes, and keeps each target's median round by throughput.
 */
async function compare(
  list: readonly Workload[],
  names: readonly TargetName[],
  systemOf: (target: TargetName) => System,
  supergraphOf: (workload: Workload, system: System) => string,
  workers: number,
): Promise<Record<string, Record<string, Entry>>> {
  const rounds: Record<string, Record<string, Entry[]>> = {};
  for (let round = 1; round <= settings.rounds; round += 1) {
    console.log(`Round ${round} of ${settings.rounds} (${workers === 1 ? 'one process' : `${workers} workers`} each)`);
    for (const workload of list) {
      // Each round starts the order at a different target, so no target is always measured last,
      // after the others have grown the agencies' audit and warmed (or tired) the machine.
      const order = targetsOf(
        workload,
        names.filter((target): target is GatewayName => target !== 'direct'),
      ).filter((name) => names.includes(name));
      for (const name of [...order.slice((round - 1) % order.length), ...order.slice(0, (round - 1) % order.length)]) {
        const system = systemOf(name);
        const headers = {
          'content-type': 'application/json',
          authorization: `Bearer ${await system.agencies.token(workload.user)}`,
        };
        const target =
          name === 'direct'
            ? {
                name: 'direct' as const,
                url: system.agencies.ready.subgraphs[workload.directSubgraph!]!,
                stop: async () => undefined,
              }
            : await startTarget(name, {
                supergraphPath: supergraphOf(workload, system),
                identityUrl: system.agencies.ready.identityUrl,
                headers,
                workers,
              });
        try {
          ((rounds[workload.name] ??= {})[name] ??= []).push(await measure(workload, target, system));
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

/**
 * SQL statements per request, counted exactly: ten requests one after another through one
 * gateway process, so nothing is in flight at either end of the count (under load, the
 * counters read around a timed run also catch statements of requests that finish outside it).
 * The person view, and the caseload at 5 and at 50 people, through our gateway, or through the
 * before system's (the keys then end in `-before`).
 */
async function statementsPerRequest(
  system: System,
  target: GatewayName = 'joined-up',
): Promise<Record<string, number>> {
  const { agencies } = system;
  const suffix = target === 'joined-up-before' ? '-before' : '';
  const runs = [
    { name: 'person-view', workload: workloads.find((workload) => workload.name === 'person-view')!, variables: {} },
    ...[5, 50].map((first) => ({
      name: `caseload-${first}`,
      workload: workloads.find((workload) => workload.name === 'caseload')!,
      variables: { first },
    })),
  ];
  const perRequest: Record<string, number> = {};
  for (const { name, workload, variables } of runs) {
    const headers = {
      'content-type': 'application/json',
      authorization: `Bearer ${await agencies.token(workload.user)}`,
    };
    const gateway = await startTarget(target, {
      supergraphPath: system.supergraphPath,
      identityUrl: agencies.ready.identityUrl,
      headers,
      workers: 1,
    });
    try {
      const body = JSON.stringify({
        query: system.query(workload),
        variables: { ...workload.variables, ...variables },
      });
      await check(gateway.url, headers, body);
      const before = await agencies.statements();
      for (let i = 0; i < 10; i += 1) await check(gateway.url, headers, body);
      perRequest[`${name}${suffix}`] = ((await agencies.statements()) - before) / 10;
    } finally {
      await gateway.stop();
    }
  }
  return perRequest;
}

const current = (agencies: Agencies): System => ({
  agencies,
  supergraphPath,
  query: (workload) => workload.query,
});

// Interrupted, the run exits through process.exit, so every helper and target it started is stopped.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
console.log('Compiling the packages (npm run build) ...');
execFileSync('npm', ['run', 'build'], { cwd: fileURLToPath(new URL('../../', import.meta.url)), stdio: 'inherit' });
const started = Date.now();
const [firstScale, ...laterScales] = settings.scales;
const agencyWorkloads = chosen.filter((workload) => workload.graph === 'agencies');
const agencies = await startAgencies(firstScale!);
const beforeTree = targetNames.includes('joined-up-before') ? prepareBeforeSystem() : undefined;
const beforeAgencies = beforeTree
  ? await startAgencies(firstScale!, { root: beforeTree.root, portOffset: beforePortOffset })
  : undefined;
try {
  const beforeOperations = beforeTree ? readRegisteredOperations(beforeTree.operationsFolder) : [];
  const systems = {
    current: current(agencies),
    before:
      beforeTree && beforeAgencies
        ? {
            agencies: beforeAgencies,
            supergraphPath: beforeTree.supergraphPath,
            query: (workload: Workload) =>
              workload.operation ? registeredOperation(workload.operation, beforeOperations).body : workload.query,
          }
        : undefined,
  };
  const systemOf = (target: TargetName): System =>
    target === 'joined-up-before' && systems.before ? systems.before : systems.current;
  const benchmark = chosen.some((workload) => workload.graph === 'federation-benchmark')
    ? await startHelperProcess<{ supergraphPath: string }>('./federationBenchmarkProcess.ts')
    : undefined;
  try {
    for (const layout of settings.layouts as Layout[]) {
      const measured = await compare(
        chosen,
        targetNames,
        systemOf,
        (workload, system) =>
          workload.graph === 'federation-benchmark' ? benchmark!.ready.supergraphPath : system.supergraphPath,
        allLayouts[layout],
      );
      if (layout === 'one-process') results.workloads = measured;
      else results.workloadsPerCore = measured;
    }
  } finally {
    await benchmark?.stop();
  }
  if (targetNames.includes('joined-up') && chosen.some((workload) => workload.name === 'caseload'))
    results.checks[`sqlPerRequest@${firstScale}`] = {
      ...(await statementsPerRequest(systems.current)),
      ...(systems.before ? await statementsPerRequest(systems.before, 'joined-up-before') : {}),
    };
  for (const workload of agencyWorkloads.filter((candidate) => candidate.scaled)) {
    const ours = results.workloads[workload.name]?.['joined-up'];
    if (ours) (results.scales[workload.name] ??= {})[String(firstScale)] = ours;
  }
} finally {
  await agencies.stop();
  await beforeAgencies?.stop();
}
for (const people of laterScales) {
  const scaled = await startAgencies(people);
  try {
    const measured = await compare(
      agencyWorkloads.filter((workload) => workload.scaled),
      ['joined-up'],
      () => current(scaled),
      (_workload, system) => system.supergraphPath,
      1,
    );
    for (const [workload, byTarget] of Object.entries(measured))
      (results.scales[workload] ??= {})[String(people)] = byTarget['joined-up']!;
    results.checks[`sqlPerRequest@${people}`] = await statementsPerRequest(current(scaled));
  } finally {
    await scaled.stop();
  }
}
if (appRecord) results.app = await measureAppRecord({ openings: quick ? 5 : 20 });
if (eventDelivery) {
  results.events = [];
  for (const engine of ['in-process', 'nats'] as const)
    for (const signIns of ['own', 'shared'] as const)
      results.events.push(
        ...(await measureEventDelivery({
          engine,
          signIns,
          clients: quick ? [1, 100] : [1, 100, 1000],
          events: quick ? 3 : 5,
          natsUrl: process.env['NATS_URL'],
        })),
      );
}
results.durationSeconds = Math.round((Date.now() - started) / 1000);
results.machine.loadAverageAtEnd = loadavg().map((load) => Math.round(load * 100) / 100);
results.targets = targetChecks(results);
const resultsFolder = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(resultsFolder, { recursive: true });
writeFileSync(`${resultsFolder}latest.json`, `${JSON.stringify(results, null, 2)}\n`);
printReport(results);
console.log(`\nWrote bench/results/latest.json (${results.durationSeconds} s).`);
