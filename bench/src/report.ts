import type { AppRecordResult } from './measureAppRecord.ts';
import type { EventDeliveryEntry } from './measureEventDelivery.ts';
import type { LoadResult } from './runLoad.ts';

/** One target's result on one workload: the load run, SQL per request and peak memory. */
export interface Entry extends LoadResult {
  /** SQL statements the agencies ran per request, from their statement counters; null where no agency is involved. */
  sqlPerRequest: number | null;
  /** Peak resident memory of the target's processes (all workers together), MiB; null for the direct call. */
  peakMemoryMb: number | null;
  /** Peak resident memory of the target's largest single process, MiB; null for the direct call. */
  peakProcessMemoryMb?: number | null;
  /** Error codes in the answer checked before the load (FORBIDDEN is an agency's decision, not a failure). */
  errorCodesInAnswer: string[];
}

/** Per workload, per target. */
export type Table = Record<string, Record<string, Entry>>;

export interface BenchResults {
  startedAt: string;
  durationSeconds?: number;
  machine: {
    cpus: string;
    cores: number;
    memoryGiB: number;
    node: string;
    /** 1, 5 and 15 minute load averages when the run started and ended. */
    loadAverageAtStart?: number[];
    loadAverageAtEnd?: number[];
  };
  settings: Record<string, unknown>;
  /** Each gateway in one process: the table the targets are judged on. */
  workloads: Table;
  /** Each gateway with one worker per core. */
  workloadsPerCore?: Table;
  /** Per scaled workload, per number of people: our gateway's entry. */
  scales: Record<string, Record<string, Entry>>;
  checks: Record<string, Record<string, number>>;
  targets?: TargetCheck[];
  /** Sam's record opened in the real browser (the web app over the whole federation). */
  app?: AppRecordResult;
  /** An agency's write to subscribed screens, in-process and on NATS JetStream. */
  events?: EventDeliveryEntry[];
}

/** One of the targets, as measured. */
export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | null;
}

const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a && b ? Math.round((a / b) * 100) / 100 : null;

/** The speed targets against what this run measured, on the one-process table. */
export function targetChecks(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const workload of ['person-view', 'caseload']) {
    const ours = results.workloads[workload]?.['joined-up'];
    const before = results.workloads[workload]?.['joined-up-before'];
    if (!ours || !before) continue;
    const times = ratio(ours.rps, before.rps);
    checks.push({
      target: `${workload}: ≥ 2 × the throughput before, at equal or better p95`,
      measured: `${times} × throughput (${ours.rps} vs ${before.rps} req/s); p95 ${ours.p95Ms} vs ${before.p95Ms} ms`,
      met: times !== null && times >= 2 && (ours.p95Ms ?? Infinity) <= (before.p95Ms ?? 0),
    });
  }
  // The exact count (requests one at a time) where the run made one, else the count around the timed run.
  const exact = Object.values(results.checks).find((counts) => counts['person-view'] !== undefined);
  const personStatements = exact?.['person-view'] ?? results.workloads['person-view']?.['joined-up']?.sqlPerRequest;
  if (personStatements !== null && personStatements !== undefined) {
    checks.push({
      target: 'person-view: ≤ 20 SQL statements per request',
      measured:
        `${personStatements}` + (exact?.['person-view-before'] ? ` (before: ${exact['person-view-before']})` : ''),
      met: personStatements <= 20,
    });
  }
  const scaled = results.scales['person-view'];
  const people = Object.keys(scaled ?? {})
    .map(Number)
    .sort((a, b) => a - b);
  if (scaled && people.length > 1) {
    const first = scaled[String(people[0])]!;
    const last = scaled[String(people.at(-1))]!;
    const growth = ratio(last.p95Ms, first.p95Ms);
    checks.push({
      target:
        `person-view p95 at ${people.at(-1)!.toLocaleString('en-GB')} ` +
        `people ≤ 1.3 × at ${people[0]!.toLocaleString('en-GB')}`,
      measured: `${last.p95Ms} vs ${first.p95Ms} ms: ${growth} ×`,
      met: growth === null ? null : growth <= 1.3,
    });
  }
  const memory = Object.entries(results.workloads).flatMap(([workload, byTarget]) => {
    const ours = byTarget['joined-up']?.peakProcessMemoryMb ?? byTarget['joined-up']?.peakMemoryMb;
    const apollo = byTarget['apollo-gateway']?.peakProcessMemoryMb ?? byTarget['apollo-gateway']?.peakMemoryMb;
    return ours && apollo ? [{ workload, ours, apollo, times: ratio(ours, apollo)! }] : [];
  });
  if (memory.length > 0) {
    const worst = memory.reduce((a, b) => (b.times > a.times ? b : a));
    checks.push({
      target: 'memory: each of our processes ≤ 1.2 × bare Apollo Gateway peak, on every workload',
      measured: `at most ${worst.times} × (${worst.workload}: ${worst.ours} vs ${worst.apollo} MiB)`,
      met: worst.times <= 1.2,
    });
  }
  const search = results.workloads['search'];
  const direct = search?.['direct'];
  const oursOnSearch = search?.['joined-up'];
  if (direct && oursOnSearch) {
    const below = Math.round((1 - oursOnSearch.rps / direct.rps) * 100);
    const slower = Math.round(((oursOnSearch.p50Ms ?? Infinity) / (direct.p50Ms ?? 1) - 1) * 100);
    checks.push({
      target: 'single-subgraph query (search): ≤ 15% below calling health directly, in throughput and p50',
      measured:
        `${oursOnSearch.rps} vs ${direct.rps} req/s (${below}% ` +
        `below); p50 ${oursOnSearch.p50Ms} vs ${direct.p50Ms} ms ` +
        `(${slower}% slower)`,
      met: below <= 15 && slower <= 15,
    });
  }
  const federation = results.workloads['federation-benchmark'];
  if (federation) {
    const ours = federation['joined-up'];
    for (const [peer, least, label] of [
      ['apollo-gateway', 2, 'bare Apollo Gateway'],
      ['hive-gateway-rust', 1, 'Hive Gateway on the Rust planner'],
    ] as const) {
      const theirs = federation[peer];
      const times = ratio(ours?.rps, theirs?.rps);
      if (times === null) continue;
      checks.push({
        target: `federation-benchmark: ≥ ${least} × ${label} throughput`,
        measured: `${times} × (${ours?.rps} vs ${theirs?.rps} req/s); p95 ${ours?.p95Ms} vs ${theirs?.p95Ms} ms`,
        met: times >= least,
      });
    }
  }
  for (const [name, counts] of Object.entries(results.checks)) {
    if (counts['caseload-5'] === undefined) continue;
    checks.push({
      target:
        `SQL statements per request the same for a caseload of 5 and ` +
        `of 50 (${name.replace('sqlPerRequest@', '')} people)`,
      measured: `${counts['caseload-5']} and ${counts['caseload-50']}`,
      met: counts['caseload-5'] === counts['caseload-50'],
    });
  }
  return checks;
}

const row = (cells: Array<string | number | null | undefined>) =>
  `| ${cells.map((cell) => (cell === null || cell === undefined ? '-' : String(cell))).join(' | ')} |`;

/** One table of every workload against every target, with throughput ratios to the peers and to before. */
export function printTable(table: Table): void {
  const header = ['Workload', 'Target', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'SQL/req', 'peak MiB'];
  const peers = [
    ['× Apollo', 'apollo-gateway'],
    ['× Hive', 'hive-gateway'],
    ['× Hive Rust', 'hive-gateway-rust'],
    ['× before', 'joined-up-before'],
  ] as const;
  console.log(row([...header, ...peers.map(([label]) => label)]));
  console.log(row([...header, ...peers].map(() => '---')));
  for (const [workload, byTarget] of Object.entries(table)) {
    for (const [target, entry] of Object.entries(byTarget)) {
      console.log(
        row([
          workload,
          target,
          entry.rps,
          entry.p50Ms,
          entry.p95Ms,
          entry.p99Ms,
          entry.errors,
          entry.sqlPerRequest,
          entry.peakMemoryMb,
          ...peers.map(([, peer]) => ratio(entry.rps, byTarget[peer]?.rps)),
        ]),
      );
    }
  }
}

/** Prints the run as tables: both layouts with the ratios, the scales, and the targets. */
export function printReport(results: BenchResults): void {
  results.targets ??= targetChecks(results);
  console.log('\n## One process each (median round by throughput)\n');
  printTable(results.workloads);
  if (results.workloadsPerCore) {
    console.log('\n## One worker per core each (median round by throughput)\n');
    printTable(results.workloadsPerCore);
  }
  if (Object.keys(results.scales).length > 0) {
    console.log('\n## Scale (our gateway in one process, PostgreSQL)\n');
    console.log(row(['Workload', 'People per agency', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'SQL/req']));
    console.log(row(['---', '---', '---', '---', '---', '---', '---']));
    for (const [workload, byScale] of Object.entries(results.scales)) {
      for (const [people, entry] of Object.entries(byScale))
        console.log(
          row([
            workload,
            Number(people).toLocaleString('en-GB'),
            entry.rps,
            entry.p50Ms,
            entry.p95Ms,
            entry.p99Ms,
            entry.sqlPerRequest,
          ]),
        );
    }
  }
  const counted = Object.entries(results.checks);
  if (counted.length > 0) {
    console.log('\n## SQL statements per request (ten requests one at a time, one gateway process)\n');
    const names = [...new Set(counted.flatMap(([, counts]) => Object.keys(counts)))];
    console.log(row(['People per agency', ...names]));
    console.log(row(['---', ...names.map(() => '---')]));
    for (const [name, counts] of counted)
      console.log(
        row([Number(name.replace('sqlPerRequest@', '')).toLocaleString('en-GB'), ...names.map((key) => counts[key])]),
      );
  }
  if (results.app) printAppRecord(results.app);
  if (results.events) printEventDelivery(results.events);
  console.log('\n## Targets (one-process table)\n');
  console.log(row(['Target', 'Measured', 'Met']));
  console.log(row(['---', '---', '---']));
  for (const check of results.targets)
    console.log(row([check.target, check.measured, check.met === null ? 'not measured' : check.met ? 'yes' : 'no']));
}

/** The web app's table: time to Sam's whole record on screen, and what the browser downloads. */
export function printAppRecord(app: AppRecordResult): void {
  console.log("\n## The web app: Sam's record in Chromium (every section shown; PGlite, 1,000 people)\n");
  console.log(row(['Openings', 'p50 ms', 'p95 ms', 'App files (first visit)', 'On the wire', 'GraphQL answer']));
  console.log(row(['---', '---', '---', '---', '---', '---']));
  const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;
  console.log(
    row([
      app.openings.length,
      app.p50Ms,
      app.p95Ms,
      kib(app.appBytes),
      kib(app.appBytesCompressed),
      kib(app.graphqlBytes),
    ]),
  );
}

/** The events' table: write to screen, and the rate through to a thousand subscribed screens. */
export function printEventDelivery(entries: EventDeliveryEntry[]): void {
  console.log("\n## Events: a hospital admission to his care team's screens (SSE, PGlite, one process)\n");
  console.log(
    row(['Engine', 'Screens', 'Sign-ins', 'p50 ms', 'p95 ms', 'Events/s', 'Deliveries/s', 'Missed', 'Doubled']),
  );
  console.log(row(['---', '---', '---', '---', '---', '---', '---', '---', '---']));
  for (const entry of entries)
    console.log(
      row([
        entry.engine,
        entry.clients,
        entry.signIns,
        entry.p50Ms,
        entry.p95Ms,
        entry.eventsPerSecond,
        entry.deliveriesPerSecond,
        entry.missed,
        entry.doubled,
      ]),
    );
}
